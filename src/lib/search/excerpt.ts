/**
 * Excerpts of search results from a record's original text (its fragment's content: the page's
 * blocks, one per line, `fragment-text.ts`). Matching is on the folded characters; since folding
 * maps one code point to one code point and whitespace is skipped, match i of the folded,
 * whitespace-free text is a range of the original, which is what is shown: the report's own
 * script, case, width and punctuation.
 *
 * Returns plain pieces; the page turns them into text nodes, `<mark>` and separator elements,
 * never HTML. Doesn't fold by itself (takes the fold function) and doesn't know Pagefind.
 */
import { BLOCK_SEPARATOR } from './fragment-text.ts';

/** One piece of an excerpt: text (marked or not), a block boundary, or a cut (`…`). */
export type Piece =
	{ kind: 'text'; text: string; mark: boolean } | { kind: 'sep' } | { kind: 'cut' };

/** A record's text: its blocks, and for each non-whitespace character its folded form and place. */
export interface TextMap {
	blocks: string[];
	/** Folded non-whitespace characters; index i is index word position i. */
	chars: string[];
	/** For character i: its block, and its start and end offsets (UTF-16) in that block. */
	places: Array<{ block: number; start: number; end: number }>;
	/** First character index of each block (and the total at the end). */
	blockStarts: number[];
}

export interface Occurrence {
	start: number;
	length: number;
	/** Index of the term found. */
	term: number;
}

const WHITESPACE = /\s/u;

/** Read a fragment's content into a `TextMap`. */
export function textMap(content: string, fold: (ch: string) => string): TextMap {
	const blocks = content.split(BLOCK_SEPARATOR);
	const chars: string[] = [];
	const places: TextMap['places'] = [];
	const blockStarts: number[] = [];
	blocks.forEach((text, block) => {
		blockStarts.push(chars.length);
		let offset = 0;
		for (const ch of text) {
			if (!WHITESPACE.test(ch)) {
				chars.push(fold(ch));
				places.push({ block, start: offset, end: offset + ch.length });
			}
			offset += ch.length;
		}
	});
	blockStarts.push(chars.length);
	return { blocks, chars, places, blockStarts };
}

/**
 * Every occurrence of every term, by start (a term's occurrences don't overlap each other;
 * a match never spans two blocks, like the index's n-grams).
 * @param terms Folded characters of each term.
 */
export function occurrences(map: TextMap, terms: ReadonlyArray<readonly string[]>): Occurrence[] {
	const found: Occurrence[] = [];
	const blockOf = (i: number) => map.places[i]!.block;
	for (const [t, term] of terms.entries()) {
		if (term.length === 0) continue;
		for (let i = 0; i + term.length <= map.chars.length; i++) {
			if (
				term.every((ch, j) => map.chars[i + j] === ch) &&
				blockOf(i) === blockOf(i + term.length - 1)
			) {
				found.push({ start: i, length: term.length, term: t });
				i += term.length - 1;
			}
		}
	}
	return found.sort((a, b) => a.start - b.start || b.length - a.length);
}

/**
 * The pieces of the text around `center`: `radius` characters before and after (whitespace not
 * counted), within [`from`, `to`) (default the whole record), widened to hold every occurrence
 * it cuts, every occurrence marked, `sep` between blocks and `cut` where text was left out
 * inside a block.
 */
export function passage(
	map: TextMap,
	center: Pick<Occurrence, 'start' | 'length'>,
	marks: readonly Occurrence[],
	radius: number,
	limits: [number, number] = [0, map.chars.length],
): Piece[] {
	let from = Math.max(limits[0], center.start - radius);
	let to = Math.min(limits[1], center.start + center.length + radius);
	for (const m of marks) {
		if (m.start < from && m.start + m.length > from) from = m.start;
		if (m.start < to && m.start + m.length > to) to = m.start + m.length;
	}
	// group number of each marked character (0: not marked); overlapping occurrences share one
	const marked = new Uint32Array(map.chars.length);
	let group = 0;
	let groupEnd = -1;
	for (const m of [...marks].sort((a, b) => a.start - b.start)) {
		if (m.start >= groupEnd) group++;
		groupEnd = Math.max(groupEnd, m.start + m.length);
		marked.fill(group, m.start, m.start + m.length);
	}
	const pieces: Piece[] = [];
	const blockStart = (i: number) => map.blockStarts[map.places[i]!.block]!;
	const blockEnd = (i: number) => map.blockStarts[map.places[i]!.block + 1]!;
	if (from > blockStart(from)) pieces.push({ kind: 'cut' });
	let i = from;
	while (i < to) {
		const block = map.places[i]!.block;
		const end = Math.min(to, blockEnd(i));
		if (i > from) pieces.push({ kind: 'sep' });
		// runs of marked / unmarked characters, each cut from the block's original text
		for (let j = i; j < end;) {
			const mark = marked[j]! > 0;
			let k = j;
			while (k < end && marked[k] === marked[j]) k++;
			const text = map.blocks[block]!.slice(map.places[j]!.start, map.places[k - 1]!.end);
			// whitespace between two runs belongs to the run before it, as printed
			const gapEnd = k < end ? map.places[k]!.start : map.places[k - 1]!.end;
			const gap = map.blocks[block]!.slice(map.places[k - 1]!.end, gapEnd);
			pieces.push({ kind: 'text', text, mark });
			if (gap) pieces.push({ kind: 'text', text: gap, mark: false });
			j = k;
		}
		i = end;
	}
	if (to < map.chars.length && to < blockEnd(to - 1)) pieces.push({ kind: 'cut' });
	return pieces;
}
