/**
 * Build huibian's search index of a built site into `<site>/pagefind/` with Pagefind’s Node API.
 *
 * Every report page’s `data-pagefind-body` text and its Pagefind attributes are read back from
 * the built HTML; TOC-only entries (正文未收录) come from catalog.json and are indexed by title,
 * subtitle and unit. Each record is folded (traditional → simplified) and written as ASCII
 * character n-grams (`src/lib/search/tokens.ts`), so search matches substrings exactly instead
 * of Pagefind’s word segmentation. Also writes `<site>/search/fold.json`, the part of the fold
 * table the browser needs for queries typed in traditional characters.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import { tocOnlyAttributes } from '../../src/lib/search/attributes.ts';
import { foldText } from '../../src/lib/search/fold.ts';
import { buildFoldTable, clientFoldTable } from '../../src/lib/search/fold-table.ts';
import { readPageRecord, type TextBlock } from '../../src/lib/search/page-blocks.ts';
import { GRAM } from '../../src/lib/search/tokens.ts';
import { recordHtml } from '../../src/lib/search/record-html.ts';
import type { Catalog } from '../../src/lib/frontmatter.ts';

export interface SearchIndexStats {
	pages: number;
	tocOnly: number;
	foldEntries: number;
}

/** URL of a TOC-only record: its entry in the compilation’s table of contents. */
export function tocOnlyUrl(sourceSlug: string, id: string): string {
	return `/compilations/${sourceSlug}/#${id}`;
}

async function fail<T>(what: string, result: Promise<T & { errors: string[] }>): Promise<T> {
	const value = await result;
	if (value.errors.length) throw new Error(`pagefind ${what}: ${value.errors.join('; ')}`);
	return value;
}

/**
 * @param siteDir The built site (report pages at `reports/<id>/index.html`).
 * @param catalogFile The catalog.json the site was built from.
 * @param gram Characters per index word (default `GRAM`).
 */
export async function buildSearchIndex(siteDir: string, catalogFile: string, gram = GRAM): Promise<SearchIndexStats> {
	const catalog = JSON.parse(await readFile(catalogFile, 'utf8')) as Catalog;
	const table = buildFoldTable(TSCharacters, [TWVariantsRev, HKVariantsRev]);
	const fold = Object.fromEntries(table);
	const corpusChars = new Set<string>();
	const remember = (blocks: readonly TextBlock[]) => {
		for (const block of blocks) for (const ch of foldText(block.text, fold)) corpusChars.add(ch);
	};
	const { index } = await fail('createIndex', pagefind.createIndex({ writePlayground: false }));
	if (!index) throw new Error('pagefind createIndex: no index');
	// 1. report pages, read back from the built HTML
	for (const report of catalog.reports) {
		const file = path.join(siteDir, report.url, 'index.html');
		const record = readPageRecord(await readFile(file, 'utf8'));
		if (!record) throw new Error(`${file}: expected one data-pagefind-body element, found none`);
		remember(record.blocks);
		await fail(`addHTMLFile ${report.url}`, index.addHTMLFile({ url: report.url, content: recordHtml(record.blocks, record.attributes, fold, gram) }));
	}
	// 2. TOC-only entries: title, subtitle and unit
	const titles = new Map(catalog.sources.map((s) => [s.slug, s.title]));
	for (const entry of catalog.tocOnly) {
		const blocks: TextBlock[] = [entry.title, entry.subtitle, entry.unit]
			.filter((text): text is string => Boolean(text))
			.map((text, i) => ({ tag: i === 0 ? 'h1' : 'p', text, id: null }));
		remember(blocks);
		const attributes = tocOnlyAttributes(entry, titles.get(entry.sourceSlug) ?? entry.source);
		const url = tocOnlyUrl(entry.sourceSlug, entry.id);
		await fail(`addHTMLFile ${url}`, index.addHTMLFile({ url, content: recordHtml(blocks, attributes, fold, gram) }));
	}
	// 3. write the index and the browser’s fold table
	await fail('writeFiles', index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') }));
	await pagefind.close();
	const client = clientFoldTable(table, corpusChars);
	await mkdir(path.join(siteDir, 'search'), { recursive: true });
	await writeFile(path.join(siteDir, 'search/search-config.json'), JSON.stringify({ gram, fold: Object.entries(client).flat().join('') }));
	return { pages: catalog.reports.length, tocOnly: catalog.tocOnly.length, foldEntries: Object.keys(client).length };
}
