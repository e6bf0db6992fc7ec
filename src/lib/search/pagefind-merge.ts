/**
 * Merging Pagefind index shards into one index, on decoded files (`pagefind-files.ts`): every
 * shard's page numbers are mapped to the merged index's, its metadata field numbers to the
 * merged field list, and the words, filter values and sort orders of all shards are combined.
 *
 * Why: one index of thousands of reports does not fit in memory while Pagefind writes it
 * (`shards.ts`), but a browser searching many shards loads one chunk per shard for every query
 * word. Merged, a search loads what one index would.
 *
 * Doesn't read, compress or name files (see scripts/lib/merge-shards.ts).
 */
import { CborReader, type CborWriter } from './cbor-bytes.ts';
import { compareWords, type FilterChunk } from './pagefind-files.ts';
import type { PrefixUnion } from './prefix-union.ts';

/** How one shard's numbers map into the merged index. */
export interface ShardMapping {
	/** Merged page number of each of the shard's pages. */
	pages: readonly number[];
	/** Merged metadata field number of each of the shard's metadata fields. */
	fields: readonly number[];
}

/** The merged metadata field list (UTF-8 order, as Pagefind writes it) and each shard's mapping into it. */
export function mergeMetaFields(lists: ReadonlyArray<readonly string[]>): { fields: string[]; maps: number[][] } {
	const fields = [...new Set(lists.flat())].sort(compareWords);
	const at = new Map(fields.map((field, i) => [field, i]));
	return { fields, maps: lists.map((list) => list.map((field) => at.get(field)!)) };
}

/**
 * One shard's pages under one word, read without decoding their positions: merged page numbers
 * (ascending) and, per page, the byte ranges of its positions and metadata positions in
 * `bytes` (the chunk). Reused from word to word, so reading allocates nothing per page.
 */
export class PageList {
	bytes: Uint8Array = new Uint8Array(0);
	count = 0;
	page = new Float64Array(64);
	start = new Int32Array(64);
	metaStart = new Int32Array(64);
	end = new Int32Array(64);

	/**
	 * Reads the page list at the reader (`[[pageDelta, locations, metaLocations], …]`), mapping
	 * the pages with `pages` (which must be ascending).
	 */
	read(reader: CborReader, pages: readonly number[]): this {
		const n = reader.array();
		if (n > this.page.length) this.#grow(n);
		this.bytes = reader.bytes;
		this.count = n;
		let local = 0;
		for (let i = 0; i < n; i++) {
			if (reader.array() !== 3) throw new Error('index chunk: a page entry is not [page, locations, metaLocations]');
			local += reader.int();
			const merged = pages[local];
			if (merged === undefined) throw new Error(`index chunk: page ${local} is not in the shard's page list`);
			this.page[i] = merged;
			this.start[i] = reader.pos;
			reader.skip();
			this.metaStart[i] = reader.pos;
			reader.skip();
			this.end[i] = reader.pos;
		}
		return this;
	}

	#grow(n: number): void {
		const size = Math.max(n, this.page.length * 2);
		const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
			const next = make(size);
			next.set(a);
			return next;
		};
		this.page = grow(this.page, (k) => new Float64Array(k));
		this.start = grow(this.start, (k) => new Int32Array(k));
		this.metaStart = grow(this.metaStart, (k) => new Int32Array(k));
		this.end = grow(this.end, (k) => new Int32Array(k));
	}
}

/** A page list with the shard's metadata field mapping (null: the fields are the merged list's). */
export interface ShardPages {
	list: PageList;
	fields: readonly number[] | null;
}

/**
 * Writes the page lists of several shards as one, in page order, with relative page numbers;
 * positions are copied as bytes, metadata positions renumbered when the shard's fields differ.
 */
export function writePages(writer: CborWriter, parts: readonly ShardPages[], union?: PrefixUnion): void {
	let total = 0;
	for (const part of parts) total += part.list.count;
	writer.array(total);
	const next = new Int32Array(parts.length);
	let previous = 0;
	let first = true;
	for (let written = 0; written < total; written++) {
		let best = -1;
		for (let k = 0; k < parts.length; k++) {
			const { list } = parts[k]!;
			if (next[k]! < list.count && (best < 0 || list.page[next[k]!]! < parts[best]!.list.page[next[best]!]!)) best = k;
		}
		const { list, fields } = parts[best]!;
		const i = next[best]!++;
		const page = list.page[i]!;
		union?.note(page, list.bytes, list.start[i]!);
		if (!first && page <= previous) throw new Error(`two shards list page ${page} under the same word (page maps overlap?)`);
		writer.array(3);
		writer.int(first ? page : page - previous);
		previous = page;
		first = false;
		if (!fields) {
			writer.rawRange(list.bytes, list.start[i]!, list.end[i]!);
			continue;
		}
		writer.rawRange(list.bytes, list.start[i]!, list.metaStart[i]!);
		const meta = new CborReader(list.bytes, list.metaStart[i]!);
		const n = meta.array();
		writer.array(n);
		for (let j = 0; j < n; j++) {
			const v = meta.int();
			writer.int(v < 0 ? -(fields[-v - 1]! + 1) : v);
		}
	}
}

/** One shard's entry for one word: its pages and its variants' pages (e.g. `café` under `cafe`). */
export interface ShardWord {
	pages: ShardPages;
	variants: ReadonlyArray<{ word: string; pages: ShardPages }>;
}

/**
 * Writes one word of the merged index (`[word, pages, variants]`) from its entries in several
 * shards; its pages are also noted in `union` when given.
 */
export function writeWord(writer: CborWriter, word: string, parts: readonly ShardWord[], union?: PrefixUnion): void {
	writer.array(3);
	writer.text(word);
	writePages(writer, parts.map((p) => p.pages), union);
	const variants = new Map<string, ShardPages[]>();
	for (const part of parts) {
		for (const v of part.variants) variants.set(v.word, [...(variants.get(v.word) ?? []), v.pages]);
	}
	writer.array(variants.size);
	for (const [variant, pages] of [...variants].sort((a, b) => compareWords(a[0], b[0]))) {
		writer.array(2);
		writer.text(variant);
		writePages(writer, pages);
	}
}

/** One filter of the merged index from its chunk in several shards: values in UTF-8 order, pages ascending. */
export function mergeFilter(parts: ReadonlyArray<{ chunk: FilterChunk; map: ShardMapping }>): FilterChunk {
	const name = parts[0]!.chunk[0];
	const values = new Map<string, number[]>();
	for (const { chunk, map } of parts) {
		if (chunk[0] !== name) throw new Error(`cannot merge different filters: ${name} and ${chunk[0]}`);
		for (const [value, pages] of chunk[1]) {
			const list = values.get(value) ?? [];
			for (const page of pages) list.push(map.pages[page]!);
			values.set(value, list);
		}
	}
	return [name, [...values].sort((a, b) => compareWords(a[0], b[0])).map(([value, pages]) => [value, pages.sort((a, b) => a - b)])];
}

/**
 * A sort's page list in the merged index: `order` (every merged page, ascending by the sort's
 * value, known to the caller) restricted to the pages the shards list. Checks that each shard's
 * own list is in that order, which also checks the page mappings.
 */
export function mergeSort(name: string, order: readonly number[], parts: ReadonlyArray<{ pages: readonly number[]; map: ShardMapping }>): number[] {
	const position = new Int32Array(order.length).fill(-1);
	order.forEach((page, i) => (position[page] = i));
	const listed = new Uint8Array(order.length);
	parts.forEach(({ pages, map }, shard) => {
		let last = -1;
		for (const page of pages) {
			const merged = map.pages[page]!;
			const at = position[merged] ?? -1;
			if (at <= last) throw new Error(`sort ${name}: shard ${shard} lists its pages in another order than the records' (page mapping wrong?)`);
			last = at;
			listed[merged] = 1;
		}
	});
	return order.filter((page) => listed[page] === 1);
}

/** A chunk of encoded words, ready to be written. */
export interface WordChunk {
	from: string;
	to: string;
	words: Uint8Array[];
}

/**
 * Cuts the merged words (in order) into chunks of about `targetBytes` of CBOR each: a search
 * loads the chunk of each query word, so smaller chunks cost less per search and more entries
 * in the meta file every search loads first. Words that `keepTogether(previous, next)` joins
 * are never cut apart (huibian's head words stay in their unmarked word's chunk): a chunk that
 * is full waits for the next word to know.
 */
export class ChunkBuilder {
	readonly targetBytes: number;
	readonly #keepTogether: ((previous: string, next: string) => boolean) | null;
	#current: WordChunk | null = null;
	#bytes = 0;
	#last: string | null = null;
	/** The chunk is full; it is cut before the next word unless that word joins it. */
	#full = false;
	constructor(targetBytes: number, keepTogether: ((previous: string, next: string) => boolean) | null = null) {
		this.targetBytes = targetBytes;
		this.#keepTogether = keepTogether;
	}

	/** CBOR bytes in the chunk being built (0 when it is full: the next word starts another). */
	get bytes(): number {
		return this.#full ? 0 : this.#bytes;
	}

	/**
	 * Adds a word (its CBOR item, `writeWord`); returns the chunk it completed, if any. A chunk
	 * that this word starts has the range `[from, …]` (a prefix of the word may widen it).
	 */
	add(word: string, encoded: Uint8Array, from = word): WordChunk | null {
		if (this.#last !== null && compareWords(this.#last, word) >= 0) throw new Error(`words out of order: ${word} after ${this.#last}`);
		const done = this.#full && !this.#keepTogether!(this.#last!, word) ? this.flush() : null;
		this.#last = word;
		const chunk = (this.#current ??= { from, to: word, words: [] });
		chunk.words.push(encoded);
		chunk.to = word;
		this.#bytes += encoded.length;
		if (this.#bytes < this.targetBytes) return done;
		if (this.#keepTogether) {
			this.#full = true;
			return done;
		}
		return this.flush();
	}

	/** The chunk being built, if it has words; starts a new one. */
	flush(): WordChunk | null {
		const chunk = this.#current;
		this.#current = null;
		this.#bytes = 0;
		this.#full = false;
		return chunk;
	}
}
