/**
 * One build at a time per checkout: Astro's `.astro/` and cache, and the swap journal, are
 * shared by every build of a checkout, and two builds at once failed with module-not-found and
 * ENOENT stack traces. The lock is a file created exclusively (`wx`) holding the owner's pid; a
 * second build prints ONE line that it waits, polls, and gives up with ONE line after a timeout.
 * A lock whose pid no longer runs (a killed build) is taken over, with one line saying so; the
 * lock also holds the process's start time (Linux `/proc/<pid>/stat`), so a pid reused by another
 * process doesn't count as the build, and a lock file left empty or unreadable for 10 s is stale.
 *
 * Doesn’t lock across machines (the pid is only meaningful on this one).
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { pidAlive } from './write-output.ts';

export interface LockOptions {
	/** Give up after this many milliseconds of waiting. */
	timeoutMs: number;
	/** How often to look again (default 250 ms). */
	pollMs?: number;
	/** Where the one-line messages go (default console.error). */
	log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or '' off Linux. */
function startTicks(pid: number): string {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
	} catch {
		return '';
	}
}

/** Is the build that wrote this lock text still running? */
function holderRuns(text: string): boolean {
	const [pid, ticks] = text.trim().split(' ');
	const n = Number(pid);
	if (!pidAlive(n)) return false;
	return !ticks || !startTicks(n) || startTicks(n) === ticks;
}

/** Create the lock file holding `mine`; false when another process holds it already. */
async function tryCreate(file: string, mine: string): Promise<boolean> {
	try {
		await writeFile(file, mine, { flag: 'wx' });
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		return false;
	}
}

/**
 * Whether the lock's holder is gone: its process no longer runs, or the lock was left
 * half-written more than 10 s ago. Returns its pid as read, for the messages.
 */
async function heldBy(file: string): Promise<{ pid: number; gone: boolean }> {
	const text = await readFile(file, 'utf8').catch(() => '');
	const pid = Number.parseInt(text, 10);
	const age = await stat(file).then(
		(s) => Date.now() - s.mtimeMs,
		() => 0,
	);
	const gone =
		(text.endsWith('\n') && !holderRuns(text)) || (!/^\d+ ?\d*\n$/.test(text) && age > 10_000);
	return { pid, gone };
}

/**
 * Release the lock (when it is still ours) on exit, SIGINT and SIGTERM; returns the release
 * function, which also stops listening.
 */
function releaseOnExit(file: string, mine: string): () => Promise<void> {
	const releaseSync = () => {
		try {
			if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
		} catch {
			// already gone
		}
	};
	const onSignal = (signal: NodeJS.Signals) => {
		releaseSync();
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.on('exit', releaseSync);
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	return async () => {
		releaseSync();
		process.off('exit', releaseSync);
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	};
}

/**
 * @param file The lock file (its folder is created).
 * @returns A release function (also run on exit, SIGINT and SIGTERM).
 * @throws Error (one line) when the wait timed out.
 */
export async function acquireLock(
	file: string,
	options: LockOptions,
): Promise<() => Promise<void>> {
	const log = options.log ?? ((l: string) => console.error(l));
	const mine = `${process.pid} ${startTicks(process.pid)}\n`;
	await mkdir(path.dirname(file), { recursive: true });
	const started = performance.now();
	let waited = false;
	while (!(await tryCreate(file, mine))) {
		const { pid, gone } = await heldBy(file);
		const shown = Number.isFinite(pid) ? pid : '?';
		if (gone) {
			log(`build: taking over the lock of build ${shown}, which no longer runs (${file})`);
			await rm(file, { force: true });
			continue;
		}
		if (!waited) {
			log(`build: waiting for the build of pid ${shown} in this checkout to finish (lock ${file})`);
			waited = true;
		}
		if (performance.now() - started > options.timeoutMs) {
			throw new Error(
				`build: gave up after ${Math.round(options.timeoutMs / 1000)} s waiting for the build of pid ${pid} (lock ${file}); run again later, or delete the lock if no build is running`,
			);
		}
		await sleep(options.pollMs ?? 250);
	}
	return releaseOnExit(file, mine);
}
