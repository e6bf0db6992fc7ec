/**
 * Issue 14, attacks 3, 7, 10 and 14 on the real build: `--out` / `--reports-dir` can't replace the
 * repository's own folders or a folder huibian didn't create (checked in a scratch copy of the
 * repository, so even a build without the guard only hurts the copy); the defaults still work;
 * a title that starts like a formula is text in reports.csv; an output on another file system
 * is built; an empty sources folder doesn't replace a site; leftovers of killed runs go away.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../helpers/csv.ts';
import { committedSources } from '../fixtures/robust-site/make-sources.ts';
import { hashTree, treeDiff } from '../fixtures/robust-site/run-build.ts';
import { makeScratchRepo, startBuild } from './robust-scratch.ts';

let tmp: string;
let repo: string;
let single: string;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-outputs-'));
	single = await readFile(path.join(committedSources, 'robust-single.txt'), 'utf8');
	repo = await makeScratchRepo(path.join(tmp, 'repo'), { 'robust-single.txt': single });
}, 60_000);
afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Every file of the scratch repository but node_modules, by path → hash. */
async function repoTree(): Promise<Map<string, string>> {
	const all = new Map<string, string>();
	for (const dir of ['src', 'public', 'scripts', 'content', 'dist'])
		for (const [f, h] of await hashTree(path.join(repo, dir))) all.set(`${dir}/${f}`, h);
	return all;
}

describe('3. the output guard refuses dangerous --out and --reports-dir before touching anything', () => {
	let before: Map<string, string>;
	beforeAll(async () => {
		await mkdir(path.join(repo, 'mine'));
		await writeFile(path.join(repo, 'mine', 'notes.txt'), '我的文件');
		before = await repoTree();
	});

	test.each([
		[['--out', 'src'], '--out src: is the repository folder src/, which a build would delete'],
		[
			['--reports-dir', 'content'],
			'--reports-dir content: is the repository folder content/, which a build would delete',
		],
		[
			['--reports-dir', 'content/sources'],
			'--reports-dir content/sources: is the repository folder content/sources/, which a build would delete',
		],
		[['--out', '.'], '--out .: is the repository root or contains it'],
		[['--out', '..'], '--out ..: is the repository root or contains it'],
		[['--out', 'public/site'], '--out public/site: lies inside the repository folder public/'],
		[
			['--reports-dir', 'content/sources/reports'],
			'--reports-dir content/sources/reports: lies inside the repository folder content/sources/',
		],
		[
			['--out', 'node_modules/site'],
			'--out node_modules/site: lies inside the repository folder node_modules/',
		],
		[
			['--out', 'mine'],
			'--out mine: is a folder huibian did not create (no .huibian-output in it) and is not empty (1 entries): a build would replace it',
		],
	])(
		'%j is refused with one line, exit 2, nothing changed',
		async (args, why) => {
			const run = await startBuild(args, {
				repo,
				env: { HUIBIAN_CACHE: path.join(tmp, 'astro-cache') },
			}).done;
			expect(run.code, run.output).toBe(2);
			const lines = run.output.trim().split('\n');
			expect(lines[0]).toBe(
				`build: ${why}; nothing was changed. Choose another folder (the default is ${args[0] === '--out' ? 'dist' : 'content/reports'}).`,
			);
			expect(treeDiff(before, await repoTree())).toEqual([]);
			expect(await readFile(path.join(repo, 'mine', 'notes.txt'), 'utf8')).toBe('我的文件');
		},
		60_000,
	);

	test('the defaults dist/ and content/reports/ build, and build again over themselves (they carry the mark)', async () => {
		const first = await startBuild([], {
			repo,
			env: { HUIBIAN_CACHE: path.join(tmp, 'astro-cache') },
		}).done;
		expect(first.code, first.output).toBe(0);
		expect(existsSync(path.join(repo, 'dist/index.html'))).toBe(true);
		expect(existsSync(path.join(repo, 'dist/.huibian-output'))).toBe(true);
		expect(existsSync(path.join(repo, 'content/reports/.huibian-output'))).toBe(true);
		// A site built before the mark existed (no .huibian-output) is still recognised as huibian's.
		await unlink(path.join(repo, 'dist/.huibian-output'));
		await unlink(path.join(repo, 'content/reports/.huibian-output'));
		const second = await startBuild([], {
			repo,
			env: { HUIBIAN_CACHE: path.join(tmp, 'astro-cache') },
		}).done;
		expect(second.code, second.output).toBe(0);
		expect(second.output).toMatch(/^build: dist ready/m);
	}, 180_000);
});

describe('7. a title that starts like a formula (text, metadata, override) is text in data/reports.csv', () => {
	test('the cells start with a quote', async () => {
		const out = path.join(tmp, 'csv');
		await writeFile(
			path.join(repo, 'content/sources', 'formula.txt'),
			'=1+1学习型机关建设\n\n某某局坚持学习，建设学习型机关。我们的做法如下。\n',
		);
		await writeFile(
			path.join(repo, 'content/sources', 'robust-single.yaml'),
			'title: "@SUM(1+1)汇编"\n',
		);
		// The id of the report of robust-single.txt, from the default build above.
		const catalog = JSON.parse(
			await readFile(path.join(repo, 'content/reports/catalog.json'), 'utf8'),
		) as { reports: Array<{ id: string }> };
		await writeFile(
			path.join(repo, 'content/overrides.yaml'),
			`${catalog.reports[0]!.id}:\n  unit: "-2+3单位"\n`,
		);
		const run = await startBuild(
			['--out', path.join(out, 'dist'), '--reports-dir', path.join(out, 'reports')],
			{ repo, env: { HUIBIAN_CACHE: path.join(tmp, 'astro-cache') } },
		).done;
		await rm(path.join(repo, 'content/sources', 'formula.txt'));
		await rm(path.join(repo, 'content/sources', 'robust-single.yaml'));
		await writeFile(path.join(repo, 'content/overrides.yaml'), '# none\n');
		expect(run.code, run.output).toBe(0);
		const [header, ...rows] = parseCsv(
			await readFile(path.join(out, 'dist/data/reports.csv'), 'utf8'),
		);
		const col = (name: string) => rows.map((r) => r[header!.indexOf(name)]!);
		expect(col('title')).toContain("'=1+1学习型机关建设");
		expect(col('compilation')).toContain("'@SUM(1+1)汇编");
		expect(col('unit')).toContain("'-2+3单位");
		for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
	}, 180_000);
});

describe('10. --out on another file system (EXDEV) builds', () => {
	const shm = '/dev/shm';
	const otherFs =
		existsSync(shm) &&
		statSync(shm).dev !== statSync(os.tmpdir()).dev &&
		statSync(shm).dev !== statSync(path.dirname(import.meta.dirname)).dev;
	test.skipIf(!otherFs)(
		'a site built into /dev/shm (tmpfs) is complete, with nothing left behind',
		async () => {
			const far = await mkdtemp(path.join(shm, 'huibian-exdev-'));
			try {
				const run = await startBuild(
					[
						'--sources',
						path.join(repo, 'content/sources'),
						'--out',
						path.join(far, 'dist'),
						'--reports-dir',
						path.join(tmp, 'exdev-reports'),
					],
					{ env: { HUIBIAN_CACHE: path.join(tmp, 'astro-cache-root') } },
				).done;
				expect(run.code, run.output).toBe(0);
				expect(run.output).not.toMatch(/EXDEV/);
				expect(existsSync(path.join(far, 'dist/index.html'))).toBe(true);
				expect(existsSync(path.join(far, 'dist/pagefind/pagefind.js'))).toBe(true);
				expect(await readdir(far)).toEqual(['dist']);
			} finally {
				await rm(far, { recursive: true, force: true });
			}
		},
		180_000,
	);
});

describe('14. empty sources folder, leftovers of killed runs', () => {
	const dirs = () => ({ out: path.join(tmp, 'e/dist'), reports: path.join(tmp, 'e/reports') });
	const args = (sources: string) => [
		'--sources',
		sources,
		'--out',
		dirs().out,
		'--reports-dir',
		dirs().reports,
	];
	const env = () => ({ HUIBIAN_CACHE: path.join(tmp, 'astro-cache-root') });
	let sources: string;
	beforeAll(async () => {
		sources = path.join(tmp, 'e/sources');
		await mkdir(sources, { recursive: true });
		await writeFile(path.join(sources, 'robust-single.txt'), single);
		const first = await startBuild(args(sources), { env: env() }).done;
		expect(first.code, first.output).toBe(0);
	}, 180_000);

	test('an empty sources folder fails the build and leaves the site; --allow-empty builds an empty site', async () => {
		const before = await hashTree(dirs().out);
		const empty = path.join(tmp, 'e/empty');
		await mkdir(empty);
		const run = await startBuild(args(empty), { env: env() }).done;
		expect(run.code, run.output).toBe(1);
		expect(run.output).toContain('[input:sources-empty]');
		expect(treeDiff(before, await hashTree(dirs().out))).toEqual([]);
		const allowed = await startBuild([...args(empty), '--allow-empty'], { env: env() }).done;
		expect(allowed.code, allowed.output).toBe(0);
		expect(
			JSON.parse(await readFile(path.join(dirs().out, 'catalog.json'), 'utf8')).reports,
		).toEqual([]);
	}, 180_000);

	test('dist.building, dist.old, reports.building and .reports.tmp-<dead pid>-* are removed by the next build', async () => {
		const dead = spawnSync(process.execPath, ['-e', '0']).pid;
		const e = path.join(tmp, 'e');
		for (const name of [
			'dist.building',
			'dist.old',
			'reports.building',
			'reports.old',
			`.reports.tmp-${dead}-1700000000000`,
			`.reports.building.tmp-${dead}-1700000000000`,
		]) {
			await mkdir(path.join(e, name), { recursive: true });
			await writeFile(path.join(e, name, 'left.txt'), 'left by a killed build');
		}
		const run = await startBuild(args(sources), { env: env() }).done;
		expect(run.code, run.output).toBe(0);
		expect((await readdir(e)).sort()).toEqual(['.cache', 'dist', 'empty', 'reports', 'sources']);
	}, 180_000);
});
