/**
 * One-character queries over a merged index. A query shorter than the n-gram is one prefix word
 * (`学` → `0ysu`), and Pagefind's browser code loads the single chunk whose range holds that
 * word, then expands the prefix over the words loaded. When the words starting with a frequent
 * character fill more than one chunk, that misses pages. So for such a character the merge writes
 * one more word, the prefix itself, listing every page any of those words is on (with the first
 * position of the first of them), in the chunk that Pagefind loads for it.
 *
 * Doesn't cut chunks or read files (see scripts/lib/merge-shards.ts).
 */
import { CborReader, type CborWriter } from './cbor-bytes.ts';

/** The pages of a group of words that share a prefix, each with one position. */
export class PrefixUnion {
	#seen: Uint8Array;
	#count = 0;
	#page: Int32Array;
	#weight: Int32Array;
	#position: Int32Array;

	/** @param pages Pages of the merged index. */
	constructor(pages: number) {
		this.#seen = new Uint8Array(pages);
		this.#page = new Int32Array(pages);
		this.#weight = new Int32Array(pages);
		this.#position = new Int32Array(pages);
	}

	get size(): number {
		return this.#count;
	}

	/**
	 * Notes a page of a word, with the first entry of its locations (`[weightMarker?, position,
	 * …]` at `start` in `bytes`), unless an earlier word of the group was on it.
	 */
	note(page: number, bytes: Uint8Array, start: number): void {
		if (this.#seen[page]) return;
		this.#seen[page] = 1;
		const reader = new CborReader(bytes, start);
		const n = reader.array();
		const first = n > 0 ? reader.int() : 0;
		const at = this.#count++;
		this.#page[at] = page;
		// a negative first value is a weight marker, followed by the position
		this.#weight[at] = first < 0 && n > 1 ? first : 0;
		this.#position[at] = first < 0 ? (n > 1 ? reader.int() : 0) : first;
	}

	/** Writes the prefix word `[word, [[pageDelta, [weight?, position], []], …], []]`, pages ascending. */
	write(writer: CborWriter, word: string): void {
		const order = Array.from({ length: this.#count }, (_, i) => i).sort((a, b) => this.#page[a]! - this.#page[b]!);
		writer.array(3);
		writer.text(word);
		writer.array(order.length);
		let previous = 0;
		for (const i of order) {
			const page = this.#page[i]!;
			writer.array(3);
			writer.int(page - previous);
			previous = page;
			const weight = this.#weight[i]!;
			writer.array(weight < 0 ? 2 : 1);
			if (weight < 0) writer.int(weight);
			writer.int(this.#position[i]!);
			writer.array(0);
		}
		writer.array(0);
	}

	/** Forgets the group's pages. */
	reset(): void {
		for (let i = 0; i < this.#count; i++) this.#seen[this.#page[i]!] = 0;
		this.#count = 0;
	}
}
