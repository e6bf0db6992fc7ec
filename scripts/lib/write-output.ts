/**
 * Write an ingest’s output folder atomically: everything goes to a fresh sibling folder, which
 * then replaces the old one by rename, so a failed run leaves the previous output as it was.
 * Files in the old folder that the ingest doesn’t own (not `*.mdx`, not `catalog.json`) are
 * carried over; stale `.mdx` pages disappear. The temp folders a killed run left beside it
 * (`.<name>.tmp-<pid>-…`, `.<name>.old-<pid>-…` of a process that no longer runs) are removed.
 */
import { createHash } from 'node:crypto';
import { linkSync, lstatSync, writeFileSync } from 'node:fs';
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

/** Remove `.<base>.tmp-<pid>-*` and `.<base>.old-<pid>-*` folders of dead processes in `parent`. */
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
 * Which pages a previous write left where, so the next write can hard-link a page whose text is
 * unchanged instead of writing it again (links cost less than writes, most of all under the
 * write-back of a just-built site: docs/scale/rebuild-s7.md). A page is linked only when the
 * file in the folder given as `reuse.from` is still the one recorded (same inode, size and
 * modification time) and the recorded SHA-256 of its text is the new text's: a page edited,
 * replaced or missing since is written.
 */
interface WrittenRecord {
	/** name → [SHA-256 of the text, size, mtime (ns), inode] */
	files: Record<string, [string, string, string, string]>;
}

async function readRecord(file: string): Promise<WrittenRecord['files']> {
	try {
		const r = JSON.parse(await readFile(file, 'utf8')) as Partial<WrittenRecord>;
		return r.files && typeof r.files === 'object' ? r.files : {};
	} catch {
		return {};
	}
}

export interface ReuseWritten {
	/** The folder holding the previous write's files (the build's live reports folder). */
	from: string;
	/** The record file (in the ingest cache folder). */
	record: string;
}

/** Copy the files of `dir` the ingest doesn't own (not *.mdx, not catalog.json) into `temp`. */
async function copyOtherFiles(
	dir: string,
	temp: string,
	written: Map<string, Uint8Array | string>,
): Promise<void> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		if (entry.isFile() && !entry.name.endsWith('.mdx') && entry.name !== 'catalog.json') {
			const bytes = await readFile(path.join(dir, entry.name));
			await writeFile(path.join(temp, entry.name), bytes);
			written.set(entry.name, bytes);
		}
	}
}

// Synchronous: an awaited write of each page is a thread-pool round trip each
// (docs/scale/rebuild-s7.md).
function writePages(temp: string, files: ReadonlyMap<string, string>): void {
	for (const [name, text] of files) writeFileSync(path.join(temp, name), text);
}

/** Size, modification time (ns) and inode of a regular file, as strings; null for anything else. */
function fileStat(file: string): [string, string, string] | null {
	const s = lstatSync(file, { bigint: true });
	return s.isFile() ? [String(s.size), String(s.mtimeNs), String(s.ino)] : null;
}

/**
 * Write the pages into `temp`, hard-linking from `from` each page the previous record says is
 * there unchanged (see `WrittenRecord`).
 * @returns The record of this write.
 */
function writePagesLinking(
	temp: string,
	files: ReadonlyMap<string, string>,
	from: string,
	previous: WrittenRecord['files'],
): WrittenRecord['files'] {
	const record: WrittenRecord['files'] = {};
	for (const [name, text] of files) {
		const target = path.join(temp, name);
		const sha = createHash('sha256').update(text).digest('hex');
		const was = previous[name];
		let linked = false;
		if (was?.[0] === sha) {
			try {
				const now = fileStat(path.join(from, name));
				if (now && now.join('\0') === was.slice(1).join('\0')) {
					linkSync(path.join(from, name), target);
					linked = true;
				}
			} catch {
				// missing, or links not possible here: written below
			}
		}
		if (!linked) writeFileSync(target, text);
		const [size, mtime, inode] = linked ? (was!.slice(1) as string[]) : fileStat(target)!;
		record[name] = [sha, size!, mtime!, inode!];
	}
	return record;
}

/**
 * @param reuse Link unchanged files from a previous write instead of writing them (see
 *   `WrittenRecord`); without it every file is written.
 * @returns The SHA-256 of the folder as written: every file's name and bytes, names sorted (what
 *   the build compares with its last build's, `build-reuse.ts`).
 */
export async function writeOutputAtomically(
	out: string,
	files: ReadonlyMap<string, string>,
	reuse?: ReuseWritten,
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
		if (exists) await copyOtherFiles(dir, temp, written);
		for (const name of files.keys()) written.set(name, files.get(name)!);
		let record: WrittenRecord['files'] | null = null;
		if (reuse) record = writePagesLinking(temp, files, reuse.from, await readRecord(reuse.record));
		else writePages(temp, files);
		const marker = await markOutput(temp, 'reports');
		written.set(marker.name, marker.text);
		if (exists) await rename(dir, old);
		await rename(temp, dir);
		if (exists) await rm(old, { recursive: true, force: true });
		if (reuse && record) {
			await mkdir(path.dirname(reuse.record), { recursive: true });
			// Renaming the folder keeps every file's inode and times: the record holds for `dir`.
			await writeFile(`${reuse.record}.${process.pid}.tmp`, JSON.stringify({ files: record }));
			await rename(`${reuse.record}.${process.pid}.tmp`, reuse.record);
		}
		const hash = createHash('sha256');
		for (const name of [...written.keys()].sort())
			hash.update(`\0${name}\0`).update(written.get(name)!);
		return hash.digest('hex');
	} catch (error) {
		await rm(temp, { recursive: true, force: true });
		throw error;
	}
}
