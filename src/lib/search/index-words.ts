/**
 * huibian's index words, shaped for the first search (search index v2). Every character is
 * written in ASCII (`tokens.ts`: four base-36 digits, `学` → `0ysu`), and a record gets:
 *
 * - for every substring of up to `gram − 1` characters of a block: one word, the codes and the
 *   mark `z` (`学习` → `0ysu0mcvz`), once per page, its occurrences counted but not placed
 *   (`countLocations`, at most `COUNT_CAP`): a query of that length is that one word, and its
 *   page list is all a search loads for it;
 * - for every substring of exactly `gram` characters: the same word with every position (the
 *   position of character i of the record is i, whitespace not counted): a query of that length
 *   is that word, a longer one the exact phrase of its `gram`-character words (`tokens.ts`);
 * - the same words of its title, subtitle and unit with the mark `y` (head words, positions after
 *   the text, a gap between the texts), so that one search tells which records' head holds a
 *   query without loading any fragment (`rank.ts`).
 *
 * No code starts with `y` or `z` (they would be above U+10FFFF), so a marked word is never the
 * prefix of another word: Pagefind's prefix matching finds the word itself and nothing else.
 * Weights are Pagefind's own (`h1` 7 … `h6` 2), ordinary text the runtime's unmarked 25 (`locations.ts`).
 *
 * Doesn't fold (callers fold first) and doesn't know files or Pagefind's encoding beyond the
 * locations (`locations.ts`).
 */
import { blockWeight, countLocations, DEFAULT_WEIGHT, packLocations, RUNTIME_WEIGHT } from './locations.ts';
import { BODY_MARK, charCode, HEAD_MARK } from './tokens.ts';
import type { WordSource } from './pagefind-writer.ts';
/** Occurrences counted per word and page, at most: Pagefind's BM25 saturates well before. */
export const COUNT_CAP = 24;

/** One record's folded text: its characters as code points, in blocks, with their weights. */
export interface RecordChars {
	/** Code points of the text, whitespace removed, block after block. */
	chars: Uint32Array;
	/** Start of each block in `chars`, and its end (`blockStarts[i + 1]`). */
	blockStarts: Uint32Array;
	/** Pagefind weight of each block. */
	blockWeights: Uint8Array;
	/** Head texts (title, subtitle, unit), folded, whitespace removed, as code points. */
	heads: Uint32Array[];
}

const WHITESPACE = /\s/u;

/** Pagefind's weight of a block, with ordinary text at the runtime's weight (no marker, `locations.ts`). */
function textWeight(tag: string): number {
	const weight = blockWeight(tag);
	return weight === DEFAULT_WEIGHT ? RUNTIME_WEIGHT : weight;
}

function codePoints(text: string): number[] {
	const out: number[] = [];
	for (const ch of text) if (!WHITESPACE.test(ch)) out.push(ch.codePointAt(0)!);
	return out;
}

/**
 * @param blocks The record's (folded) blocks: tag and text.
 * @param heads Its (folded) head texts.
 */
export function recordChars(blocks: ReadonlyArray<{ tag: string; text: string }>, heads: readonly string[] = []): RecordChars {
	const all: number[] = [];
	const starts: number[] = [];
	const weights: number[] = [];
	for (const block of blocks) {
		starts.push(all.length);
		weights.push(textWeight(block.tag));
		for (const c of codePoints(block.text)) all.push(c);
	}
	starts.push(all.length);
	return { chars: Uint32Array.from(all), blockStarts: Uint32Array.from(starts), blockWeights: Uint8Array.from(weights), heads: heads.map((h) => Uint32Array.from(codePoints(h))) };
}

/** A range of first characters: code points `[from, to)`. */
export interface CharRange {
	from: number;
	to: number;
}

/**
 * Ranges of first characters, each starting at most `budget` characters of the corpus (each
 * starts up to `gram` words), so the postings of one range bound the writer's memory.
 */
export function planRanges(records: readonly RecordChars[], budget: number): CharRange[] {
	const counts = new Map<number, number>();
	for (const r of records) {
		for (const c of r.chars) counts.set(c, (counts.get(c) ?? 0) + 1);
		for (const h of r.heads) for (const c of h) counts.set(c, (counts.get(c) ?? 0) + 1);
	}
	const ranges: CharRange[] = [];
	let from = 0;
	let sum = 0;
	for (const c of [...counts.keys()].sort((a, b) => a - b)) {
		const n = counts.get(c)!;
		if (sum > 0 && sum + n > budget) {
			ranges.push({ from, to: c });
			from = c;
			sum = 0;
		}
		sum += n;
	}
	ranges.push({ from, to: 0x110000 });
	return ranges;
}

interface Seen {
	positions: number[] | null;
	weights: number[];
}

const codes = new Map<number, string>();
const code = (c: number) => {
	let s = codes.get(c);
	if (s === undefined) codes.set(c, (s = charCode(String.fromCodePoint(c))));
	return s;
};

/**
 * Words of one run of characters (a block, or a head text) whose first character is in `range`.
 * @param at Position of the run's first character in the record.
 */
function runWords(chars: Uint32Array, start: number, end: number, at: number, weight: number, gram: number, mark: string, range: CharRange, seen: Map<string, Seen>): void {
	for (let i = start; i < end; i++) {
		const first = chars[i]!;
		if (first < range.from || first >= range.to) continue;
		let word = '';
		for (let n = 1; n <= gram && i + n <= end; n++) {
			word += code(chars[i + n - 1]!);
			const key = word + mark;
			let entry = seen.get(key);
			if (!entry) seen.set(key, (entry = { positions: n === gram ? [] : null, weights: [] }));
			if (entry.positions) {
				entry.positions.push(at + i - start);
				entry.weights.push(weight);
			} else if (entry.weights.length < COUNT_CAP) entry.weights.push(weight);
		}
	}
}

/** Locations of a word seen on a page: all positions (`gram`-character words), else the counts. */
function locationsOf(entry: Seen): number[] {
	if (entry.positions) return packLocations(entry.positions, entry.weights);
	const counts = new Map<number, number>();
	for (const w of entry.weights) counts.set(w, (counts.get(w) ?? 0) + 1);
	return countLocations(counts);
}

/**
 * The words of the records, for `writePagefindIndex`, in ranges of first characters.
 * @param records Page i's characters are `records[i]`.
 * @param gram Longest n-gram word (`gram` ≥ 1); longer queries are phrases.
 * @param budget Corpus characters per range (`planRanges`).
 */
export function indexWords(records: readonly RecordChars[], gram: number, budget: number): WordSource {
	if (!(Number.isInteger(gram) && gram >= 1)) throw new Error(`Expected an n-gram length >= 1, found ${gram}`);
	const ranges = planRanges(records, budget);
	return {
		ranges: () => ranges,
		words(page, range, add) {
			const r = records[page]!;
			const seen = new Map<string, Seen>();
			for (let b = 0; b + 1 < r.blockStarts.length; b++) {
				const start = r.blockStarts[b]!;
				runWords(r.chars, start, r.blockStarts[b + 1]!, start, r.blockWeights[b]!, gram, BODY_MARK, range as CharRange, seen);
			}
			// head texts after the text, one position apart, so that no phrase spans two of them
			let at = r.chars.length;
			for (const head of r.heads) {
				runWords(head, 0, head.length, at, RUNTIME_WEIGHT, gram, HEAD_MARK, range as CharRange, seen);
				at += head.length + 1;
			}
			for (const [word, entry] of seen) add(word, locationsOf(entry));
		},
	};
}
