/**
 * Write an ingest’s output folder atomically: everything goes to a fresh sibling folder, which
 * then replaces the old one by rename, so a failed run leaves the previous output as it was.
 * Files in the old folder that the ingest doesn’t own (not `*.mdx`, not `catalog.json`) are
 * carried over; stale `.mdx` pages disappear.
 */
import { mkdir, readdir, copyFile, rename, rm, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';

export async function writeOutputAtomically(out: string, files: ReadonlyMap<string, string>): Promise<void> {
	const dir = path.resolve(out);
	const parent = path.dirname(dir);
	await mkdir(parent, { recursive: true });
	const stamp = `${process.pid}-${Date.now()}`;
	const temp = path.join(parent, `.${path.basename(dir)}.tmp-${stamp}`);
	const old = path.join(parent, `.${path.basename(dir)}.old-${stamp}`);
	await mkdir(temp, { recursive: true });
	try {
		const exists = await stat(dir).then((s) => s.isDirectory(), () => false);
		if (exists) {
			for (const entry of await readdir(dir, { withFileTypes: true })) {
				if (entry.isFile() && !entry.name.endsWith('.mdx') && entry.name !== 'catalog.json') {
					await copyFile(path.join(dir, entry.name), path.join(temp, entry.name));
				}
			}
		}
		for (const [name, text] of files) await writeFile(path.join(temp, name), text);
		if (exists) await rename(dir, old);
		await rename(temp, dir);
		if (exists) await rm(old, { recursive: true, force: true });
	} catch (error) {
		await rm(temp, { recursive: true, force: true });
		throw error;
	}
}
