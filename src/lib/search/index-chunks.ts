/**
 * Cuts the words of an index (in Pagefind's word order, `postings.ts`) into Pagefind 1.6 index
 * chunks: `[[word, pages, variants], …]` after the `pagefind_dcd` signature, variants always
 * empty (huibian's words are ASCII, they have no diacritic forms). A search loads the chunk of
 * each query word, so a chunk's size is what a query word costs on top of its own pages; more,
 * smaller chunks cost one `[from, to, hash]` entry each in the meta file every search loads.
 *
 * Doesn't compress or name the chunks (see `pagefind-writer.ts`).
 */
import { CborWriter } from './cbor-bytes.ts';
import type { EncodedPages } from './postings.ts';
import { signed } from './pagefind-files.ts';

export interface IndexChunk {
	/** First and last word of the chunk (its range in the meta file). */
	from: string;
	to: string;
	/** The chunk file before gzip (signature + CBOR). */
	bytes: Uint8Array;
}

/** FNV-1a (32 bits) of a word's UTF-16 code units: where content-defined cuts fall. */
export function wordHash(word: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) {
		h ^= word.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/**
 * Cuts chunks where the words say, not where a byte count falls: once a chunk has half the
 * target size, it ends after a word whose hash is below that word's share of `0.6 × target`
 * (a word of s bytes ends it with chance s / (0.6 × target), so about 0.6 × target more bytes
 * come before a cut: chunks average about the target), and at 1.5 × the target at the latest.
 * A change to one word's pages then moves at most the cuts up to the next cut both versions
 * share: an unchanged run of words after it gives the same chunks, byte for byte (and the same
 * gzipped files, which the build does not compress again).
 */
export class ChunkCutter {
	readonly targetBytes: number;
	readonly #minBytes: number;
	readonly #maxBytes: number;
	/** Bytes over which one cut falls, on average, after the minimum. */
	readonly #spread: number;
	/** The chunk's words, encoded one after the other (each once: no copy per word). */
	readonly #body = new CborWriter();
	readonly #head = new CborWriter();
	#words = 0;
	#from = '';
	#to = '';

	/** @param targetBytes The mean CBOR bytes of a chunk (half of it at least, 1.5 times at most). */
	constructor(targetBytes: number) {
		if (!(targetBytes > 0))
			throw new Error(`Expected a chunk size > 0 bytes, found ${targetBytes}`);
		this.targetBytes = targetBytes;
		this.#minBytes = targetBytes / 2;
		this.#maxBytes = targetBytes * 1.5;
		this.#spread = targetBytes * 0.6;
	}

	/** Adds the next word (after every word added before); returns the chunk it completed, if any. */
	add(word: EncodedPages): IndexChunk | null {
		const w = this.#body;
		const start = w.length;
		w.array(3);
		w.text(word.word);
		w.array(word.count);
		w.raw(word.entries);
		w.array(0);
		const encoded = w.length - start;
		if (this.#words === 0) this.#from = word.word;
		this.#to = word.word;
		this.#words++;
		if (w.length < this.#minBytes) return null;
		const cut =
			w.length >= this.#maxBytes || wordHash(word.word) < (encoded / this.#spread) * 2 ** 32;
		return cut ? this.flush() : null;
	}

	/** The chunk being built, if it has words. */
	flush(): IndexChunk | null {
		if (this.#words === 0) return null;
		const head = this.#head;
		head.array(1);
		head.array(this.#words);
		const bytes = signed(head.view(), this.#body.view());
		head.clear();
		this.#body.clear();
		this.#words = 0;
		return { from: this.#from, to: this.#to, bytes };
	}
}

/**
 * The ranges the meta file gives the chunks, as short as they can be (every search loads the
 * meta, with one range per chunk): chunk i's range is `[from, to]` with every word of the chunk
 * inside it and every word of the other chunks outside, as Pagefind's runtime looks a query word
 * up (`from <= word <= to`). `from` is the shortest prefix of the chunk's first word above the
 * previous chunk's last word; `to` is the chunk's last word, or shorter: its first characters up
 * to where it differs from the next chunk's first word, then `~` (above every character of
 * huibian's words, so still at or above the last word and below the next `from`).
 * @param bounds First and last word of each chunk, in order (`a <= b` inside, `b < next a`).
 * @example chunkRanges([['0i1yz', '0i1y0fhcz'], ['0i1y0fhdz', '0jz']]) → [['0', '0i1y0fhc~'], ['0i1y0fhd', '0~']]
 */
export function chunkRanges(
	bounds: ReadonlyArray<readonly [first: string, last: string]>,
): Array<[from: string, to: string]> {
	const ranges: Array<[string, string]> = [];
	for (let i = 0; i < bounds.length; i++) {
		const [first, last] = bounds[i]!;
		const previous = i > 0 ? bounds[i - 1]![1] : null;
		const next = i + 1 < bounds.length ? bounds[i + 1]![0] : null;
		ranges.push([
			previous === null ? first.slice(0, 1) : above(previous, first),
			next === null ? upTo(last, '') : upTo(last, next),
		]);
	}
	return ranges;
}

const common = (a: string, b: string) => {
	let q = 0;
	while (q < a.length && q < b.length && a[q] === b[q]) q++;
	return q;
};

/** Shortest prefix of `b` above `a` (`a < b`). */
function above(a: string, b: string): string {
	return b.slice(0, common(a, b) + 1);
}

/** Shortest string at or above `a` and below every string above `a` that starts like `b` (`a < b`; '' for none). */
function upTo(a: string, b: string): string {
	const q = common(a, b);
	// `~` is above the rest only when the rest is below it (huibian's words are [0-9a-z])
	if (q >= a.length - 1 || /[^\x00-\x7d]/u.test(a.slice(q + 1))) return a;
	return `${a.slice(0, q + 1)}~`;
}
