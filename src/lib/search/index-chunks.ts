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

export class ChunkCutter {
	readonly targetBytes: number;
	readonly #writer = new CborWriter();
	#words: Uint8Array[] = [];
	#bytes = 0;
	#from = '';
	#to = '';

	/** @param targetBytes CBOR bytes after which a chunk is cut (a chunk ends with the word that reaches it). */
	constructor(targetBytes: number) {
		if (!(targetBytes > 0)) throw new Error(`Expected a chunk size > 0 bytes, found ${targetBytes}`);
		this.targetBytes = targetBytes;
	}

	/** Adds the next word (after every word added before); returns the chunk it completed, if any. */
	add(word: EncodedPages): IndexChunk | null {
		const w = this.#writer;
		w.array(3);
		w.text(word.word);
		w.array(word.count);
		w.raw(word.entries);
		w.array(0);
		const encoded = w.take();
		if (this.#words.length === 0) this.#from = word.word;
		this.#to = word.word;
		this.#words.push(encoded);
		this.#bytes += encoded.length;
		return this.#bytes >= this.targetBytes ? this.flush() : null;
	}

	/** The chunk being built, if it has words. */
	flush(): IndexChunk | null {
		if (this.#words.length === 0) return null;
		const w = this.#writer;
		w.array(1);
		w.array(this.#words.length);
		for (const word of this.#words) w.raw(word);
		const chunk = { from: this.#from, to: this.#to, bytes: signed(w.take()) };
		this.#words = [];
		this.#bytes = 0;
		return chunk;
	}
}
