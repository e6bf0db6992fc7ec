/**
 * Build huibian's search index of a built site into `<site>/pagefind/` with Pagefind’s Node API.
 *
 * Every report page’s `data-pagefind-body` text and its Pagefind attributes are read back from
 * the built HTML; TOC-only entries (正文未收录) come from catalog.json and are indexed by title,
 * subtitle and unit. Each record is folded (traditional → simplified) and written as ASCII
 * character n-grams (`src/lib/search/tokens.ts`), so search matches substrings exactly instead
 * of Pagefind’s word segmentation. Also writes `<site>/search/fold.json`, the part of the fold
 * table the browser needs for queries typed in traditional characters.
 *
 * Pages are read and sent one `addHTMLFile` call at a time (by default), into indexes of language
 * `und` (no Chinese segmentation of the ASCII words). Pagefind's peak is in `writeFiles`
 * (~1.4 MiB per report), so the records are split into shards of at most `shardReports` reports,
 * written one after the other, then merged into one index (`merge-shards.ts`): the browser loads
 * one chunk per query word, whatever the number of shards.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import { dateSortKey, TOC_ONLY_KIND, tocEntryAnchor, tocOnlyAttributes, type PagefindAttributes } from '../../src/lib/search/attributes.ts';
import { foldChar } from '../../src/lib/search/fold.ts';
import { buildFoldTable, clientFoldTable } from '../../src/lib/search/fold-table.ts';
import { readPageRecord, type TextBlock } from '../../src/lib/search/page-blocks.ts';
import { DEFAULT_SHARD_REPORTS, planShards, shardCount } from '../../src/lib/search/shards.ts';
import { mergeShards } from './merge-shards.ts';
import { GRAM, isHeadWordOf, prefixWords } from '../../src/lib/search/tokens.ts';
import { RECORD_LANGUAGE, recordHtml } from '../../src/lib/search/record-html.ts';
import type { Catalog } from '../../src/lib/frontmatter.ts';
import { rewriteFragment, type FragmentText } from '../../src/lib/search/fragment-text.ts';
import { signed, unsigned } from '../../src/lib/search/pagefind-files.ts';

export interface SearchIndexStats {
	pages: number;
	tocOnly: number;
	foldEntries: number;
	/** Pagefind indexes written and merged. */
	shards: number;
	/** Word index chunks of the merged index. */
	chunks: number;
	/** Seconds spent merging the shards. */
	mergeS: number;
}

/** URL of a TOC-only record: its entry in the compilation’s table of contents. */
export function tocOnlyUrl(sourceSlug: string, id: string): string {
	return `/compilations/${sourceSlug}/#${tocEntryAnchor(id)}`;
}

async function fail<T>(what: string, result: Promise<T & { errors: string[] }>): Promise<T> {
	const value = await result;
	if (value.errors.length) throw new Error(`pagefind ${what}: ${value.errors.join('; ')}`);
	return value;
}

export interface SearchIndexOptions {
	/** Characters per index word (default `GRAM`). */
	gram?: number;
	/** Pages read and tokenised ahead of the one being added (default 8); adds stay serial. */
	lookahead?: number;
	/** Index language (default `RECORD_LANGUAGE`): the records are ASCII, so no language's segmentation or stemming applies. */
	language?: string;
	/**
	 * Report pages per Pagefind index (default `DEFAULT_SHARD_REPORTS`); TOC-only records are
	 * spread over the same shards. Bounds Pagefind's memory; the list of shards after the primary
	 * goes to `search-config.json` (`shards`).
	 */
	shardReports?: number;
	/** CBOR bytes per chunk of the merged index (default `DEFAULT_CHUNK_BYTES`). */
	chunkBytes?: number;
}

/**
 * The results of `prepare` over `items`, in order, with up to `ahead` preparations started
 * before they are consumed: reading and tokenising the next pages overlaps with Pagefind's
 * work on the current one (another process), while pages are still added one at a time, in
 * order (Pagefind numbers pages in the order added, and builds must be byte-identical).
 */
async function* prepareAhead<T, R>(items: readonly T[], ahead: number, prepare: (item: T) => Promise<R>): AsyncGenerator<R> {
	const started: Array<Promise<R>> = [];
	let next = 0;
	const fill = () => {
		while (next < items.length && started.length < ahead) started.push(prepare(items[next++]!));
	};
	fill();
	while (started.length > 0) {
		const result = await started.shift()!;
		fill();
		yield result;
	}
}

/**
 * Put the original text into a shard's fragments (`fragment-text.ts`): Pagefind wrote the
 * n-gram words it indexed. Single fragments and fragment groups keep their names (the merge
 * renames on a clash by content).
 * @param dir The shard's `fragment/` folder.
 * @param blocks Every record of the shard by URL.
 */
async function rewriteFragments(dir: string, blocks: ReadonlyMap<string, readonly TextBlock[]>): Promise<void> {
	const rewrite = (fragment: FragmentText) => {
		const own = blocks.get(fragment.url);
		if (!own) throw new Error(`${dir}: fragment of ${fragment.url}, a page this shard did not index`);
		return rewriteFragment(fragment, own);
	};
	// an index without pages has no fragment folder
	const names = blocks.size === 0 ? [] : await readdir(dir);
	for (const name of names.sort()) {
		const file = path.join(dir, name);
		const json = JSON.parse(new TextDecoder().decode(unsigned(gunzipSync(await readFile(file)), file))) as FragmentText | Record<string, FragmentText>;
		const out = typeof json.url === 'string' ? rewrite(json as FragmentText) : Object.fromEntries(Object.entries(json as Record<string, FragmentText>).map(([hash, f]) => [hash, rewrite(f)]));
		await writeFile(file, gzipSync(signed(new TextEncoder().encode(JSON.stringify(out)))));
	}
}

/**
 * @param siteDir The built site (report pages at `reports/<id>/index.html`).
 * @param catalogFile The catalog.json the site was built from.
 */
export async function buildSearchIndex(siteDir: string, catalogFile: string, options: SearchIndexOptions = {}): Promise<SearchIndexStats> {
	const { gram = GRAM, lookahead = 8, language = RECORD_LANGUAGE, shardReports, chunkBytes } = options;
	const read = JSON.parse(await readFile(catalogFile, 'utf8')) as Catalog;
	// A reprint (`reprintOf`) is found once, as its canonical copy: its page has no search body.
	const catalog: Catalog = { ...read, reports: read.reports.filter((r) => !r.reprintOf) };
	const table = buildFoldTable(TSCharacters, [TWVariantsRev, HKVariantsRev]);
	const fold = Object.fromEntries(table);
	// Characters of the corpus, raw: folding maps code point to code point, so folding this set
	// at the end (`clientFoldTable` below) equals folding every block here a second time.
	const rawChars = new Set<string>();
	const remember = (blocks: readonly TextBlock[]) => {
		for (const block of blocks) for (const ch of block.text) rawChars.add(ch);
	};
	// Records are produced lazily, so a shard holds only its own pages in memory.
	type Job = () => Promise<{ url: string; blocks: readonly TextBlock[]; attributes: PagefindAttributes }>;
	const jobs: Job[] = catalog.reports.map((report) => async () => {
		// 1. report pages, read back from the built HTML
		const file = path.join(siteDir, report.url, 'index.html');
		const record = readPageRecord(await readFile(file, 'utf8'));
		if (!record) throw new Error(`${file}: expected one data-pagefind-body element, found none`);
		return { url: report.url, ...record };
	});
	// 2. TOC-only entries: title, subtitle and unit
	const titles = new Map(catalog.sources.map((s) => [s.slug, s.title]));
	const sourceDates = new Map(catalog.sources.map((s) => [s.slug, s.date]));
	for (const entry of catalog.tocOnly) {
		jobs.push(async () => ({
			url: tocOnlyUrl(entry.sourceSlug, entry.id),
			blocks: [entry.title, entry.subtitle, entry.unit]
				.filter((text): text is string => Boolean(text))
				.map((text, i) => ({ tag: i === 0 ? 'h1' : 'p', text, id: null })),
			attributes: tocOnlyAttributes(entry, titles.get(entry.sourceSlug) ?? entry.source, sourceDates.get(entry.sourceSlug) ?? null),
		}));
	}
	// 3. rank every record by date, write the shards one after the other into a scratch folder
	// (`shards.ts`), then merge them into one index at `pagefind/` (`merge-shards.ts`): the
	// merged page number of a record is its rank, so the date order is every page in order.
	const sortKeys = [...catalog.reports.map((r) => dateSortKey(r.date)), ...catalog.tocOnly.map((t) => dateSortKey(sourceDates.get(t.sourceSlug) ?? null))];
	const perShard = shardReports ?? DEFAULT_SHARD_REPORTS;
	const plan = planShards(sortKeys, shardCount(catalog.reports.length, perShard));
	const scratch = path.join(siteDir, 'pagefind.shards');
	const out = path.join(siteDir, 'pagefind');
	await rm(scratch, { recursive: true, force: true });
	await rm(out, { recursive: true, force: true });
	const shardDirs: string[] = [];
	const wordless = new Set<number>();
	for (const [i, members] of plan.indexes.entries()) {
		const { index } = await fail('createIndex', pagefind.createIndex({ writePlayground: false, forceLanguage: language }));
		if (!index) throw new Error('pagefind createIndex: no index');
		const records = prepareAhead(members, lookahead, async (member) => {
			const { url, blocks, attributes } = await jobs[member]!();
			remember(blocks);
			// Pagefind leaves out a page without words: so does the merged numbering
			if (!blocks.some((block) => /\S/u.test(block.text))) return { member, url, content: null, blocks };
			// `kind` filter: the search page reads the TOC-only records off it (relevance order);
			// head words: reports whose title, subtitle or unit holds a query (`tokens.ts`)
			const kind = attributes.meta.kind ?? 'report';
			const head = kind === TOC_ONLY_KIND ? [] : [attributes.meta.title, attributes.meta.subtitle, attributes.meta.unit].filter((t): t is string => Boolean(t));
			const indexed = { ...attributes, filters: { ...attributes.filters, kind: [kind] }, sort: { date: plan.sortValues[member]! } };
			return { member, url, blocks, content: recordHtml(blocks, indexed, fold, gram, language, head) };
		});
		const shardBlocks = new Map<string, readonly TextBlock[]>();
		for await (const { member, url, content, blocks } of records) {
			if (content === null) wordless.add(member);
			else {
				await fail(`addHTMLFile ${url}`, index.addHTMLFile({ url, content }));
				shardBlocks.set(url, blocks);
			}
		}
		const dir = path.join(scratch, String(i));
		await fail('writeFiles', index.writeFiles({ outputPath: dir }));
		await index.deleteIndex();
		await rewriteFragments(path.join(dir, 'fragment'), shardBlocks);
		shardDirs.push(dir);
	}
	await pagefind.close();
	// merged page number: the record's rank among the records indexed
	const byRank = new Array<number>(sortKeys.length);
	plan.sortValues.forEach((rank, record) => (byRank[Number(rank)] = record));
	const pageOf = new Map<number, number>();
	for (const record of byRank) if (!wordless.has(record)) pageOf.set(record, pageOf.size);
	const pageMaps = plan.indexes.map((members) => members.filter((m) => !wordless.has(m)).map((m) => pageOf.get(m)!));
	const mergeStarted = performance.now();
	// A one-character query is a prefix of the n-gram words: each character's words are kept
	// findable in the one chunk Pagefind loads for it (`prefix-union.ts`). A head word stays in
	// its unmarked word's chunk, so the head search of a query loads no chunk of its own.
	const merged = await mergeShards({ shards: shardDirs, pageMaps, sortOrders: { date: [...pageOf.values()] }, out, chunkBytes, prefixes: prefixWords(gram), keepTogether: isHeadWordOf });
	const mergeS = (performance.now() - mergeStarted) / 1000;
	await rm(scratch, { recursive: true, force: true });
	const corpusChars = new Set([...rawChars].map((ch) => foldChar(ch, fold)));
	const client = clientFoldTable(table, corpusChars);
	await mkdir(path.join(siteDir, 'search'), { recursive: true });
	await writeFile(path.join(siteDir, 'search/search-config.json'), JSON.stringify({ gram, fold: Object.entries(client).flat().join('') }));
	return { pages: catalog.reports.length, tocOnly: catalog.tocOnly.length, foldEntries: Object.keys(client).length, shards: plan.indexes.length, chunks: merged.chunks, mergeS };
}
