/**
 * Error policy of the build (issue 6): sources that cannot be read (binary, empty, mojibake,
 * not a file) make `scripts/build.ts` exit non-zero with `file:line` and a hint for EVERY bad
 * file, and a failed build — at the ingest or at a later stage — leaves the previous `dist/` and
 * the previous generated reports exactly as they were, with no staging folder left behind.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { committedSources } from '../fixtures/robust-site/make-sources.ts';
import { hashTree, runBuild, treeDiff, type BuildRun } from '../fixtures/robust-site/run-build.ts';

let tmp: string;
let sources: string;
let first: BuildRun;
let before: { dist: Map<string, string>; reports: Map<string, string> };
const dirs = () => ({
	sources,
	out: path.join(tmp, 'dist'),
	reportsDir: path.join(tmp, 'reports'),
	cache: path.join(tmp, 'cache'),
});
const snapshot = async () => ({
	dist: await hashTree(path.join(tmp, 'dist')),
	reports: await hashTree(path.join(tmp, 'reports')),
});

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-errors-'));
	sources = path.join(tmp, 'sources');
	await mkdir(sources);
	await cp(
		path.join(committedSources, 'robust-single.txt'),
		path.join(sources, 'robust-single.txt'),
	);
	first = await runBuild(dirs());
	before = await snapshot();
}, 120_000);

afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The previous outputs are unchanged and nothing half-built lies beside them. */
async function expectUntouched(): Promise<void> {
	const after = await snapshot();
	expect(treeDiff(before.dist, after.dist)).toEqual([]);
	expect(treeDiff(before.reports, after.reports)).toEqual([]);
	// No staging folder is left behind. `.cache` is the ingest's content-hash cache (may change).
	expect((await readdir(tmp)).filter((n) => n !== '.cache').sort()).toEqual([
		'cache',
		'dist',
		'reports',
		'sources',
	]);
}

test('the first build succeeds (the baseline the failed builds must not touch)', () => {
	expect(first.code, first.output).toBe(0);
	expect(before.dist.size).toBeGreaterThan(10);
	expect([...before.reports.keys()].filter((f) => f.endsWith('.mdx'))).toHaveLength(1);
});

describe('unreadable sources', () => {
	// Traditional text in Big5, read as GBK by some old tool and saved as UTF-8: valid UTF-8, garbage text.
	const traditional =
		'強素質 促發展 努力打造學習型農經新形象\n延慶縣農村合作經濟經營管理站，成立於1983年5月。我們的工作是為了農民的發展。\n';
	const bad: Record<string, { bytes?: Uint8Array; rule: string; hint: RegExp }> = {
		'binary.txt': {
			bytes: new Uint8Array([
				0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
			]),
			rule: 'decode:binary',
			hint: /Save it as UTF-8/,
		},
		'empty.txt': {
			bytes: new Uint8Array(),
			rule: 'decode:empty',
			hint: /Remove it or add the text/,
		},
		'mojibake.txt': {
			bytes: iconv.encode(iconv.decode(iconv.encode(traditional, 'big5'), 'gbk'), 'utf-8'),
			rule: 'decode:mojibake',
			hint: /Save it as UTF-8/,
		},
		'folder.txt': { rule: 'decode:unreadable', hint: /cannot be read/ },
	};
	let run: BuildRun;
	beforeAll(async () => {
		for (const [name, { bytes }] of Object.entries(bad)) {
			if (bytes) await writeFile(path.join(sources, name), bytes);
			else await mkdir(path.join(sources, name));
		}
		// A good new source too: had the ingest written anything, the reports would change.
		await cp(path.join(committedSources, 'robust-toc.txt'), path.join(sources, 'robust-toc.txt'));
		run = await runBuild(dirs());
	}, 120_000);
	afterAll(async () => {
		for (const name of [...Object.keys(bad), 'robust-toc.txt'])
			await rm(path.join(sources, name), { recursive: true, force: true });
	});

	test('the build exits non-zero at the ingest', () => {
		expect(run.code, run.output).not.toBe(0);
		expect(run.output).toContain('build failed at stage "ingest"');
		expect(run.output).not.toMatch(/^astro: /m);
	});

	test.each(Object.keys(bad))(
		'%s is reported with file:line, what is wrong and what to do',
		(name) => {
			const { rule, hint } = bad[name]!;
			const line = run.output
				.split('\n')
				.find((l) => l.includes(`${name}:`) && l.includes(`[${rule}]`));
			expect(line, run.output).toBeDefined();
			expect(line).toMatch(new RegExp(`${name.replace('.', '\\.')}:\\d+:\\d+: error `));
			expect(line).toMatch(hint);
		},
	);

	test('dist/ and the generated reports are left as they were', expectUntouched);
});

describe('a later stage fails after a successful ingest', () => {
	let run: BuildRun;
	beforeAll(async () => {
		await cp(path.join(committedSources, 'robust-toc.txt'), path.join(sources, 'robust-toc.txt'));
		// An invalid --site makes Astro refuse its configuration, after the ingest succeeded.
		run = await runBuild({ ...dirs(), extra: ['--site', 'not a url'] });
	}, 120_000);
	afterAll(async () => {
		await rm(path.join(sources, 'robust-toc.txt'), { force: true });
	});

	test('the build exits non-zero at the astro stage, after a successful ingest', () => {
		expect(run.code, run.output).not.toBe(0);
		expect(run.output).toMatch(/^ingest: 2 sources, 3 reports/m);
		expect(run.output).toContain('build failed at stage "astro"');
	});

	test('dist/ and the generated reports are left as they were', expectUntouched);
});
