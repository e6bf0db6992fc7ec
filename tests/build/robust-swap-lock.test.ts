/**
 * Issue 14, attacks 8 and 9 on the real build: a SIGKILL inside the swap of the finished outputs
 * never loses the last complete site (the next build finishes the cut swap, so `dist/` and its
 * reports folder are a matching pair again); and one build at a time per checkout: a second build
 * waits with one line, gives up with one line after HUIBIAN_LOCK_TIMEOUT, and takes over the lock
 * of a build that was killed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { committedSources } from '../fixtures/robust-site/make-sources.ts';
import { root, startBuild } from './robust-scratch.ts';

let tmp: string;
const lock = path.join(root, 'node_modules/.cache/huibian/build.lock');

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-swap-'));
});
afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A folder of sources with the given committed fixtures. */
async function sourcesWith(dir: string, names: string[]): Promise<string> {
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	for (const n of names) await cp(path.join(committedSources, n), path.join(dir, n));
	return dir;
}

const mdx = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort();

describe('8. a kill inside the swap never loses the last complete site', () => {
	test.each([
		[2, 'the new reports are in place, dist/ is still the old one'],
		[3, 'the new reports are in place, dist/ has been moved away: no dist/ at all'],
	])(
		'killed after rename %i (%s): the next build restores a matching dist/ and reports/',
		async (step) => {
			const base = path.join(tmp, `kill-${step}`);
			const out = path.join(base, 'dist');
			const reports = path.join(base, 'reports');
			const env = { HUIBIAN_CACHE: path.join(tmp, 'astro-cache') };
			const args = (sources: string) => [
				'--sources',
				sources,
				'--out',
				out,
				'--reports-dir',
				reports,
			];
			// 1. a complete site of one report
			const one = await sourcesWith(path.join(base, 'one'), ['robust-single.txt']);
			const first = await startBuild(args(one), { env }).done;
			expect(first.code, first.output).toBe(0);
			// 2. a build of three reports, killed inside its swap
			const two = await sourcesWith(path.join(base, 'two'), [
				'robust-single.txt',
				'robust-toc.txt',
			]);
			const killed = startBuild(args(two), {
				env: { ...env, HUIBIAN_SWAP_PAUSE_AFTER: String(step) },
			});
			await killed.waitFor(new RegExp(`^swap: paused after rename ${step}$`, 'm'));
			killed.child.kill('SIGKILL');
			expect((await killed.done).signal).toBe('SIGKILL');
			// What the kill left: no complete pair in place.
			if (step === 3) expect(existsSync(out)).toBe(false);
			else
				expect(
					JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')).reports,
				).toHaveLength(1);
			expect((await mdx(reports)).length).toBe(3);
			// 3. the next build (which itself fails at the ingest) puts the complete pair back first
			await writeFile(path.join(two, 'broken.txt'), new Uint8Array([0x89, 0x50, 0, 0]));
			const next = await startBuild(args(two), { env }).done;
			expect(next.code, next.output).toBe(1);
			expect(next.output).toContain('build: finished the swap a killed build left');
			expect(next.output).toContain('build failed at stage "ingest"');
			const site = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8'));
			const pages = JSON.parse(await readFile(path.join(reports, 'catalog.json'), 'utf8'));
			expect(site).toEqual(pages);
			expect(site.reports).toHaveLength(3);
			expect(await mdx(reports)).toHaveLength(3);
			for (const r of site.reports as Array<{ id: string }>)
				expect(existsSync(path.join(out, 'reports', r.id, 'index.html'))).toBe(true);
			expect((await readdir(base)).sort()).toEqual(['.cache', 'dist', 'one', 'reports', 'two']);
		},
		240_000,
	);
});

describe('9. one build at a time per checkout', () => {
	const env = () => ({ HUIBIAN_CACHE: path.join(tmp, 'astro-cache') });

	test('two builds started together both succeed; the second says once that it waits', async () => {
		const sources = await sourcesWith(path.join(tmp, 'pair/sources'), ['robust-single.txt']);
		const a = startBuild(
			[
				'--sources',
				sources,
				'--out',
				path.join(tmp, 'pair/a/dist'),
				'--reports-dir',
				path.join(tmp, 'pair/a/reports'),
			],
			{ env: env() },
		);
		const b = startBuild(
			[
				'--sources',
				sources,
				'--out',
				path.join(tmp, 'pair/b/dist'),
				'--reports-dir',
				path.join(tmp, 'pair/b/reports'),
			],
			{ env: env() },
		);
		const [ra, rb] = await Promise.all([a.done, b.done]);
		expect(ra.code, ra.output).toBe(0);
		expect(rb.code, rb.output).toBe(0);
		const waits = [ra.output, rb.output]
			.flatMap((o) => o.split('\n'))
			.filter((l) => l.startsWith('build: waiting for the build of pid'));
		expect(waits).toHaveLength(1);
		expect(
			existsSync(path.join(tmp, 'pair/a/dist/index.html')) &&
				existsSync(path.join(tmp, 'pair/b/dist/index.html')),
		).toBe(true);
	}, 240_000);

	test('a second build gives up with one line after HUIBIAN_LOCK_TIMEOUT, touching nothing', async () => {
		const sources = await sourcesWith(path.join(tmp, 'wait/sources'), ['robust-single.txt']);
		const a = startBuild(
			[
				'--sources',
				sources,
				'--out',
				path.join(tmp, 'wait/a/dist'),
				'--reports-dir',
				path.join(tmp, 'wait/a/reports'),
			],
			{ env: env() },
		);
		await a.waitFor(/^ingest: /m);
		const b = await startBuild(
			[
				'--sources',
				sources,
				'--out',
				path.join(tmp, 'wait/b/dist'),
				'--reports-dir',
				path.join(tmp, 'wait/b/reports'),
			],
			{ env: { ...env(), HUIBIAN_LOCK_TIMEOUT: '1' } },
		).done;
		expect(b.code).toBe(1);
		const lines = b.output.trim().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(
			/^build: waiting for the build of pid \d+ in this checkout to finish \(lock .*build\.lock\)$/,
		);
		expect(lines[1]).toMatch(
			/^build: gave up after 1 s waiting for the build of pid \d+ \(lock .*build\.lock\); run again later, or delete the lock if no build is running$/,
		);
		expect(existsSync(path.join(tmp, 'wait/b'))).toBe(false);
		expect((await a.done).code).toBe(0);
	}, 240_000);

	test('the lock of a killed build (its pid no longer runs) is taken over', async () => {
		const dead = spawnSync(process.execPath, ['-e', '0']).pid;
		await mkdir(path.dirname(lock), { recursive: true });
		await writeFile(lock, `${dead}\n`);
		const sources = await sourcesWith(path.join(tmp, 'stale/sources'), ['robust-single.txt']);
		const run = await startBuild(
			[
				'--sources',
				sources,
				'--out',
				path.join(tmp, 'stale/dist'),
				'--reports-dir',
				path.join(tmp, 'stale/reports'),
			],
			{ env: { ...env(), HUIBIAN_LOCK_TIMEOUT: '5' } },
		).done;
		expect(run.code, run.output).toBe(0);
		expect(run.output.split('\n')[0]).toBe(
			`build: taking over the lock of build ${dead}, which no longer runs (${lock})`,
		);
		expect(existsSync(lock)).toBe(false);
	}, 240_000);
});
