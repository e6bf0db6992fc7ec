/**
 * Throw away a folder the build no longer needs (the previous site after the swap, leftovers of
 * a killed run) without waiting for it to be deleted: the new site is already in place, and the
 * deletion of the old one's files would only delay the result (docs/scale/rebuild-s7.md).
 *
 * The folder is renamed into the trash folder (`<work>/trash/`, beside the build lock, outside
 * the folders a user sees), which is instant, and a detached process deletes it there. When the
 * rename can't be done (another file system), the folder is deleted here, as before. A trash
 * entry whose deleter died (machine stopped) is deleted by the next build's `sweepTrash`.
 *
 * Doesn't touch anything but the given folder and the trash folder.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let count = 0;

/** Delete `dirs` in a detached process that outlives this one (its output is ignored). */
function deleteDetached(dirs: readonly string[]): void {
	if (!dirs.length) return;
	const child = spawn(
		process.execPath,
		[
			'-e',
			'const fs = require("node:fs");' +
				'for (const d of process.argv.slice(1))' +
				' fs.rmSync(d, { recursive: true, force: true, maxRetries: 3 })',
			...dirs,
		],
		{ detached: true, stdio: 'ignore' },
	);
	child.on('error', () => {}); // a deleter that can't start leaves the entry to the next sweep
	child.unref();
}

/**
 * Move `dir` out of the way now and delete it in the background (a missing `dir` is fine).
 * @param trash The trash folder; made on first use, on the file system of the build's work folder.
 */
export async function discard(dir: string, trash: string): Promise<void> {
	const entry = path.join(trash, `${path.basename(dir)}-${process.pid}-${Date.now()}-${++count}`);
	await mkdir(trash, { recursive: true });
	try {
		await rename(dir, entry);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return;
		// EXDEV (another file system) or anything else: delete it here.
		await rm(dir, { recursive: true, force: true });
		return;
	}
	deleteDetached([entry]);
}

/** Delete, in the background, what is left in the trash folder (entries of stopped deleters). */
export async function sweepTrash(trash: string): Promise<void> {
	const names = await readdir(trash).catch(() => [] as string[]);
	deleteDetached(names.map((n) => path.join(trash, n)));
}
