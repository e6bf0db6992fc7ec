/**
 * Write an ingest’s output folder atomically: everything goes to a fresh sibling folder, which
 * then replaces the old one by rename, so a failed run leaves the previous output as it was.
 * Files in the old folder that the ingest doesn’t own (not `*.mdx`, not `catalog.json`) are
 * carried over; stale `.mdx` pages disappear. The temp folders a killed run left beside it
 * (`.<name>.tmp-<pid>-…`, `.<name>.old-<pid>-…` of a process that no longer runs) are removed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { markOutput } from './output-guard.ts';

/** Is a process with this pid running (on this machine)? */
export function pidAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Remove `.<base>.tmp-<pid>-*` / `.<base>.old-<pid>-*` folders in `parent` left by dead processes. */
export async function removeStaleTemps(parent: string, base: string): Promise<string[]> {
	const pattern = new RegExp(
		`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp|old)-(\\d+)-\\d+$`,
	);
	const removed: string[] = [];
	for (const name of await readdir(parent).catch(() => [] as string[])) {
		const pid = pattern.exec(name)?.[1];
		if (pid === undefined || pidAlive(Number(pid))) continue;
		await rm(path.join(parent, name), { recursive: true, force: true });
		removed.push(name);
	}
	return removed;
}

/**
 * @returns The SHA-256 of the folder as written: every file's name and bytes, names sorted (what
 *   the build compares with its last build's, `build-reuse.ts`).
 */
export async function writeOutputAtomically(
	out: string,
	files: ReadonlyMap<string, string>,
): Promise<string> {
	const dir = path.resolve(out);
	const parent = path.dirname(dir);
	await mkdir(parent, { recursive: true });
	await removeStaleTemps(parent, path.basename(dir));
	const stamp = `${process.pid}-${Date.now()}`;
	const temp = path.join(parent, `.${path.basename(dir)}.tmp-${stamp}`);
	const old = path.join(parent, `.${path.basename(dir)}.old-${stamp}`);
	await mkdir(temp, { recursive: true });
	const written = new Map<string, Uint8Array | string>();
	try {
		const exists = await stat(dir).then(
			(s) => s.isDirectory(),
			() => false,
		);
		if (exists) {
			for (const entry of await readdir(dir, { withFileTypes: true })) {
				if (entry.isFile() && !entry.name.endsWith('.mdx') && entry.name !== 'catalog.json') {
					const bytes = await readFile(path.join(dir, entry.name));
					await writeFile(path.join(temp, entry.name), bytes);
					written.set(entry.name, bytes);
				}
			}
		}
		for (const [name, text] of files) {
			await writeFile(path.join(temp, name), text);
			written.set(name, text);
		}
		const marker = await markOutput(temp, 'reports');
		written.set(marker.name, marker.text);
		if (exists) await rename(dir, old);
		await rename(temp, dir);
		if (exists) await rm(old, { recursive: true, force: true });
		const hash = createHash('sha256');
		for (const name of [...written.keys()].sort())
			hash.update(`\0${name}\0`).update(written.get(name)!);
		return hash.digest('hex');
	} catch (error) {
		await rm(temp, { recursive: true, force: true });
		throw error;
	}
}
