/**
 * Writes a Pagefind 1.6 index (the files Pagefind's own indexer writes, minus its scripts and
 * WebAssembly, which the caller copies from the installed Pagefind) straight from huibian's search
 * records: no HTML, no Pagefind indexer, no shards to merge. Pagefind's browser code then searches
 * it as its own (`pagefind.js`, filters, sorting, sub-results), which the equivalence test checks
 * query by query against an index of the same records written by Pagefind itself
 * (tests/unit/pagefind-writer-equivalence.test.ts).
 *
 * The words and their locations are the caller's (`WordSource`); this module numbers nothing
 * itself (page i is `pages[i]`), encodes the postings, cuts chunks, writes fragments, filters,
 * sorts, the meta file and `pagefind-entry.json`. Memory: the postings of one word range at a
 * time (`WordSource.ranges`), the pages' small records, one chunk.
 *
 * Doesn't touch files or compress: it yields each file's path and bytes before gzip (every file
 * but the entry is gzipped by the caller).
 */
import { chunkRanges, ChunkCutter } from './index-chunks.ts';
import {
	compareWords,
	encodeMeta,
	signed,
	wrap,
	type IndexMeta,
	type MetaPage,
} from './pagefind-files.ts';
import { drainedPages, Postings, type DrainedWords } from './postings.ts';

/** The Pagefind version whose file format this module writes; the build refuses another. */
export const PAGEFIND_VERSION = '1.6.0';

export interface IndexAnchor {
	element: string;
	id: string;
	text: string;
	/** Word position where the element starts. */
	location: number;
}

/** One search record: what its fragment says, and its filters and sort values. */
export interface IndexPage {
	url: string;
	/** The fragment's `content` (huibian: the original text, `fragment-text.ts`). */
	content: string;
	/** Words on the page, for Pagefind's length normalisation of scores. */
	wordCount: number;
	filters: Readonly<Record<string, readonly string[]>>;
	meta: Readonly<Record<string, string>>;
	sort: Readonly<Record<string, string>>;
	anchors: readonly IndexAnchor[];
}

/** The words of the records, one range of words at a time. */
export interface WordSource {
	/**
	 * Ranges of words in Pagefind's word order: every word of range i sorts before every word of
	 * range i + 1, so the ranges' postings can be built and written one after the other.
	 */
	ranges(): readonly unknown[];
	/** The words of one range, numbered by the source. */
	range(range: unknown): RangeWords;
}

export interface RangeWords {
	/** Calls `add` for each word of page `page` (its id, its packed locations: `locations.ts`). */
	words(page: number, add: (id: number, locations: readonly number[]) => void): void;
	/** The word of an id. */
	word(id: number): string;
}

export interface WriterOptions {
	/** Index language (the `lang` of the file names and of the entry). */
	language: string;
	/** CBOR bytes per index chunk. */
	chunkBytes: number;
	/** `include_characters` of the entry (Pagefind writes its default list). */
	includeCharacters: readonly string[];
	/** Hex digits of an index or filter chunk's name (at least; more when two names would clash; default 7, Pagefind's). */
	hashDigits?: number;
	/** The same for fragments (default `hashDigits`): the meta lists one per page. */
	fragmentDigits?: number;
	/** SHA-256 hex of bytes (the caller's: this module has no crypto). */
	sha256: (bytes: Uint8Array) => string;
}

export interface IndexFile {
	/** Path inside the index folder (`fragment/und_1a2b3c4.pf_fragment`). */
	path: string;
	/** Content before gzip (the entry is plain JSON and is not gzipped). */
	bytes: Uint8Array;
	gzip: boolean;
}

const UTF8 = new TextEncoder();

/** Unique names `<lang>_<hex>` from content hashes, lengthened on a clash (in the order asked). */
class Names {
	readonly #used = new Set<string>();
	readonly lang: string;
	readonly digits: number;
	readonly sha256: (bytes: Uint8Array) => string;
	constructor(lang: string, digits: number, sha256: (bytes: Uint8Array) => string) {
		this.lang = lang;
		this.digits = digits;
		this.sha256 = sha256;
	}
	name(bytes: Uint8Array, digits = this.digits): string {
		const hex = this.sha256(bytes);
		for (let n = digits; n <= hex.length; n++) {
			const name = `${this.lang}_${hex.slice(0, n)}`;
			if (!this.#used.has(name)) {
				this.#used.add(name);
				return name;
			}
		}
		throw new Error(
			`two index files with the same content (${this.lang}_${hex}): pages must differ in url`,
		);
	}
}

const HIGH = /[\ud800-\uffff]/;
const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Every page that has a value for `key`, ascending by it: as numbers (single precision, as
 * Pagefind compares them) when every value is one, else as text; ties in page order.
 */
export function sortOrder(pages: readonly IndexPage[], key: string): number[] {
	const listed = pages.flatMap((p, i) =>
		p.sort[key] === undefined ? [] : [{ value: p.sort[key]!, page: i }],
	);
	const numeric = listed.every(({ value }) => INT.test(value) || FLOAT.test(value));
	if (numeric) {
		const n = listed.map(({ value, page }) => ({ page, x: Math.fround(Number(value)) }));
		return n.sort((a, b) => a.x - b.x).map((e) => e.page);
	}
	return listed.sort((a, b) => compareWords(a.value, b.value)).map((e) => e.page);
}

/** A fragment as Pagefind 1.6 writes it (its keys in Pagefind's order). */
export function fragmentJson(page: IndexPage): string {
	const sortedKeys = <T>(o: Readonly<Record<string, T>>) =>
		Object.fromEntries(
			Object.keys(o)
				.sort(compareWords)
				.map((k) => [k, o[k]!]),
		);
	return JSON.stringify({
		url: page.url,
		content: page.content,
		word_count: page.wordCount,
		filters: sortedKeys(page.filters),
		meta: sortedKeys(page.meta),
		anchors: page.anchors.map((a) => ({
			element: a.element,
			id: a.id,
			text: a.text,
			location: a.location,
		})),
	});
}

/** One range's words with their pages, from the source (`Postings`): what a worker thread can build. */
export function rangeWords(source: WordSource, range: unknown, pageCount: number): DrainedWords {
	const words = source.range(range);
	const postings = new Postings((id) => words.word(id));
	for (let page = 0; page < pageCount; page++)
		words.words(page, (id, locations) => postings.addId(id, page, locations));
	return postings.drainAll();
}

/**
 * Writes an index in three steps, so that the words of each range can come from anywhere (built
 * here or by worker threads, `rangeWords`): `fragments()`, then `words(range)` for every range in
 * order, then `finish()`. Each yields files as they are ready.
 */
export class IndexWriter {
	readonly #pages: readonly IndexPage[];
	readonly #options: Required<WriterOptions>;
	readonly #chunkNames: Names;
	readonly #bounds: Array<[string, string]> = [];
	readonly #chunkHashes: string[] = [];
	readonly #cutter: ChunkCutter;
	#metaPages: MetaPage[] = [];
	#previous: string | null = null;

	/** @param pages The records; page number i is `pages[i]` (Pagefind breaks score ties by page number). */
	constructor(pages: readonly IndexPage[], options: WriterOptions) {
		const hashDigits = options.hashDigits ?? 7;
		this.#pages = pages;
		this.#options = {
			...options,
			hashDigits,
			fragmentDigits: options.fragmentDigits ?? hashDigits,
		};
		this.#chunkNames = new Names(options.language, hashDigits, options.sha256);
		this.#cutter = new ChunkCutter(options.chunkBytes);
	}

	/** 1. The fragments, one per page. */
	*fragments(): Generator<IndexFile> {
		const { language, fragmentDigits, sha256 } = this.#options;
		const fragmentNames = new Names(language, fragmentDigits, sha256);
		this.#metaPages = [];
		for (const page of this.#pages) {
			const bytes = signed(UTF8.encode(fragmentJson(page)));
			const name = fragmentNames.name(bytes);
			this.#metaPages.push([name, page.wordCount, '']);
			yield { path: `fragment/${name}.pf_fragment`, bytes, gzip: true };
		}
	}

	#emit(chunk: ReturnType<ChunkCutter['flush']>): IndexFile | null {
		if (!chunk) return null;
		const name = this.#chunkNames.name(chunk.bytes);
		this.#bounds.push([chunk.from, chunk.to]);
		this.#chunkHashes.push(name);
		return { path: `index/${name}.pf_index`, bytes: chunk.bytes, gzip: true };
	}

	/** 2. The next range's words (every word after the previous range's), cut into chunks. */
	*words(drained: DrainedWords): Generator<IndexFile> {
		for (const word of drainedPages(drained)) {
			// UTF-16 order is UTF-8 order below U+D800 (huibian's words are ASCII): the fast test first
			const previous = this.#previous;
			if (
				previous !== null &&
				!(previous < word.word && !HIGH.test(word.word)) &&
				compareWords(previous, word.word) >= 0
			)
				throw new Error(`word ranges out of order: ${word.word} after ${previous}`);
			this.#previous = word.word;
			const file = this.#emit(this.#cutter.add(word));
			if (file) yield file;
		}
	}

	/** 3. The last chunk, the filters, sorts, meta and entry. */
	*finish(): Generator<IndexFile> {
		const { language: lang, includeCharacters, sha256, hashDigits } = this.#options;
		const pages = this.#pages;
		const last = this.#emit(this.#cutter.flush());
		if (last) yield last;
		const chunks: IndexMeta['chunks'] = chunkRanges(this.#bounds).map(([from, to], i) => [
			from,
			to,
			this.#chunkHashes[i]!,
		]);
		// filters: one chunk per filter, values in UTF-8 order, pages ascending
		const filterNames = new Names(lang, hashDigits, sha256);
		const filters: IndexMeta['filters'] = [];
		const byFilter = new Map<string, Map<string, number[]>>();
		pages.forEach((page, i) => {
			for (const [key, values] of Object.entries(page.filters)) {
				const of = byFilter.get(key) ?? new Map<string, number[]>();
				byFilter.set(key, of);
				for (const value of values) {
					const list = of.get(value) ?? [];
					if (list.at(-1) !== i) list.push(i);
					of.set(value, list);
				}
			}
		});
		for (const key of [...byFilter.keys()].sort(compareWords)) {
			const values = [...byFilter.get(key)!].sort((a, b) => compareWords(a[0], b[0]));
			const bytes = wrap([key, values]);
			const name = filterNames.name(bytes);
			filters.push([key, name]);
			yield { path: `filter/${name}.pf_filter`, bytes, gzip: true };
		}
		// meta and entry
		const sortKeys = [...new Set(pages.flatMap((p) => Object.keys(p.sort)))].sort(compareWords);
		const metaFields = [...new Set(pages.flatMap((p) => Object.keys(p.meta)))].sort(compareWords);
		const meta = encodeMeta({
			version: PAGEFIND_VERSION,
			pages: this.#metaPages,
			chunks,
			filters,
			sorts: sortKeys.map((key) => [key, sortOrder(pages, key)]),
			metaFields,
		});
		// Pagefind names the meta file by the first `lang.length + 8` characters of its hash
		const metaName = new Names(lang, lang.length + 8, sha256).name(meta);
		yield { path: `pagefind.${metaName}.pf_meta`, bytes: meta, gzip: true };
		const entry = {
			version: PAGEFIND_VERSION,
			languages: pages.length
				? { [lang]: { hash: metaName, wasm: null, page_count: pages.length } }
				: {},
			include_characters: includeCharacters,
		};
		yield { path: 'pagefind-entry.json', bytes: UTF8.encode(JSON.stringify(entry)), gzip: false };
	}
}

/**
 * @param pages The records; page number i is `pages[i]` (Pagefind breaks score ties by page number).
 * @param source Their words.
 * @returns The index files, fragments first, the entry last.
 */
export function* writePagefindIndex(
	pages: readonly IndexPage[],
	source: WordSource,
	options: WriterOptions,
): Generator<IndexFile> {
	const writer = new IndexWriter(pages, options);
	yield* writer.fragments();
	for (const range of source.ranges()) yield* writer.words(rangeWords(source, range, pages.length));
	yield* writer.finish();
}
