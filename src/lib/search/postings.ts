/**
 * The pages of every word of an index being written, kept already encoded as the CBOR Pagefind
 * 1.6 reads (`[pageDelta, locations, metaLocations]` per page, pages ascending, each page number
 * the difference to the previous one). Words are numbered by the caller (`GramTrie` ids, or
 * `id(word)`); a page entry is appended to one log shared by all words, headed by its word's id
 * and its length, so memory is the encoded index plus a few typed-array slots per word, and
 * adding a page allocates nothing. Draining sorts the words, gives each its place in one buffer
 * (the sizes are counted as entries come) and copies the log there in one sequential pass: no
 * per-word walk through the log, no per-word allocation.
 *
 * Pages must be added in ascending page order per word. Doesn't cut chunks or compress
 * (see `index-chunks.ts`).
 */
import { compareWords } from './pagefind-files.ts';

/** One word's pages, encoded: `count` page entries, to be wrapped in a CBOR array of that length. */
export interface EncodedPages {
	word: string;
	count: number;
	entries: Uint8Array;
}

const grow = <T extends Int32Array | Float64Array>(
	a: T,
	n: number,
	make: (n: number) => T,
	fill = 0,
): T => {
	if (n <= a.length) return a;
	const next = make(Math.max(n, a.length * 2));
	next.set(a);
	if (fill) next.fill(fill, a.length);
	return next;
};

/**
 * Drained words, in order: word k's `count` page entries are `bytes[starts[k], starts[k + 1])`.
 * Plain arrays and typed arrays only, so that a worker thread can hand it over (transferring
 * `bytes`).
 */
export interface DrainedWords {
	words: string[];
	counts: Int32Array;
	starts: Float64Array;
	bytes: Uint8Array;
}

export class Postings {
	#log = new Uint8Array(1 << 20);
	#view = new DataView(this.#log.buffer);
	#length = 0;
	/** Per word id: its page count, its last page, the bytes of its entries. */
	#count = new Int32Array(1024);
	#last = new Int32Array(1024);
	#size = new Float64Array(1024);
	#ids = new Map<string, number>();
	#names: string[] = [];
	#pairs = 0;
	#resolve: ((id: number) => string) | null;

	/** @param resolve The word of an id the caller numbered itself (else words get ids from `id`). */
	constructor(resolve: ((id: number) => string) | null = null) {
		this.#resolve = resolve;
	}

	/** (word, page) pairs added so far: what the memory of the postings grows with. */
	get pairs(): number {
		return this.#pairs;
	}

	/** The id of a word (numbered in first-seen order). */
	id(word: string): number {
		let id = this.#ids.get(word);
		if (id === undefined) {
			id = this.#names.length;
			this.#ids.set(word, id);
			this.#names.push(word);
		}
		return id;
	}

	/** Adds a page of one word (`add(word, …)` is `addId(id(word), …)`). */
	add(word: string, page: number, locations: readonly number[]): void {
		this.addId(this.id(word), page, locations);
	}

	#int(value: number): void {
		const b = this.#log;
		let major = 0;
		if (value < 0) {
			major = 0x20;
			value = -1 - value;
		}
		if (value < 24) b[this.#length++] = major | value;
		else if (value < 0x100) ((b[this.#length++] = major | 24), (b[this.#length++] = value));
		else if (value < 0x10000)
			((b[this.#length++] = major | 25),
				(b[this.#length++] = value >> 8),
				(b[this.#length++] = value & 0xff));
		else {
			b[this.#length++] = major | 26;
			b[this.#length++] = value >>> 24;
			b[this.#length++] = (value >> 16) & 0xff;
			b[this.#length++] = (value >> 8) & 0xff;
			b[this.#length++] = value & 0xff;
		}
	}

	#arrayHead(n: number): void {
		// an array's header: major type 4, its length as an integer's argument
		const at = this.#length;
		this.#int(n);
		this.#log[at]! |= 0x80;
	}

	/**
	 * @param id The word's id.
	 * @param page Page number, above every page added before for this word.
	 * @param locations Packed locations (`locations.ts`).
	 */
	addId(id: number, page: number, locations: readonly number[]): void {
		if (id >= this.#count.length) {
			this.#count = grow(this.#count, id + 1, (n) => new Int32Array(n));
			this.#last = grow(this.#last, id + 1, (n) => new Int32Array(n));
			this.#size = grow(this.#size, id + 1, (n) => new Float64Array(n));
		}
		const count = this.#count[id]!;
		if (count > 0 && page <= this.#last[id]!)
			throw new Error(
				`postings: page ${page} of ${JSON.stringify(this.#word(id))} after page ${this.#last[id]}`,
			);
		// room for the id and length (8 bytes) and the entry (at most 5 bytes per item)
		const need = 8 + 5 * (locations.length + 4);
		if (this.#length + need > this.#log.length) {
			let size = this.#log.length * 2;
			while (size < this.#length + need) size *= 2;
			const next = new Uint8Array(size);
			next.set(this.#log.subarray(0, this.#length));
			this.#log = next;
			this.#view = new DataView(next.buffer);
		}
		const start = this.#length;
		this.#length += 8;
		this.#log[this.#length++] = 0x83;
		this.#int(count === 0 ? page : page - this.#last[id]!);
		this.#arrayHead(locations.length);
		for (const location of locations) this.#int(location);
		this.#log[this.#length++] = 0x80;
		const n = this.#length - start - 8;
		this.#view.setInt32(start, id);
		this.#view.setUint32(start + 4, n);
		this.#size[id]! += n;
		this.#count[id] = count + 1;
		this.#last[id] = page;
		this.#pairs++;
	}

	#word(id: number): string {
		return this.#resolve ? this.#resolve(id) : this.#names[id]!;
	}

	/**
	 * Every word with its pages, in Pagefind's word order (UTF-8 bytes), in one buffer; the
	 * postings are emptied.
	 */
	drainAll(): DrainedWords {
		const ids: number[] = [];
		for (let id = 0; id < this.#count.length; id++) if (this.#count[id]! > 0) ids.push(id);
		const names = ids.map((id) => this.#word(id));
		const order = ids.map((_, i) => i);
		// UTF-16 order is UTF-8 order unless a word has a surrogate (supplementary plane) or a
		// character above it; huibian's words are ASCII: the fast comparison then
		const slow = names.some((w) => /[\ud800-\uffff]/.test(w));
		order.sort(
			slow
				? (a, b) => compareWords(names[a]!, names[b]!)
				: (a, b) => (names[a]! < names[b]! ? -1 : 1),
		);
		// each word's place in the buffer, in word order; then the log copied there, entry by entry
		const cursor = new Float64Array(this.#count.length);
		const starts = new Float64Array(order.length + 1);
		const counts = new Int32Array(order.length);
		const words: string[] = [];
		let offset = 0;
		order.forEach((i, k) => {
			const id = ids[i]!;
			words.push(names[i]!);
			counts[k] = this.#count[id]!;
			starts[k] = offset;
			cursor[id] = offset;
			offset += this.#size[id]!;
		});
		starts[order.length] = offset;
		const bytes = new Uint8Array(offset);
		const log = this.#log;
		const view = this.#view;
		for (let at = 0; at < this.#length;) {
			const id = view.getInt32(at);
			const n = view.getUint32(at + 4);
			bytes.set(log.subarray(at + 8, at + 8 + n), cursor[id]!);
			cursor[id]! += n;
			at += 8 + n;
		}
		this.#log = new Uint8Array(1 << 20);
		this.#view = new DataView(this.#log.buffer);
		this.#length = 0;
		this.#count = new Int32Array(1024);
		this.#last = new Int32Array(1024);
		this.#size = new Float64Array(1024);
		this.#ids.clear();
		this.#names = [];
		this.#pairs = 0;
		return { words, counts, starts, bytes };
	}

	/**
	 * Every word with its pages, in Pagefind's word order (UTF-8 bytes); the postings are emptied.
	 * A word's `entries` is a view of one buffer shared by all (`drainAll`).
	 */
	*drain(): Generator<EncodedPages> {
		yield* drainedPages(this.drainAll());
	}
}

/** The words of a drained range one by one (`entries`: views of its buffer). */
export function* drainedPages(drained: DrainedWords): Generator<EncodedPages> {
	const { words, counts, starts, bytes } = drained;
	for (let k = 0; k < words.length; k++)
		yield {
			word: words[k]!,
			count: counts[k]!,
			entries: bytes.subarray(starts[k]!, starts[k + 1]!),
		};
}
