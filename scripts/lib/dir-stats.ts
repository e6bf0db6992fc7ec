/** Count files and bytes under a folder, and the report pages of a built site. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function dirBytes(dir: string): Promise<number> {
	let total = 0;
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
	}
	return total;
}

/** Ids of the report pages in a built site: `<site>/reports/<id>/index.html`. */
export async function builtReportIds(siteDir: string): Promise<string[]> {
	const dir = path.join(siteDir, 'reports');
	const ids: string[] = [];
	for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
		if (!entry.isDirectory()) continue;
		const ok = await stat(path.join(dir, entry.name, 'index.html')).then(
			() => true,
			() => false,
		);
		if (ok) ids.push(entry.name);
	}
	return ids.sort();
}

/** Number of files under a folder (what a static host that caps files per site counts). */
export async function dirFiles(dir: string): Promise<number> {
	return (await readdir(dir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile())
		.length;
}
