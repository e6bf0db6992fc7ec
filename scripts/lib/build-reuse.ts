/**
 * May a build keep the site it built last time as it is? Yes when everything the site is made of
 * is what it was made of then, and the site on disk is still the one that build left:
 *
 * - the inputs: the build digest (`build-digest.ts`: `src/`, config, lockfile, vocabulary, page
 *   options), every file of `scripts/` (the stages themselves, the search index writer), the
 *   search tuning variables, and every file the ingest just wrote (the report MDX, catalog.json:
 *   what Astro and the index are built from);
 * - the site: every path under `--out` with its size, modification time and inode, as the last
 *   build recorded them after it swapped the site into place (a file edited, added or removed
 *   since, even with its old size, makes the next build a real one).
 *
 * Then both Astro and the search stage would write the same bytes (the build is deterministic),
 * and the build skips them and the swap of the site: no page is rendered, copied or deleted.
 * Otherwise nothing is reused here (Astro's own incremental build still reuses unchanged pages).
 *
 * The record lives in the Astro cache folder beside the build digest. It is removed before a
 * build changes the site, and written only after the site is in place, so a killed build never
 * leaves a record that matches a site it did not finish.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HuibianConfig } from '../../src/lib/config.ts';
import type { AstroStageResult } from './astro-stage-result.ts';
import type { SearchStageResult } from './search-stage-line.ts';

/** Bump when what the record covers changes. */
const REUSE_VERSION = 1;

export interface LastBuild {
	version: number;
	/** The site folder (`--out`, absolute). */
	out: string;
	/** Digest of the inputs (`inputKey`). */
	inputs: string;
	/** Digest of the site on disk (`siteManifest`). */
	site: string;
	/** What its stages did, to say what is kept. */
	astro: AstroStageResult;
	reportPages: number;
	search: SearchStageResult;
}

/** What the last build's stages made, recorded with it. */
export type BuildOutcome = Pick<LastBuild, 'inputs' | 'astro' | 'reportPages' | 'search'>;

/** The search stage's tuning variables: they change the index, so they are inputs. */
export function searchTuning(env: HuibianConfig['env']): Record<string, number | undefined> {
	return {
		gram: env.HUIBIAN_SEARCH_GRAM,
		lookahead: env.HUIBIAN_SEARCH_LOOKAHEAD,
		chunkBytes: env.HUIBIAN_SEARCH_CHUNK_BYTES,
		rangeChars: env.HUIBIAN_SEARCH_RANGE_CHARS,
	};
}

const n = (x: number) => x.toLocaleString('en-US');

/** The stage lines of a build that kept the site (`astro: 0 of 2,177 pages rendered, 2,177 reused; …`). */
export function keptLines(last: LastBuild, out: string): string[] {
	const { astro, search } = last;
	return [
		`astro: 0 of ${n(astro.files)} pages rendered, ${n(astro.files)} reused; ${n(astro.pages)} HTML, ${n(last.reportPages)} report pages: the inputs are the last build's and ${out} is as it left it`,
		`search: ${search.reports} reports + ${search.tocOnly} 正文未收录: the index of the last build, ${search.indexMiB.toFixed(2)} MiB, kept`,
	];
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
	const entries = await readdir(path.join(root, dir), { withFileTypes: true });
	for (const e of entries) {
		const rel = dir ? `${dir}/${e.name}` : e.name;
		if (e.isDirectory()) await walk(root, rel, out);
		else out.push(rel);
	}
}

/** Every file under `dir`, relative, `/`-separated, sorted (an empty list for a missing folder). */
async function filesOf(dir: string): Promise<string[]> {
	const out: string[] = [];
	await walk(dir, '', out).catch((error: NodeJS.ErrnoException) => {
		if (error.code !== 'ENOENT') throw error;
	});
	return out.sort();
}

/** SHA-256 of every file's path and bytes under each folder (`scripts/`, the reports folder). */
export async function contentDigest(dirs: readonly string[]): Promise<string> {
	const hash = createHash('sha256');
	for (const dir of dirs) {
		hash.update(`\0dir\0${dir}\0`);
		for (const file of await filesOf(dir))
			hash.update(`\0${file}\0`).update(await readFile(path.join(dir, file)));
	}
	return hash.digest('hex');
}

/**
 * The digest of what a build is made of.
 * @param parts The build digest, the content digests, the options: in a fixed order.
 */
export function inputKey(parts: Readonly<Record<string, string | number | undefined>>): string {
	return createHash('sha256')
		.update(`${REUSE_VERSION}\0${JSON.stringify(Object.entries(parts).sort())}`)
		.digest('hex');
}

/** A site's manifest digest and the bytes of its regular files (the same walk gives both). */
interface Manifest {
	digest: string;
	bytes: number;
}

async function manifestOf(dir: string): Promise<Manifest | null> {
	const top = await lstat(dir).catch(() => null);
	if (!top?.isDirectory()) return null;
	const hash = createHash('sha256');
	const files = await filesOf(dir);
	const stats = await Promise.all(files.map((f) => lstat(path.join(dir, f), { bigint: true })));
	let bytes = 0n;
	files.forEach((f, i) => {
		const s = stats[i]!;
		hash.update(`${f}\0${s.size}\0${s.mtimeNs}\0${s.ino}\n`);
		if (s.isFile()) bytes += s.size;
	});
	return { digest: hash.digest('hex'), bytes: Number(bytes) };
}

/** SHA-256 of every path under `dir` with its size, modification time (ns) and inode; null when `dir` is missing. */
export async function siteManifest(dir: string): Promise<string | null> {
	return (await manifestOf(dir))?.digest ?? null;
}

const recordFile = (cacheDir: string) => path.join(cacheDir, 'huibian-last-build.json');

/** The last build's record, or null (none, unreadable, or of another version). */
export async function readLastBuild(cacheDir: string): Promise<LastBuild | null> {
	try {
		const r = JSON.parse(await readFile(recordFile(cacheDir), 'utf8')) as Partial<LastBuild>;
		if (
			r.version === REUSE_VERSION &&
			typeof r.out === 'string' &&
			typeof r.inputs === 'string' &&
			typeof r.site === 'string' &&
			typeof r.astro?.files === 'number' &&
			typeof r.search?.reports === 'number'
		)
			return r as LastBuild;
	} catch {
		// missing or corrupt: nothing to reuse
	}
	return null;
}

/** Forget the last build (before the site changes). */
export async function clearLastBuild(cacheDir: string): Promise<void> {
	await rm(recordFile(cacheDir), { force: true });
}

/**
 * Record the site just put in place at `out` and what it was built from (atomically).
 * @returns The bytes of the site's files (from the same walk: the build's size line), or null
 *   when `out` is missing (nothing recorded).
 */
export async function saveLastBuild(
	cacheDir: string,
	out: string,
	outcome: BuildOutcome,
): Promise<number | null> {
	const site = await manifestOf(out);
	if (!site) return null;
	const record: LastBuild = { version: REUSE_VERSION, out, site: site.digest, ...outcome };
	const file = recordFile(cacheDir);
	await writeFile(`${file}.tmp`, `${JSON.stringify(record)}\n`);
	await rename(`${file}.tmp`, file);
	return site.bytes;
}

/**
 * Why the site at `out` can't be kept (`'inputs changed'`, …), or null when it can.
 * @param inputs This build's `inputKey`.
 */
export async function whyNotReuse(
	cacheDir: string,
	out: string,
	inputs: string,
): Promise<string | null> {
	const last = await readLastBuild(cacheDir);
	if (!last) return 'no record of a previous build';
	if (last.out !== out) return 'the last build wrote another folder';
	if (last.inputs !== inputs) return 'inputs changed';
	if ((await siteManifest(out)) !== last.site) return `${out} changed since the last build`;
	return null;
}
