/**
 * The pages of every word of an index being written, kept already encoded as the CBOR Pagefind
 * 1.6 reads (`[pageDelta, locations, metaLocations]` per page, pages ascending, each page number
 * the difference to the previous one): adding a page appends a few bytes to each of its words, so
 * memory is the size of the encoded index plus one small record per word.
 *
 * Pages must be added in ascending page order (a word's pages are then in order by construction).
 * Doesn't cut chunks or compress (see `index-chunks.ts`).
 */
import { compareWords } from './pagefind-files.ts';

class Bytes {
	data = new Uint8Array(16);
	length = 0;
	pages = 0;
	last = 0;

	room(n: number): void {
		if (this.length + n <= this.data.length) return;
		let size = this.data.length * 2;
		while (size < this.length + n) size *= 2;
		const next = new Uint8Array(size);
		next.set(this.data.subarray(0, this.length));
		this.data = next;
	}

	/** A CBOR item header (major type, argument up to 2^32 − 1). */
	head(major: number, value: number): void {
		this.room(5);
		const b = this.data;
		const m = major << 5;
		if (value < 24) b[this.length++] = m | value;
		else if (value < 0x100) (b[this.length++] = m | 24), (b[this.length++] = value);
		else if (value < 0x10000) (b[this.length++] = m | 25), (b[this.length++] = value >> 8), (b[this.length++] = value & 0xff);
		else {
			b[this.length++] = m | 26;
			b[this.length++] = value >>> 24;
			b[this.length++] = (value >> 16) & 0xff;
			b[this.length++] = (value >> 8) & 0xff;
			b[this.length++] = value & 0xff;
		}
	}

	int(value: number): void {
		if (value >= 0) this.head(0, value);
		else this.head(1, -1 - value);
	}
}

/** One word's pages, encoded: `count` page entries, to be wrapped in a CBOR array of that length. */
export interface EncodedPages {
	word: string;
	count: number;
	entries: Uint8Array;
}

export class Postings {
	readonly #words = new Map<string, Bytes>();
	#pairs = 0;

	/** (word, page) pairs added so far: what the memory of the postings grows with. */
	get pairs(): number {
		return this.#pairs;
	}

	/**
	 * Adds a page of one word.
	 * @param word The index word.
	 * @param page Page number, not below any page added before for this word.
	 * @param locations Packed locations (`locations.ts`).
	 */
	add(word: string, page: number, locations: readonly number[]): void {
		let bytes = this.#words.get(word);
		if (!bytes) this.#words.set(word, (bytes = new Bytes()));
		else if (page <= bytes.last) throw new Error(`postings: page ${page} of ${JSON.stringify(word)} after page ${bytes.last}`);
		bytes.head(4, 3);
		bytes.int(bytes.pages === 0 ? page : page - bytes.last);
		bytes.head(4, locations.length);
		for (const location of locations) bytes.int(location);
		bytes.head(4, 0);
		bytes.last = page;
		bytes.pages++;
		this.#pairs++;
	}

	/** Every word with its pages, in Pagefind's word order (UTF-8 bytes); the postings are emptied. */
	*drain(): Generator<EncodedPages> {
		const words = [...this.#words.keys()];
		// UTF-16 order is UTF-8 order unless a word has a surrogate (supplementary plane) or a
		// character above it; huibian's words are ASCII: the comparator-free sort is much faster
		if (words.some((w) => /[\ud800-\uffff]/.test(w))) words.sort(compareWords);
		else words.sort();
		for (const word of words) {
			const bytes = this.#words.get(word)!;
			this.#words.delete(word);
			yield { word, count: bytes.pages, entries: bytes.data.subarray(0, bytes.length) };
		}
		this.#pairs = 0;
	}
}
