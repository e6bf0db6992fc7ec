/**
 * Build huibian's search index of a built site into `<site>/pagefind/`, in Pagefind 1.6's format,
 * written by huibian's own writer (`src/lib/search/pagefind-writer.ts`) with words shaped for the
 * first search (`src/lib/search/index-words.ts`). Pagefind's own indexer only writes its scripts
 * and WebAssembly (an index of no pages); the reader's browser runs Pagefind as before.
 *
 * Every report page's `data-pagefind-body` text and its Pagefind attributes are read back from
 * the built HTML (what the reader sees); TOC-only entries (正文未收录) come from catalog.json and
 * are indexed by title, subtitle and unit. Each record is folded (traditional → simplified).
 * Also writes `<site>/search/search-config.json`: the n-gram length and the part of the fold
 * table the browser needs for queries typed in traditional characters.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import { dateSortKey, tocOnlyAttributes } from '../../src/lib/search/attributes.ts';
import { foldChar } from '../../src/lib/search/fold.ts';
import { buildFoldTable, clientFoldTable } from '../../src/lib/search/fold-table.ts';
import type { RecordChars } from '../../src/lib/search/index-words.ts';
import type { RenderedBlock as TextBlock } from '../../src/lib/knowledge/rendered-blocks.ts';
import { readPageRecord } from '../../src/lib/search/page-blocks.ts';
import {
	IndexWriter,
	PAGEFIND_VERSION,
	type IndexFile,
	type IndexPage,
} from '../../src/lib/search/pagefind-writer.ts';
import { SearchGzipCache } from './search-gzip-cache.ts';
import { indexRangeWords } from './search-words.ts';
import {
	recordCodeDigest,
	pageKey,
	SearchRecordCache,
	type CachedRecord,
} from './search-record-cache.ts';
import { searchRecord, type SearchRecordInput } from '../../src/lib/search/search-record.ts';
import { GRAM } from '../../src/lib/search/tokens.ts';
import type { Catalog } from '../../src/lib/frontmatter.ts';
import { tocEntryPath } from '../../src/lib/site/routes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Language of the index: `und` (undetermined), because the words are ASCII codes. The search page keeps `lang="zh-CN"`: Pagefind, finding no zh index, loads the only one there is. */
const RECORD_LANGUAGE = 'und';
/** CBOR bytes per index chunk by default (~12 KiB gzipped): see docs/scale. */
const DEFAULT_CHUNK_BYTES = 40 * 1024;
/** Corpus characters whose words are built at once by default (`planRanges`): bounds the memory. */
const DEFAULT_RANGE_CHARS = 2_000_000;

export interface SearchIndexStats {
	pages: number;
	tocOnly: number;
	foldEntries: number;
	/** Ranges of first characters written one after the other. */
	ranges: number;
	/** Word index chunks. */
	chunks: number;
	/** Seconds spent writing the index (after reading the pages). */
	writeS: number;
	/** Report pages whose record came from the cache, and those parsed. */
	recordsReused: number;
	recordsParsed: number;
	/** Index files whose gzipped bytes came from the cache, and those gzipped. */
	gzipReused: number;
	gzipped: number;
	/** Pages whose words were patched into the last build's (null: the words were built from every page). */
	patchedPages: number | null;
}

export interface SearchIndexOptions {
	/** Longest n-gram word (default `GRAM`). */
	gram?: number;
	/** Pages read ahead of the one being prepared (default 8). */
	lookahead?: number;
	/** CBOR bytes per chunk (default `DEFAULT_CHUNK_BYTES`). */
	chunkBytes?: number;
	/** Corpus characters per range of words (default `DEFAULT_RANGE_CHARS`). */
	rangeChars?: number;
	/** Worker threads building the ranges' words (default `DEFAULT_THREADS`; below 2: none). */
	threads?: number;
	/** The record cache's file (`search-record-cache.ts`); none: every page is parsed. */
	cacheFile?: string;
	/** The gzip cache's file (`search-gzip-cache.ts`); none: every index file is gzipped. */
	gzipCacheFile?: string;
	/** The folder of the last build's words (`search-postings-cache.ts`); none: every range is built from every page. */
	postingsDir?: string;
}

/** The index writer's options that never change: language, and the hex digits of file names. */
const WRITER_OPTIONS = { language: RECORD_LANGUAGE, hashDigits: 5, fragmentDigits: 4 } as const;

/** Worker threads by default: the machine's cores, at most 2 (each holds a range's postings). */
const DEFAULT_THREADS = Math.min(2, availableParallelism());

/** URL of a TOC-only record: its entry in the compilation’s table of contents. */
export function tocOnlyUrl(sourceSlug: string, id: string): string {
	return tocEntryPath(sourceSlug, id);
}

/** The installed Pagefind must be the one whose format the writer writes (its runtime reads the files). */
function checkPagefindVersion(): void {
	// the package exports no package.json: read it beside its entry (lib/index.js)
	const entry = fileURLToPath(import.meta.resolve('pagefind'));
	const installed = (
		JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as {
			version: string;
		}
	).version;
	if (installed !== PAGEFIND_VERSION) {
		throw new Error(
			`search index: expected Pagefind ${PAGEFIND_VERSION} (the index format huibian writes), found ${installed}. Install pagefind@${PAGEFIND_VERSION} (package.json pins it).`,
		);
	}
}

/** `read` over `items`, in order, with up to `ahead` reads started before they are consumed. */
async function* readAhead<T, R>(
	items: readonly T[],
	ahead: number,
	read: (item: T) => Promise<R>,
): AsyncGenerator<R> {
	const started: Array<Promise<R>> = [];
	let next = 0;
	const fill = () => {
		while (next < items.length && started.length < ahead) started.push(read(items[next++]!));
	};
	fill();
	while (started.length > 0) {
		const result = await started.shift()!;
		fill();
		yield result;
	}
}

/** Pagefind's scripts, WebAssembly and entry of an index of no pages (its own indexer, ~20 ms). */
async function writePagefindAssets(out: string): Promise<string[]> {
	const { index, errors } = await pagefind.createIndex({
		writePlayground: false,
		forceLanguage: RECORD_LANGUAGE,
	});
	if (!index) throw new Error(`pagefind createIndex: ${errors.join('; ')}`);
	const written = await index.writeFiles({ outputPath: out });
	if (written.errors.length) throw new Error(`pagefind writeFiles: ${written.errors.join('; ')}`);
	await pagefind.close();
	return (
		JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8')) as {
			include_characters: string[];
		}
	).include_characters;
}

/** The catalog's records: report pages (not reprints: a reprint is found once, as its canonical copy). */
async function readCatalog(catalogFile: string): Promise<Catalog> {
	const read = JSON.parse(await readFile(catalogFile, 'utf8')) as Catalog;
	return { ...read, reports: read.reports.filter((r) => !r.reprintOf) };
}

/** A record as the cache keeps it: without its date rank, with its raw characters. */
function cachedRecord(input: SearchRecordInput, fold: Record<string, string>): CachedRecord {
	const raw = new Set<string>();
	for (const block of input.blocks) for (const ch of block.text) raw.add(ch);
	const record = searchRecord(input, fold, '');
	if (!record) return { record: null, raw: [...raw].join('') };
	const { sort: _sort, ...page } = record.page;
	return { record: { page, chars: record.chars }, raw: [...raw].join('') };
}

/** One job per record, in catalog order: report pages read back from the built HTML (or the cache), then TOC-only entries. */
function recordJobs(
	siteDir: string,
	catalog: Catalog,
	cache: SearchRecordCache,
	fold: Record<string, string>,
): Array<() => Promise<CachedRecord>> {
	const jobs = catalog.reports.map((report) => async () => {
		const file = path.join(siteDir, report.url, 'index.html');
		const html = await readFile(file);
		return cache.get(pageKey(report.url, html), () => {
			const record = readPageRecord(html.toString('utf8'));
			if (!record) throw new Error(`${file}: expected one data-pagefind-body element, found none`);
			return cachedRecord({ url: report.url, ...record }, fold);
		});
	});
	const titles = new Map(catalog.sources.map((s) => [s.slug, s.title]));
	const sourceDates = new Map(catalog.sources.map((s) => [s.slug, s.date]));
	for (const entry of catalog.tocOnly) {
		jobs.push(async () =>
			cachedRecord(
				{
					url: tocOnlyUrl(entry.sourceSlug, entry.id),
					blocks: [entry.title, entry.subtitle, entry.unit]
						.filter((text): text is string => Boolean(text))
						.map((text, i): TextBlock => ({ tag: i === 0 ? 'h1' : 'p', text, id: null })),
					attributes: tocOnlyAttributes(
						entry,
						titles.get(entry.sourceSlug) ?? entry.source,
						sourceDates.get(entry.sourceSlug) ?? null,
					),
				},
				fold,
			),
		);
	}
	return jobs;
}

/** Record numbers in date order (ties in catalog order): page numbers, so the date sort is every page in order. */
function dateOrder(catalog: Catalog): number[] {
	const sourceDates = new Map(catalog.sources.map((s) => [s.slug, s.date]));
	const sortKeys = [
		...catalog.reports.map((r) => dateSortKey(r.date)),
		...catalog.tocOnly.map((t) => dateSortKey(sourceDates.get(t.sourceSlug) ?? null)),
	];
	return sortKeys
		.map((_, i) => i)
		.sort((a, b) => (sortKeys[a]! < sortKeys[b]! ? -1 : sortKeys[a]! > sortKeys[b]! ? 1 : a - b));
}

interface IndexRecords {
	pages: IndexPage[];
	chars: RecordChars[];
	/** Every distinct character of the records' text, unfolded. */
	rawChars: Set<string>;
}

/** The records in page order, read `lookahead` ahead; pages without text get a rank but no page. */
async function readRecords(
	jobs: ReadonlyArray<() => Promise<CachedRecord>>,
	order: readonly number[],
	lookahead: number,
): Promise<IndexRecords> {
	const width = String(Math.max(0, order.length - 1)).length;
	const records: IndexRecords = { pages: [], chars: [], rawChars: new Set() };
	let rank = 0;
	for await (const entry of readAhead(order, lookahead, (i) => jobs[i]!())) {
		for (const ch of entry.raw) records.rawChars.add(ch);
		const date = String(rank++).padStart(width, '0');
		if (!entry.record) continue;
		records.pages.push({ ...entry.record.page, sort: { date } });
		records.chars.push(entry.record.chars);
	}
	return records;
}

/** Writes index files into `out`, gzipped on libuv's threads (or from the cache), at most 16 at once. */
class FileWriter {
	chunks = 0;
	readonly out: string;
	readonly zipped: SearchGzipCache;
	readonly digests: WeakMap<Uint8Array, string>;
	readonly #writing: Array<Promise<void>> = [];
	constructor(out: string, zipped: SearchGzipCache, digests: WeakMap<Uint8Array, string>) {
		this.out = out;
		this.zipped = zipped;
		this.digests = digests;
	}

	async write(files: Iterable<IndexFile>): Promise<void> {
		for (const file of files) {
			if (file.path.startsWith('index/')) this.chunks++;
			const to = path.join(this.out, file.path);
			this.#writing.push(
				file.gzip
					? this.zipped
							.gzip(file.bytes, this.digests.get(file.bytes))
							.then((bytes) => writeFile(to, bytes))
					: writeFile(to, file.bytes),
			);
			if (this.#writing.length >= 16) await this.#writing.shift();
		}
	}

	done(): Promise<unknown> {
		return Promise.all(this.#writing);
	}
}

/** An empty index folder with Pagefind's assets; returns the entry's `include_characters`. */
async function freshIndexFolder(out: string): Promise<string[]> {
	await rm(out, { recursive: true, force: true });
	const includeCharacters = await writePagefindAssets(out);
	for (const sub of ['index', 'filter', 'fragment'])
		await mkdir(path.join(out, sub), { recursive: true });
	return includeCharacters;
}

/** SHA-256 that remembers each file's digest: it names the file and keys its gzipped bytes in the cache, computed once. */
function rememberedDigests() {
	const digests = new WeakMap<Uint8Array, string>();
	const sha256 = (bytes: Uint8Array) => {
		const hex = createHash('sha256').update(bytes).digest('hex');
		digests.set(bytes, hex);
		return hex;
	};
	return { digests, sha256 };
}

/** The browser's config: n-gram length and the fold table of the corpus's characters. */
async function writeSearchConfig(
	siteDir: string,
	gram: number,
	table: ReturnType<typeof buildFoldTable>,
	rawChars: ReadonlySet<string>,
): Promise<number> {
	const fold = Object.fromEntries(table);
	const corpusChars = new Set([...rawChars].map((ch) => foldChar(ch, fold)));
	const client = clientFoldTable(table, corpusChars);
	await mkdir(path.join(siteDir, 'search'), { recursive: true });
	await writeFile(
		path.join(siteDir, 'search/search-config.json'),
		JSON.stringify({ gram, fold: Object.entries(client).flat().join('') }),
	);
	return Object.keys(client).length;
}

/** Writes the index of the records into `out` (Pagefind's assets, then the writer's files). */
async function writeIndex(
	out: string,
	pages: readonly IndexPage[],
	chars: readonly RecordChars[],
	options: SearchIndexOptions & { gram: number; chunkBytes: number; code: string },
) {
	const { gram, chunkBytes, gzipCacheFile, postingsDir } = options;
	const includeCharacters = await freshIndexFolder(out);
	const { digests, sha256 } = rememberedDigests();
	const files = new FileWriter(out, await SearchGzipCache.open(gzipCacheFile ?? null), digests);
	const writer = new IndexWriter(pages, {
		...WRITER_OPTIONS,
		chunkBytes,
		includeCharacters,
		sha256,
	});
	await files.write(writer.fragments());
	// the words of each range (patched from the last build's, or built from every page), in order
	const words = await indexRangeWords(
		pages.map((p) => p.url),
		chars,
		{
			gram,
			rangeChars: options.rangeChars ?? DEFAULT_RANGE_CHARS,
			threads: options.threads ?? DEFAULT_THREADS,
			cacheDir: postingsDir ?? null,
			codeDigest: options.code,
		},
	);
	for await (const drained of words.drained) await files.write(writer.words(drained));
	await files.write(writer.finish());
	await files.done();
	await files.zipped.save();
	return { words, files };
}

/**
 * @param siteDir The built site (report pages at `reports/<id>/index.html`).
 * @param catalogFile The catalog.json the site was built from.
 */
export async function buildSearchIndex(
	siteDir: string,
	catalogFile: string,
	options: SearchIndexOptions = {},
): Promise<SearchIndexStats> {
	const { gram = GRAM, lookahead = 8, chunkBytes = DEFAULT_CHUNK_BYTES } = options;
	checkPagefindVersion();
	const catalog = await readCatalog(catalogFile);
	const table = buildFoldTable(TSCharacters, [TWVariantsRev, HKVariantsRev]);
	const fold = Object.fromEntries(table);
	const { cacheFile, postingsDir } = options;
	const code = cacheFile || postingsDir ? await recordCodeDigest(ROOT) : '';
	// 1. records, in page order (only pages Astro rendered again are parsed)
	const cache = await SearchRecordCache.open(cacheFile ?? null, code);
	const { pages, chars, rawChars } = await readRecords(
		recordJobs(siteDir, catalog, cache, fold),
		dateOrder(catalog),
		lookahead,
	);
	await cache.save();
	// 2. the index: Pagefind's assets, then every file of the writer
	const started = performance.now();
	const { words, files } = await writeIndex(path.join(siteDir, 'pagefind'), pages, chars, {
		...options,
		gram,
		chunkBytes,
		code,
	});
	const writeS = (performance.now() - started) / 1000;
	// 3. the browser's config
	const foldEntries = await writeSearchConfig(siteDir, gram, table, rawChars);
	return {
		pages: catalog.reports.length,
		tocOnly: catalog.tocOnly.length,
		foldEntries,
		ranges: words.count,
		chunks: files.chunks,
		writeS,
		recordsReused: cache.hits,
		recordsParsed: cache.misses,
		gzipReused: files.zipped.hits,
		gzipped: files.zipped.misses,
		patchedPages: words.patchedPages,
	};
}
