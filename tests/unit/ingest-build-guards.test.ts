/**
 * Issue 14, the build's guards as units: the lock (attack 9: stale, reused pid, timeout), the
 * output guard (attack 3: symlinks to protected folders, files, the sources folder) and the swap
 * recovery (attack 8: every state a kill can leave between the renames).
 */
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acquireLock } from '../../scripts/lib/build-lock.ts';
import { checkOutputs } from '../../scripts/lib/output-guard.ts';
import { recoverSwap } from '../../scripts/lib/swap-outputs.ts';

let work: string;
beforeEach(() => {
	work = mkdtempSync(path.join(tmpdir(), 'huibian-guards-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('9. the build lock', () => {
	test('a lock held by a running build makes the second wait (one line) and give up (one error line)', async () => {
		const file = path.join(work, 'build.lock');
		const lines: string[] = [];
		const release = await acquireLock(file, { timeoutMs: 1000, log: (l) => lines.push(l) });
		await expect(
			acquireLock(file, { timeoutMs: 300, pollMs: 50, log: (l) => lines.push(l) }),
		).rejects.toThrow(
			`build: gave up after 0 s waiting for the build of pid ${process.pid} (lock ${file}); run again later, or delete the lock if no build is running`,
		);
		expect(lines).toEqual([
			`build: waiting for the build of pid ${process.pid} in this checkout to finish (lock ${file})`,
		]);
		await release();
		expect(existsSync(file)).toBe(false);
	});

	test('the lock of a pid that no longer runs, or of a reused pid (another start time), is taken over', async () => {
		const file = path.join(work, 'build.lock');
		const dead = spawnSync(process.execPath, ['-e', '0']).pid;
		for (const text of [`${dead}\n`, `${process.pid} 1\n`]) {
			writeFileSync(file, text);
			const lines: string[] = [];
			const release = await acquireLock(file, {
				timeoutMs: 500,
				pollMs: 50,
				log: (l) => lines.push(l),
			});
			expect(lines).toEqual([
				`build: taking over the lock of build ${Number.parseInt(text, 10)}, which no longer runs (${file})`,
			]);
			expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+\\n$`));
			await release();
		}
	});

	test('an empty lock file older than 10 s is stale', async () => {
		const file = path.join(work, 'build.lock');
		writeFileSync(file, '');
		const old = (Date.now() - 60_000) / 1000;
		utimesSync(file, old, old);
		const lines: string[] = [];
		const release = await acquireLock(file, {
			timeoutMs: 500,
			pollMs: 50,
			log: (l) => lines.push(l),
		});
		expect(lines).toEqual([
			`build: taking over the lock of build ?, which no longer runs (${file})`,
		]);
		await release();
	});
});

describe('3. the output guard', () => {
	const repo = () => path.join(work, 'repo');
	beforeEach(() => {
		for (const d of ['src', 'content/sources', 'scripts', 'public', 'tests', 'node_modules'])
			mkdirSync(path.join(repo(), d), { recursive: true });
		writeFileSync(path.join(repo(), 'src/index.ts'), 'x');
	});
	const check = (
		out: string,
		reports = path.join(repo(), 'content/reports'),
		sources = path.join(repo(), 'content/sources'),
	) =>
		checkOutputs(
			repo(),
			[
				{ option: 'out', dir: out, kind: 'site' },
				{ option: 'reports-dir', dir: reports, kind: 'reports' },
			],
			sources,
		);

	test('a symlink that leads to src/ is refused as src/', async () => {
		symlinkSync(path.join(repo(), 'src'), path.join(work, 'innocent'));
		expect((await check(path.join(work, 'innocent')))[0]).toContain(
			'is the repository folder src/, which a build would delete',
		);
	});

	test('a file, the sources folder, and an output inside the other output are refused', async () => {
		writeFileSync(path.join(work, 'file'), 'x');
		expect((await check(path.join(work, 'file')))[0]).toContain('is a file, not a folder');
		const elsewhere = path.join(work, 'my-sources');
		mkdirSync(elsewhere);
		expect((await check(path.join(elsewhere, 'dist'), undefined, elsewhere))[0]).toContain(
			'is, contains or lies inside the sources folder',
		);
		expect((await check(path.join(work, 'site'), path.join(work, 'site', 'reports')))[0]).toContain(
			'is, contains or lies inside --reports-dir',
		);
	});

	test('a new folder, an empty folder and a marked folder are allowed', async () => {
		mkdirSync(path.join(work, 'empty'));
		mkdirSync(path.join(work, 'marked'));
		writeFileSync(path.join(work, 'marked', '.huibian-output'), 'x');
		writeFileSync(path.join(work, 'marked', 'index.html'), 'x');
		for (const d of ['new', 'empty', 'marked']) expect(await check(path.join(work, d))).toEqual([]);
	});
});

describe('8. swap recovery finishes a cut swap, whatever rename it was cut after', () => {
	const mk = (dir: string, tag: string) => (
		mkdirSync(dir, { recursive: true }),
		writeFileSync(path.join(dir, 'tag'), tag)
	);
	const tag = (dir: string) =>
		existsSync(path.join(dir, 'tag')) ? readFileSync(path.join(dir, 'tag'), 'utf8') : null;
	// The four renames: R → R.old, R.building → R, D → D.old, D.building → D.
	test.each([0, 1, 2, 3, 4])(
		'cut after rename %i: both outputs are the new ones, nothing else is left',
		async (done) => {
			const R = path.join(work, 'reports');
			const D = path.join(work, 'dist');
			const pairs = [
				{ staged: `${R}.building`, target: R, old: `${R}.old` },
				{ staged: `${D}.building`, target: D, old: `${D}.old` },
			];
			const journal = path.join(work, 'swap.json');
			mk(R, 'old');
			mk(D, 'old');
			mk(`${R}.building`, 'new');
			mk(`${D}.building`, 'new');
			writeFileSync(journal, JSON.stringify({ pairs }));
			const steps: Array<[string, string]> = [
				[R, `${R}.old`],
				[`${R}.building`, R],
				[D, `${D}.old`],
				[`${D}.building`, D],
			];
			for (const [from, to] of steps.slice(0, done)) spawnSync('mv', [from, to]);
			const lines = await recoverSwap(journal, pairs);
			expect([tag(R), tag(D)]).toEqual(['new', 'new']);
			expect(existsSync(journal)).toBe(false);
			for (const p of pairs)
				expect([existsSync(p.staged), existsSync(p.old)]).toEqual([false, false]);
			expect(lines.length).toBe(done < 2 ? 2 : done < 4 ? 1 : 0);
		},
	);
});
