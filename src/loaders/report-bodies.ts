/**
 * Rendered report bodies, kept as one HTML file per report beside Astro's data store
 * (`<cacheDir>/huibian-bodies/<id>-<digest>.html`) instead of inside it.
 *
 * Why: at build time Astro turns the whole data store into one JavaScript module
 * (`export default JSON.parse("…")`), bundles it with Rollup and imports it again to render the
 * pages, so every byte kept in the store is held several times at once. With every report's HTML
 * in the store this was the memory peak of `astro build` (docs/scale/code-figures.md). A page
 * reads its own body from this folder when it renders; nothing holds all bodies at once.
 *
 * The digest in the file name ties a file to the MDX it was rendered from, so a stale or
 * foreign file is never read as current. Doesn’t render or write: `render-report-file.ts` writes what `renderMdx` made.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the report loader keeps in the data store's `rendered.metadata` of a report. */
export interface BodyRef {
	/** Absolute path of the rendered HTML of the report body. */
	bodyFile: string;
	headings: Array<{ depth: number; text: string; slug: string }>;
}

/** Folder of the rendered bodies for a given Astro `cacheDir`. */
export function bodiesDir(cacheDir: URL): string {
	return path.join(fileURLToPath(cacheDir), 'huibian-bodies');
}

/** File of one report's body: the id is a slug (schema) and the digest is hex; anything else is encoded. */
export function bodyFile(dir: string, id: string, digest: string | number): string {
	return path.join(dir, `${encodeURIComponent(id)}-${encodeURIComponent(String(digest))}.html`);
}

/** Create the folder of the bodies (before the first body is written: `renderReportFile`). */
export async function makeBodiesDir(dir: string): Promise<void> {
	await mkdir(dir, { recursive: true });
}

/**
 * Read one body written by the loader. Throws when it is missing (the loader guarantees it).
 * Synchronous on purpose: a body is a few KiB, and a page reads it on its critical path, where
 * a thread-pool round trip per file cost more than the read (docs/scale/README.md, “Figures behind the code”).
 */
export function readBody(file: string): string {
	return readFileSync(file, 'utf8');
}

/** Delete the files of `dir` that are not in `keep` (bodies of removed or changed reports). */
export async function pruneBodies(dir: string, keep: ReadonlySet<string>): Promise<void> {
	const names = await readdir(dir).catch(() => [] as string[]);
	await Promise.all(
		names
			.filter((n) => !keep.has(path.join(dir, n)))
			.map((n) => rm(path.join(dir, n), { force: true })),
	);
}
