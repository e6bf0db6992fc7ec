/**
 * Issue 17: an incremental build gives the same `dist/` (and generated reports) as a clean build
 * of the same inputs, byte for byte, after every step of a sequence of edits: nothing changed, a
 * body, a title, an override, the vocabulary, a source added, a source removed. The incremental
 * build keeps its output, reports folder and caches from step to step; the clean build of each
 * step starts from empty folders and a cold Astro cache. A scratch copy of the repository holds
 * the inputs (vocabulary and overrides are read from the repository), with three of the samples.
 *
 * It also checks that the incremental build did reuse pages (else it would prove nothing) and
 * rendered everything again when the vocabulary changed, and that a damaged knowledge cache
 * (excerpts, practices, related lists) or search gzip cache changes nothing.
 */
import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashTree, root, treeDiff } from '../fixtures/robust-site/run-build.ts';
import { makeScratchRepo, startBuild } from './robust-scratch.ts';

const SAMPLES = path.join(root, 'content/sources');
const BODY_SOURCE = '003_77d6b46982f7129e.txt';
const REMOVED_SOURCE = '004_83e701237cf79c63.txt';
const ADDED_SOURCE = '001_c21bc2402ff3211b.txt';

let tmp: string;
let repo: string;
const incremental = () => ({
	out: path.join(tmp, 'incr/dist'),
	reportsDir: path.join(tmp, 'incr/reports'),
	cache: path.join(tmp, 'incr/astro-cache'),
});

/** The scratch repository's own build, run in it (so it reads its vocabulary and overrides). */
async function runBuild(
	o: ReturnType<typeof incremental>,
): Promise<{ code: number | null; output: string }> {
	return startBuild(['--out', o.out, '--reports-dir', o.reportsDir], {
		repo,
		env: { HUIBIAN_CACHE: o.cache },
	}).done;
}

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-incremental-'));
	const text = async (name: string) => readFile(path.join(SAMPLES, name));
	repo = await makeScratchRepo(path.join(tmp, 'repo'), {
		[BODY_SOURCE]: await text(BODY_SOURCE),
		[REMOVED_SOURCE]: await text(REMOVED_SOURCE),
	});
	const first = await runBuild(incremental());
	expect(first.code, first.output).toBe(0);
	expect(first.output).toMatch(/^astro: .*full build: first build in this cache/m);
}, 300_000);
afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** `astro: R of F pages rendered, U reused…` of a build's output. */
function astroCounts(output: string): {
	rendered: number;
	files: number;
	reused: number;
	full: boolean;
} {
	const m = /^astro: ([\d,]+) of ([\d,]+) pages rendered, ([\d,]+) reused(; full build)?/m.exec(
		output,
	);
	if (!m) throw new Error(`no astro line in the build output:\n${output}`);
	const n = (s: string) => Number(s.replaceAll(',', ''));
	return { rendered: n(m[1]!), files: n(m[2]!), reused: n(m[3]!), full: m[4] !== undefined };
}

/** The output of the last incremental build of `buildBoth`. */
let lastOutput = '';

/** Build incrementally, then clean into fresh folders; both must succeed and be identical. */
async function buildBoth(step: string): Promise<ReturnType<typeof astroCounts>> {
	const incr = await runBuild(incremental());
	expect(incr.code, incr.output).toBe(0);
	lastOutput = incr.output;
	const clean = path.join(tmp, `clean-${step}`);
	const full = await runBuild({
		...incremental(),
		out: path.join(clean, 'dist'),
		reportsDir: path.join(clean, 'reports'),
		cache: path.join(clean, 'astro-cache'),
	});
	expect(full.code, full.output).toBe(0);
	expect(astroCounts(full.output).reused).toBe(0);
	for (const folder of ['dist', 'reports']) {
		const [a, b] = [
			await hashTree(path.join(tmp, 'incr', folder)),
			await hashTree(path.join(clean, folder)),
		];
		expect(a.size).toBeGreaterThan(folder === 'dist' ? 50 : 2);
		// The first differing file is named in the failure (a list of path: changed/only in …).
		expect(
			treeDiff(a, b),
			`${folder}: incremental build (first) vs clean build (second) after "${step}"`,
		).toEqual([]);
	}
	await rm(clean, { recursive: true, force: true });
	return astroCounts(incr.output);
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
	const before = await readFile(file, 'utf8');
	const after = change(before);
	expect(after, `the edit of ${path.basename(file)} changed nothing`).not.toBe(before);
	await writeFile(file, after);
}

/** Reports of the incremental build's catalog. */
async function catalogReports(): Promise<Array<{ id: string; title: string; source: string }>> {
	const catalog = JSON.parse(
		await readFile(path.join(tmp, 'incr/reports/catalog.json'), 'utf8'),
	) as { reports: Array<{ id: string; title: string; source: string }> };
	return catalog.reports;
}

describe('an incremental build equals a clean build after every edit', () => {
	test('nothing changed: dist/ kept as it is, nothing rendered', async () => {
		const before = await hashTree(incremental().out);
		const run = await runBuild(incremental());
		expect(run.code, run.output).toBe(0);
		expect(treeDiff(await hashTree(incremental().out), before)).toEqual([]);
		// the inputs and the site are the last build's (scripts/lib/build-reuse.ts): no stage runs
		expect(run.output).toMatch(/^build: .* kept as it is/m);
		const counts = astroCounts(run.output);
		expect(counts.full).toBe(false);
		expect(counts.rendered).toBe(0);
		expect(counts.reused).toBe(counts.files);
	}, 300_000);

	test('a page of dist/ edited by hand (same size): the build is a real one and puts it right', async () => {
		const { out } = incremental();
		const catalog = (await catalogReports())[0]!;
		const page = path.join(out, 'reports', catalog.id, 'index.html');
		const html = await readFile(page, 'utf8');
		const at = html.indexOf(catalog.title);
		expect(at).toBeGreaterThan(0);
		// one character changed, the length kept: only the modification time tells
		const edited = `${html.slice(0, at)}某${html.slice(at + 1)}`;
		expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(html));
		await writeFile(page, edited);
		const counts = await buildBoth('page edited');
		expect(counts.full).toBe(false);
		// only the pages without getStaticPaths (home, indexes, search, data, 404 …) render again
		expect(counts.rendered).toBeLessThan(25);
		expect(await readFile(page, 'utf8')).toBe(html);
	}, 300_000);

	test('a body changed (one sentence added)', async () => {
		await edit(path.join(repo, 'content/sources', BODY_SOURCE), (text) => {
			const lines = text.split('\n');
			const longest = lines.reduce(
				(best, line, i) => (line.length > lines[best]!.length ? i : best),
				0,
			);
			lines[longest] = `${lines[longest]!.trimEnd()}这是修订时新加的一句话。`;
			return lines.join('\n');
		});
		const counts = await buildBoth('body');
		expect(counts.full).toBe(false);
		expect(counts.reused).toBeGreaterThan(counts.files / 2);
		// the search stage reused gzipped index files of the last build (and the index is the clean one's)
		const zipped = /; ([\d,]+) index files gzipped, ([\d,]+) reused/.exec(lastOutput);
		expect(zipped, lastOutput).not.toBeNull();
		expect(Number(zipped![2]!.replaceAll(',', ''))).toBeGreaterThan(0);
		// and patched the words of the one page whose text changed into the last build's
		expect(lastOutput).toMatch(/; words patched for 1 changed pages/);
	}, 300_000);

	test('a damaged knowledge cache is computed again, never read', async () => {
		// Excerpts, practices and related lists are cached in the Astro cache folder
		// (src/loaders/knowledge-cache.ts): one byte changed in each file must not change a page.
		const dir = path.join(incremental().cache, 'huibian-knowledge');
		const names = (await readdir(dir)).sort();
		expect(names).toEqual(['reports.v8', 'result.v8']);
		for (const name of names) {
			const bytes = await readFile(path.join(dir, name));
			bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x20;
			await writeFile(path.join(dir, name), bytes);
		}
		// so is the search stage's cache of gzipped index files (scripts/lib/search-gzip-cache.ts)
		const zipped = path.join(incremental().cache, 'huibian-search-gzip.bin');
		const bytes = await readFile(zipped);
		for (let at = bytes.length >> 1; at < bytes.length; at += 4096) bytes[at] = bytes[at]! ^ 0x20;
		await writeFile(zipped, bytes);
		// and its words of the last build (scripts/lib/search-postings-cache.ts)
		const postings = path.join(incremental().cache, 'huibian-search-postings');
		for (const name of (await readdir(postings)).filter((n) => n.endsWith('.bin'))) {
			const words = await readFile(path.join(postings, name));
			words[words.length >> 1] = words[words.length >> 1]! ^ 0x20;
			await writeFile(path.join(postings, name), words);
		}
		// and the build must be a real one (not the kept dist/ of unchanged inputs): dist/ touched
		const home = path.join(incremental().out, 'index.html');
		await utimes(home, new Date(2031, 0, 1), new Date(2031, 0, 1));
		const counts = await buildBoth('damaged knowledge cache');
		expect(counts.full).toBe(false);
		expect(counts.rendered).toBeGreaterThan(0);
	}, 300_000);

	test('a title changed', async () => {
		const report = (await catalogReports()).find((r) => r.source === BODY_SOURCE)!;
		await edit(path.join(repo, 'content/sources', BODY_SOURCE), (text) => {
			const at = text.lastIndexOf(report.title);
			return `${text.slice(0, at)}${report.title}（修订稿）${text.slice(at + report.title.length)}`;
		});
		expect((await buildBoth('title')).full).toBe(false);
		expect((await catalogReports()).some((r) => r.title.includes('（修订稿）'))).toBe(true);
	}, 300_000);

	test('an override added', async () => {
		const report = (await catalogReports()).find((r) => r.source === REMOVED_SOURCE)!;
		await writeFile(
			path.join(repo, 'content/overrides.yaml'),
			`${report.id}:\n  unit: 增量构建测试单位\n  date: 2011-05\n`,
		);
		expect((await buildBoth('override')).full).toBe(false);
		const catalog = JSON.parse(
			await readFile(path.join(tmp, 'incr/reports/catalog.json'), 'utf8'),
		) as { reports: Array<{ id: string; unit: string | null }> };
		expect(catalog.reports.find((r) => r.id === report.id)?.unit).toBe('增量构建测试单位');
	}, 300_000);

	test('the vocabulary changed: every page rendered again', async () => {
		await edit(path.join(repo, 'content/vocabulary.yaml'), (text) =>
			text.replace('label: 学习型组织理论', 'label: 学习型组织的理论'),
		);
		const counts = await buildBoth('vocabulary');
		expect(counts.full).toBe(true);
		expect(counts.reused).toBe(0);
	}, 300_000);

	test('a source added', async () => {
		await cp(path.join(SAMPLES, ADDED_SOURCE), path.join(repo, 'content/sources', ADDED_SOURCE));
		expect((await buildBoth('source added')).full).toBe(false);
	}, 300_000);

	test('a source removed', async () => {
		await rm(path.join(repo, 'content/sources', REMOVED_SOURCE));
		expect((await buildBoth('source removed')).full).toBe(false);
		expect((await catalogReports()).some((r) => r.source === REMOVED_SOURCE)).toBe(false);
	}, 300_000);
});
