/**
 * The offline zip: `打开我.html` at the root, the edition in the folder `huibian/`, entries in
 * sorted order (by UTF-16 code unit, like Array.prototype.sort), fixed times
 * (src/lib/offline/zip-writer.ts). Written to `<file>.tmp`, then renamed: a failed run leaves
 * no half zip.
 */
import { open, readFile, readdir, rename, rm, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SITE_TITLE } from '../../../src/consts.ts';
import { openMeHtml } from '../../../src/lib/offline/open-me-page.ts';
import { ZipWriter } from '../../../src/lib/offline/zip-writer.ts';

const ZIP_SITE_FOLDER = 'huibian';
const OPEN_ME = '打开我.html';

export async function writeOfflineZip(
	editionDir: string,
	file: string,
	label = file,
): Promise<string> {
	const entries = (await readdir(editionDir, { withFileTypes: true, recursive: true }))
		.filter((e) => e.isFile())
		.map((e) =>
			path.relative(editionDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'),
		);
	const names = [...entries.map((e) => `${ZIP_SITE_FOLDER}/${e}`), OPEN_ME].sort();
	const tmp = `${file}.tmp`;
	await mkdir(path.dirname(file), { recursive: true });
	const handle = await open(tmp, 'w');
	try {
		const zip = new ZipWriter();
		for (const name of names) {
			const data =
				name === OPEN_ME
					? new TextEncoder().encode(openMeHtml({ title: SITE_TITLE, siteFolder: ZIP_SITE_FOLDER }))
					: await readFile(path.join(editionDir, name.slice(ZIP_SITE_FOLDER.length + 1)));
			for (const part of zip.add(name, data)) await handle.write(part);
		}
		await handle.write(zip.finish());
	} catch (error) {
		await handle.close();
		await rm(tmp, { force: true });
		throw error;
	}
	await handle.close();
	await rename(tmp, file);
	const mib = ((await stat(file)).size / 2 ** 20).toFixed(1);
	const shown = path.relative(process.cwd(), label) || label;
	return `offline: ${shown}: zip of ${names.length} files, ${mib} MiB`;
}
