/**
 * The one guard for the folders a build replaces (`--out`, `--reports-dir`): a build deletes and
 * renames them, so `--reports-dir content` (which held content/sources/) or `--out src` must be
 * refused before anything is touched.
 *
 * Refused: the repository root and its own folders (`PROTECTED`), a folder containing one of
 * them, a folder inside `INSIDE_REFUSED` (or the sources folder), the two outputs inside each
 * other, an existing file, and an existing non-empty folder that huibian did not create.
 * huibian marks what it creates with `MARKER` (a small file inside); outputs made before the
 * marker existed are recognised by their content (a `catalog.json`, and for a site `pagefind/`).
 *
 * Doesn’t create, move or delete anything (except `markOutput`, which writes the marker).
 */
import { readdir, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PATHS } from '../../src/lib/config.ts';

/** The marker file huibian writes into every folder it creates. */
export const MARKER = '.huibian-output';
/** Folders of the repository an output may not be, nor contain. */
const PROTECTED = [
	'src',
	'content',
	'content/sources',
	'scripts',
	'public',
	'tests',
	'node_modules',
	'.git',
];
/** Folders of the repository an output may not lie inside (`content/reports` is inside `content`, and allowed). */
const INSIDE_REFUSED = [
	'src',
	'scripts',
	'public',
	'tests',
	'node_modules',
	'content/sources',
	'.git',
];

export type OutputKind = 'site' | 'reports';

/** Write the marker into `dir` (deterministic content: outputs stay byte-identical). */
export async function markOutput(
	dir: string,
	kind: OutputKind,
): Promise<{ name: string; text: string }> {
	const text = `huibian ${kind} output: rebuilt by every build; do not edit.\n`;
	await writeFile(path.join(dir, MARKER), text);
	return { name: MARKER, text };
}

/** The real path of `p`, resolving symlinks of its nearest existing ancestor. */
async function realOf(p: string): Promise<string> {
	const abs = path.resolve(p);
	let base = abs;
	const rest: string[] = [];
	for (;;) {
		try {
			return path.join(await realpath(base), ...rest.reverse());
		} catch {
			const parent = path.dirname(base);
			if (parent === base) return abs;
			rest.push(path.basename(base));
			base = parent;
		}
	}
}

const within = (outer: string, inner: string) => {
	const rel = path.relative(outer, inner);
	return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Does `dir` (non-empty, unmarked) look like an output of an older huibian? */
async function looksLikeOutput(dir: string, names: string[], kind: OutputKind): Promise<boolean> {
	if (!names.includes('catalog.json')) return false;
	if (kind === 'site')
		return (
			names.includes('pagefind') &&
			(await stat(path.join(dir, 'pagefind')).then(
				(s) => s.isDirectory(),
				() => false,
			))
		);
	return names.every(
		(n) =>
			n === 'catalog.json' || n.endsWith('.mdx') || n.startsWith('.') || /\.(md|txt)$/i.test(n),
	);
}

export interface GuardTarget {
	option: string;
	dir: string;
	kind: OutputKind;
}

/**
 * @param root The repository root.
 * @param targets The outputs (`--out` → site, `--reports-dir` → reports).
 * @param sources The sources folder (never an output, never inside or around one).
 * @returns One sentence per refused output (empty when all are allowed).
 */
export async function checkOutputs(
	root: string,
	targets: readonly GuardTarget[],
	sources: string,
): Promise<string[]> {
	const problems: string[] = [];
	const realRoot = await realOf(root);
	const realSources = await realOf(sources);
	const reals = await Promise.all(targets.map((t) => realOf(t.dir)));
	const protectedReal = await Promise.all(PROTECTED.map((p) => realOf(path.join(realRoot, p))));
	const insideReal = await Promise.all(INSIDE_REFUSED.map((p) => realOf(path.join(realRoot, p))));
	for (const [i, t] of targets.entries()) {
		const real = reals[i]!;
		const shown = path.relative(process.cwd(), t.dir) || '.';
		const refuse = (why: string) =>
			problems.push(
				`--${t.option} ${shown}: ${why}; nothing was changed. Choose another folder (the default is ${t.kind === 'site' ? PATHS.site : PATHS.reports}).`,
			);
		const hit = protectedReal.find((p) => within(real, p));
		if (real === realRoot || within(real, realRoot)) {
			refuse('is the repository root or contains it');
			continue;
		}
		if (hit) {
			refuse(
				`${real === hit ? 'is' : 'contains'} the repository folder ${PROTECTED[protectedReal.indexOf(hit)]}/, which a build would delete`,
			);
			continue;
		}
		const inside = insideReal.find((p) => within(p, real));
		if (inside) {
			refuse(`lies inside the repository folder ${INSIDE_REFUSED[insideReal.indexOf(inside)]}/`);
			continue;
		}
		if (within(real, realSources) || within(realSources, real)) {
			refuse('is, contains or lies inside the sources folder');
			continue;
		}
		const other = reals.findIndex((r, j) => j !== i && (within(r, real) || within(real, r)));
		if (other >= 0) {
			refuse(`is, contains or lies inside --${targets[other]!.option}`);
			continue;
		}
		const info = await stat(real).catch(() => null);
		if (!info) continue;
		if (!info.isDirectory()) {
			refuse('is a file, not a folder');
			continue;
		}
		const names = await readdir(real);
		if (names.length === 0 || names.includes(MARKER)) continue;
		if (await looksLikeOutput(real, names, t.kind)) continue;
		refuse(
			`is a folder huibian did not create (no ${MARKER} in it) and is not empty (${names.length} entries): a build would replace it`,
		);
	}
	return problems;
}
