/**
 * Read one input file of the sources folder, refusing anything that is not a regular file
 * whose real path lies inside that folder, and anything larger than a limit.
 *
 * A source can be contributed through git, which stores symlinks: `pw.txt -> /etc/passwd` would
 * publish the build machine's file, `z.txt -> /dev/zero` would read forever, and a FIFO would
 * block the build. So: the entry is `lstat`ed, a symlink is resolved and must land inside the
 * folder on a regular file, and the file is opened non-blocking without following links, then
 * checked again on the open descriptor (same inode, regular, not over the limit) before reading
 * at most `limit + 1` bytes.
 *
 * Doesn’t decode anything and doesn’t walk sub-folders.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Default per-file limit: far above any real compilation (the samples are < 100 KB). */
export const DEFAULT_MAX_SOURCE_BYTES = 64 * 1024 * 1024;

export type SafeRead = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

function kindOf(s: {
	isDirectory(): boolean;
	isFIFO(): boolean;
	isSocket(): boolean;
	isCharacterDevice(): boolean;
	isBlockDevice(): boolean;
	isSymbolicLink(): boolean;
}): string {
	if (s.isDirectory()) return 'a folder';
	if (s.isFIFO()) return 'a FIFO (named pipe)';
	if (s.isSocket()) return 'a socket';
	if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
	if (s.isSymbolicLink()) return 'a symbolic link';
	return 'not a regular file';
}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(n < 2 ** 20 ? 2 : 0)} MiB`;

/** A refusal: why the file can't be read, as a sentence. */
function refuse(message: string): SafeRead {
	return { ok: false, message };
}

type Entry = Stats;

/**
 * Follow a symbolic link to the file it names, when that is inside the folder: its real path
 * and entry, or the refusal (a broken link, a link out of the folder).
 */
async function followLink(
	dir: string,
	full: string,
): Promise<{ real: string; entry: Entry } | SafeRead> {
	let real: string;
	try {
		real = await realpath(full);
	} catch {
		return refuse(
			'cannot be read: a symbolic link to nothing (a broken link). Replace it by the file itself.',
		);
	}
	const root = await realpath(dir);
	if (path.relative(root, real).startsWith('..') || path.isAbsolute(path.relative(root, real))) {
		return refuse(
			`cannot be read: a symbolic link to ${real}, outside the sources folder. Sources must be files inside the folder: copy the file in instead of linking it.`,
		);
	}
	return { real, entry: await stat(real) };
}

/**
 * Read an opened file, up to `limit` bytes, when it is still the file that was checked
 * (`entry`) and didn't grow while being read.
 */
async function readOpened(handle: FileHandle, entry: Entry, limit: number): Promise<SafeRead> {
	// The file may have been swapped between the checks and the open: check the descriptor.
	const opened = await handle.stat();
	if (!opened.isFile() || opened.ino !== entry.ino || opened.dev !== entry.dev)
		return refuse('cannot be read: it changed while being read. Run the build again.');
	const buffer = new Uint8Array(Math.min(opened.size, limit) + 1);
	let length = 0;
	while (length < buffer.length) {
		const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
		if (bytesRead === 0) break;
		length += bytesRead;
	}
	if (length > opened.size)
		return refuse('cannot be read: it grew while being read. Run the build again.');
	return { ok: true, bytes: buffer.subarray(0, length) };
}

/**
 * @param dir The sources folder.
 * @param name File name inside it (no path separators).
 * @param limit Largest accepted size in bytes.
 * @returns The bytes, or why the file was refused (a sentence naming what it is and the fix).
 */
export async function readInsideFolder(
	dir: string,
	name: string,
	limit: number,
): Promise<SafeRead> {
	const full = path.join(dir, name);
	let entry: Entry;
	try {
		entry = await lstat(full);
	} catch (error) {
		return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
	}
	let real = full;
	if (entry.isSymbolicLink()) {
		const followed = await followLink(dir, full);
		if ('ok' in followed) return followed;
		({ real, entry } = followed);
	}
	if (!entry.isFile())
		return refuse(
			`cannot be read: ${kindOf(entry)}, expected a regular file. Remove it from the sources folder.`,
		);
	if (entry.size > limit)
		return refuse(
			`is ${mib(entry.size)}, over the limit of ${mib(limit)} per source file. Split it, or raise the limit with --max-source-mb.`,
		);
	let handle: FileHandle;
	try {
		handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	} catch (error) {
		return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
	}
	try {
		return await readOpened(handle, entry, limit);
	} finally {
		await handle.close();
	}
}
