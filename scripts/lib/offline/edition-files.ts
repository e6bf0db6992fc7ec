/** The file-system side of the offline edition (build-offline.ts): folders, listing, writing. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The folders that read and write the edition, and the site's base (ending in `/`). */
export interface EditionDirs {
	siteDir: string;
	outDir: string;
	base: string;
}

/** Site paths (`/`-separated, sorted) of every file under `dir`. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
		.sort();
}

/** Write `data` at `sitePath` under `outDir`, making its folders. */
export async function write(
	outDir: string,
	sitePath: string,
	data: string | Uint8Array,
): Promise<void> {
	const file = path.join(outDir, sitePath);
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, data);
}
