/**
 * Pagefind 1.6's index files, decoded: the meta file (`pagefind.<hash>.pf_meta`), the word
 * index chunks (`index/<hash>.pf_index`) and the filter chunks (`filter/<hash>.pf_filter`).
 * Each file is gzip of the signature `pagefind_dcd` followed by one CBOR value (arrays of
 * integers and text, as minicbor writes Pagefind's structs); this module reads and writes the
 * part after gzip. Read from Pagefind's own output (see tests/unit/search-merge.test.ts):
 *
 * - meta: `[version, pages: [hash, wordCount, fragmentGroup][], chunks: [from, to, hash][],
 *   filters: [name, hash][], sorts: [name, pages ascending by value][], metaFields: string[]]`
 * - index chunk: `[[word, pages: PageEntry[], variants: [word, PageEntry[]][]][]]`, words in
 *   UTF-8 byte order; a PageEntry is `[page, locations, metaLocations]` where `page` is the
 *   difference to the previous entry's page (the first is absolute) and every negative value
 *   `-(i + 1)` in metaLocations names metaFields[i].
 * - filter chunk: `[name, [value, pages ascending][]]`, page numbers absolute.
 *
 * Doesn't compress, name or write files (see `pagefind-writer.ts`).
 */
import { decode, encode } from 'cborg';

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

/** A page's entry under a word, with its page number absolute (decoded) or relative (in files). */
export type PageEntry = [page: number, locations: number[], metaLocations: number[]];
export type Variant = [word: string, pages: PageEntry[]];
export type WordEntry = [word: string, pages: PageEntry[], variants: Variant[]];
export type MetaPage = [hash: string, wordCount: number, fragmentGroup: string];
export interface IndexMeta {
	version: string;
	pages: MetaPage[];
	chunks: Array<[from: string, to: string, hash: string]>;
	filters: Array<[name: string, hash: string]>;
	sorts: Array<[name: string, pages: number[]]>;
	metaFields: string[];
}
export type FilterChunk = [name: string, values: Array<[value: string, pages: number[]]>];

/** The part of a (gunzipped) Pagefind file after its signature; throws when there is none. */
function unsigned(bytes: Uint8Array, what: string): Uint8Array {
	for (let i = 0; i < SIGNATURE.length; i++) {
		if (bytes[i] !== SIGNATURE[i])
			throw new Error(`${what}: not a Pagefind file (no pagefind_dcd signature)`);
	}
	return bytes.subarray(SIGNATURE.length);
}

/** The signature followed by `body` (the bytes Pagefind gzips). */
export function signed(...body: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(SIGNATURE.length + body.reduce((n, part) => n + part.length, 0));
	out.set(SIGNATURE);
	let at = SIGNATURE.length;
	for (const part of body) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

function unwrap(bytes: Uint8Array, what: string): unknown {
	return decode(unsigned(bytes, what));
}

/** The signature followed by the CBOR encoding of `value`. */
export function wrap(value: unknown): Uint8Array {
	return signed(encode(value));
}

export function decodeMeta(bytes: Uint8Array, what = 'pf_meta'): IndexMeta {
	const value = unwrap(bytes, what);
	if (!Array.isArray(value) || value.length !== 6 || typeof value[0] !== 'string') {
		throw new Error(`${what}: unexpected layout (expected the 6 fields of Pagefind 1.6's meta)`);
	}
	const [version, pages, chunks, filters, sorts, metaFields] = value as [
		string,
		MetaPage[],
		IndexMeta['chunks'],
		IndexMeta['filters'],
		IndexMeta['sorts'],
		string[],
	];
	return { version, pages, chunks, filters, sorts, metaFields };
}

export function encodeMeta(meta: IndexMeta): Uint8Array {
	return wrap([meta.version, meta.pages, meta.chunks, meta.filters, meta.sorts, meta.metaFields]);
}

function absolute(entries: PageEntry[]): PageEntry[] {
	let page = 0;
	return entries.map(([delta, locations, metaLocations]) => [
		(page += delta),
		locations,
		metaLocations,
	]);
}

/** The words of an index chunk, with absolute page numbers. */
export function decodeIndexChunk(bytes: Uint8Array, what = 'pf_index'): WordEntry[] {
	const value = unwrap(bytes, what);
	if (!Array.isArray(value) || value.length !== 1 || !Array.isArray(value[0]))
		throw new Error(`${what}: unexpected layout`);
	return (value[0] as WordEntry[]).map(([word, pages, variants]) => [
		word,
		absolute(pages),
		variants.map(([variant, vpages]): Variant => [variant, absolute(vpages)]),
	]);
}

/** Order of words in chunks and of chunks in the meta: UTF-8 bytes (Rust's `str` order). */
export function compareWords(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.codePointAt(i)!;
		const y = b.codePointAt(i)!;
		if (x !== y) return x - y;
		if (x > 0xffff) i++;
	}
	return a.length - b.length;
}
