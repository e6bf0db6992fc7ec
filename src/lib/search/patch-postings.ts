/**
 * The words of one range of the search index patched for a few changed pages, instead of built
 * again from every page: the last build's words of the range (`DrainedWords`), without the
 * changed pages' entries, with the entries of their new text. Every page keeps its number (the
 * caller patches only then), so every other entry keeps its bytes, and a word none of whose pages
 * changed is copied whole, undecoded. The result is what `rangeWords` gives over the new records,
 * byte for byte (tests/unit/patch-postings.test.ts checks it against a build from scratch).
 *
 * An entry is Pagefind's `[pageDelta, locations, metaLocations]` (`postings.ts`): only the
 * delta depends on the page before it, so a kept entry is rewritten with its new delta and the
 * rest of its bytes as they were.
 */
import { compareWords } from './pagefind-files.ts';
import { Postings, type DrainedWords } from './postings.ts';
import type { WordSource } from './pagefind-writer.ts';

/**
 * The words of some pages only, in one range.
 * @param source The words of the pages' records: its page j is page `pages[j]` of the index.
 * @param pages Their page numbers, ascending.
 */
export function pagesWords(
	source: WordSource,
	range: unknown,
	pages: readonly number[],
): DrainedWords {
	const words = source.range(range);
	const postings = new Postings((id) => words.word(id));
	pages.forEach((page, j) =>
		words.words(j, (id, locations) => postings.addId(id, page, locations)),
	);
	return postings.drainAll();
}

/** A CBOR reader over the entries of one word: integers and arrays of integers. */
class EntryReader {
	at = 0;
	readonly bytes: Uint8Array;
	constructor(bytes: Uint8Array) {
		this.bytes = bytes;
	}

	#head(major: number): number {
		const b = this.bytes;
		const first = b[this.at++]!;
		if (first >> 5 !== major)
			throw new Error(`postings: expected CBOR major type ${major} at byte ${this.at - 1}`);
		const info = first & 0x1f;
		if (info < 24) return info;
		if (info === 24) return b[this.at++]!;
		if (info === 25) return (b[this.at++]! << 8) | b[this.at++]!;
		if (info === 26)
			return (
				((b[this.at++]! << 24) >>> 0) + (b[this.at++]! << 16) + (b[this.at++]! << 8) + b[this.at++]!
			);
		throw new Error(`postings: unexpected CBOR argument ${info} at byte ${this.at - 1}`);
	}

	/** An unsigned integer (a page delta). */
	uint(): number {
		return this.#head(0);
	}

	/** Skips an array of integers (locations), either sign. */
	skipInts(): void {
		const n = this.#head(4);
		for (let i = 0; i < n; i++) {
			const major = this.bytes[this.at]! >> 5;
			if (major !== 0 && major !== 1)
				throw new Error(`postings: expected an integer at byte ${this.at}`);
			this.#head(major);
		}
	}

	/** Reads the entry at `at`: its page delta, and where its bytes after the delta start. */
	entry(): { delta: number; rest: number } {
		if (this.bytes[this.at++] !== 0x83)
			throw new Error(`postings: expected a page entry at byte ${this.at - 1}`);
		const delta = this.uint();
		const rest = this.at;
		this.skipInts();
		this.skipInts();
		return { delta, rest };
	}
}

/** Pages (absolute numbers) of one word's entries, with the bytes of each after its delta. */
interface Entries {
	pages: number[];
	rests: Array<[start: number, end: number]>;
	bytes: Uint8Array;
}

function readEntries(drained: DrainedWords, k: number, skip: ReadonlySet<number> | null): Entries {
	const reader = new EntryReader(drained.bytes);
	reader.at = drained.starts[k]!;
	const out: Entries = { pages: [], rests: [], bytes: drained.bytes };
	let page = 0;
	for (let i = 0; i < drained.counts[k]!; i++) {
		const { delta, rest } = reader.entry();
		page = i === 0 ? delta : page + delta;
		if (skip?.has(page)) continue;
		out.pages.push(page);
		out.rests.push([rest, reader.at]);
	}
	if (reader.at !== drained.starts[k + 1])
		throw new Error(
			`postings: word ${drained.words[k]} has bytes after its ${drained.counts[k]} pages`,
		);
	return out;
}

/** A growing byte buffer of one range's patched entries. */
class Out {
	bytes: Uint8Array;
	length = 0;
	constructor(size: number) {
		this.bytes = new Uint8Array(Math.max(size, 1024));
	}
	room(n: number): void {
		if (this.length + n <= this.bytes.length) return;
		const next = new Uint8Array(Math.max(this.length + n, this.bytes.length * 2));
		next.set(this.bytes.subarray(0, this.length));
		this.bytes = next;
	}
	copy(from: Uint8Array, start: number, end: number): void {
		this.room(end - start);
		this.bytes.set(from.subarray(start, end), this.length);
		this.length += end - start;
	}
	uint(value: number): void {
		this.room(5);
		const b = this.bytes;
		if (value < 24) b[this.length++] = value;
		else if (value < 0x100) ((b[this.length++] = 24), (b[this.length++] = value));
		else if (value < 0x10000)
			((b[this.length++] = 25), (b[this.length++] = value >> 8), (b[this.length++] = value & 0xff));
		else {
			b[this.length++] = 26;
			b[this.length++] = value >>> 24;
			b[this.length++] = (value >> 16) & 0xff;
			b[this.length++] = (value >> 8) & 0xff;
			b[this.length++] = value & 0xff;
		}
	}
}

/** Writes the entries of `a` and `b` merged by page (no page in both), each with its new delta; returns how many. */
function writeMerged(out: Out, a: Entries, b: Entries): number {
	let i = 0;
	let j = 0;
	let last = -1;
	while (i < a.pages.length || j < b.pages.length) {
		const fromA = j >= b.pages.length || (i < a.pages.length && a.pages[i]! < b.pages[j]!);
		const e = fromA ? a : b;
		const k = fromA ? i++ : j++;
		const page = e.pages[k]!;
		if (page === last) throw new Error(`postings: page ${page} twice in one word`);
		out.room(1);
		out.bytes[out.length++] = 0x83;
		out.uint(last < 0 ? page : page - last);
		out.copy(e.bytes, e.rests[k]![0], e.rests[k]![1]);
		last = page;
	}
	return a.pages.length + b.pages.length;
}

/** The patched range being written: its words, their page counts and starts in `out`. */
interface Written {
	out: Out;
	words: string[];
	counts: number[];
	starts: number[];
}

/**
 * Copies the run of `old`'s words from `i` on that `keep` (none on a changed page, none after the
 * next new word) in one go; returns the index after the run.
 */
function copyRun(
	old: DrainedWords,
	i: number,
	keep: (word: string) => boolean,
	to: Written,
): number {
	const from = i;
	const start = to.out.length;
	while (i < old.words.length && keep(old.words[i]!)) {
		to.words.push(old.words[i]!);
		to.counts.push(old.counts[i]!);
		to.starts.push(start + old.starts[i]! - old.starts[from]!);
		i++;
	}
	to.out.copy(old.bytes, old.starts[from]!, old.starts[i]!);
	return i;
}

const NONE: Entries = { pages: [], rests: [], bytes: new Uint8Array(0) };
const HIGH = /[\ud800-\uffff]/;

/**
 * @param old The range's words in the last build.
 * @param changed The pages whose text changed (their numbers unchanged).
 * @param gone The words of the changed pages' old text, in this range (`pagesWords`).
 * @param added The words of their new text, in this range (`pagesWords`).
 */
export function patchRange(
	old: DrainedWords,
	changed: ReadonlySet<number>,
	gone: DrainedWords,
	added: DrainedWords,
): DrainedWords {
	const touched = new Set(gone.words);
	const slow = [old.words, added.words].some((list) => list.some((w) => HIGH.test(w)));
	const before = slow
		? (a: string, b: string) => compareWords(a, b) < 0
		: (a: string, b: string) => a < b;
	const out = new Out(old.bytes.length + added.bytes.length);
	const words: string[] = [];
	const counts: number[] = [];
	const starts: number[] = [];
	let i = 0;
	let j = 0;
	while (i < old.words.length || j < added.words.length) {
		const wordOld = i < old.words.length ? old.words[i]! : null;
		const wordNew = j < added.words.length ? added.words[j]! : null;
		const start = out.length;
		let word: string;
		let count: number;
		if (wordNew === null || (wordOld !== null && before(wordOld, wordNew))) {
			if (!touched.has(wordOld!)) {
				i = copyRun(old, i, (w) => !touched.has(w) && (wordNew === null || before(w, wordNew)), {
					out,
					words,
					counts,
					starts,
				});
				continue;
			}
			// only in the last build, on a changed page: without it
			word = wordOld!;
			count = writeMerged(out, readEntries(old, i++, changed), NONE);
		} else {
			word = wordNew;
			const kept = wordOld === wordNew ? readEntries(old, i++, changed) : NONE;
			count = writeMerged(out, kept, readEntries(added, j++, null));
		}
		if (count === 0) continue;
		words.push(word);
		counts.push(count);
		starts.push(start);
	}
	starts.push(out.length);
	return {
		words,
		counts: Int32Array.from(counts),
		starts: Float64Array.from(starts),
		bytes: out.bytes.slice(0, out.length),
	};
}
