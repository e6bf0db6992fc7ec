/**
 * Build the Pagefind index of a built site into `<site>/pagefind/` with Pagefind's Node API.
 * Only elements inside `data-pagefind-body` are indexed (report pages).
 */
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexStats {
	pages: number;
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexStats> {
	const { index, errors } = await pagefind.createIndex({});
	if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
	const added = await index.addDirectory({ path: siteDir });
	if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
	const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
	if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
	await pagefind.close();
	return { pages: added.page_count };
}
