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
import {
	blockWeight,
	countLocations,
	DEFAULT_WEIGHT,
	packLocations,
	RUNTIME_WEIGHT,
} from './locations.ts';
import { GramTrie } from './gram-trie.ts';
import { BODY_MARK, HEAD_MARK } from './tokens.ts';
import type { WordSource } from './pagefind-writer.ts';
/** Occurrences counted per word and page, at most: Pagefind's BM25 saturates well before. */
const COUNT_CAP = 24;

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
export function recordChars(
	blocks: ReadonlyArray<{ tag: string; text: string }>,
	heads: readonly string[] = [],
): RecordChars {
	const all: number[] = [];
	const starts: number[] = [];
	const weights: number[] = [];
	for (const block of blocks) {
		starts.push(all.length);
		weights.push(textWeight(block.tag));
		for (const c of codePoints(block.text)) all.push(c);
	}
	starts.push(all.length);
	return {
		chars: Uint32Array.from(all),
		blockStarts: Uint32Array.from(starts),
		blockWeights: Uint8Array.from(weights),
		heads: heads.map((h) => Uint32Array.from(codePoints(h))),
	};
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

/**
 * One page's words, collected by trie node: per node its count (shorter words, capped) or its
 * positions (full-length words), and the weights seen. Reused from page to page.
 */
class PageWords {
	#stamp = new Int32Array(1024);
	#slot = new Int32Array(1024);
	#page = 0;
	nodes: number[] = [];
	full: boolean[] = [];
	count: number[] = [];
	weight: number[] = [];
	/** Occurrences by weight when a node has more than one weight (rare: a heading's words). */
	mixed: Array<Map<number, number> | null> = [];
	/** Positions of full-length words: a linked list per slot through `pos`/`posWeight`/`next`. */
	head: number[] = [];
	tail: number[] = [];
	pos: number[] = [];
	posWeight: number[] = [];
	next: number[] = [];

	start(page: number): void {
		this.#page = page + 1;
		this.nodes.length =
			this.full.length =
			this.count.length =
			this.weight.length =
			this.mixed.length =
			this.head.length =
			this.tail.length =
				0;
		this.pos.length = this.posWeight.length = this.next.length = 0;
	}

	note(node: number, full: boolean, position: number, weight: number): void {
		if (node >= this.#stamp.length) {
			const size = Math.max(node + 1, this.#stamp.length * 2);
			const stamp = new Int32Array(size);
			stamp.set(this.#stamp);
			this.#stamp = stamp;
			const slot = new Int32Array(size);
			slot.set(this.#slot);
			this.#slot = slot;
		}
		let s: number;
		if (this.#stamp[node] !== this.#page) {
			this.#stamp[node] = this.#page;
			s = this.nodes.length;
			this.#slot[node] = s;
			this.nodes.push(node);
			this.full.push(full);
			this.count.push(0);
			this.weight.push(weight);
			this.mixed.push(null);
			this.head.push(-1);
			this.tail.push(-1);
		} else s = this.#slot[node]!;
		if (full) {
			const at = this.pos.length;
			this.pos.push(position);
			this.posWeight.push(weight);
			this.next.push(-1);
			if (this.tail[s]! < 0) this.head[s] = at;
			else this.next[this.tail[s]!] = at;
			this.tail[s] = at;
			if (weight !== this.weight[s]) this.weight[s] = -1;
			return;
		}
		if (this.count[s]! >= COUNT_CAP) return;
		this.count[s]!++;
		if (weight !== this.weight[s] || this.mixed[s]) {
			let m = this.mixed[s];
			if (!m) {
				m = new Map([[this.weight[s]!, this.count[s]! - 1]]);
				this.mixed[s] = m;
			}
			m.set(weight, (m.get(weight) ?? 0) + 1);
		}
	}

	/** The packed locations of slot `s` (`locations.ts`), into `out`. */
	locations(s: number, out: number[]): number[] {
		out.length = 0;
		if (!this.full[s]) {
			const m = this.mixed[s];
			if (m) return countLocations(m);
			const w = this.weight[s]!;
			if (w !== RUNTIME_WEIGHT) out.push(-w - 1);
			out.push(0);
			for (let i = 1; i < this.count[s]!; i++) out.push(1);
			return out;
		}
		const w = this.weight[s]!;
		if (w < 0) {
			const positions: number[] = [];
			const weights: number[] = [];
			for (let at = this.head[s]!; at >= 0; at = this.next[at]!)
				(positions.push(this.pos[at]!), weights.push(this.posWeight[at]!));
			return packLocations(positions, weights);
		}
		// one weight, positions ascending (noted in reading order): deltas
		let last = 0;
		let first = true;
		for (let at = this.head[s]!; at >= 0; at = this.next[at]!) {
			const p = this.pos[at]!;
			if (first && w !== RUNTIME_WEIGHT) out.push(-w - 1, p);
			else out.push(p - last);
			first = false;
			last = p;
		}
		return out;
	}
}

/**
 * Words of one run of characters (a block, or a head text) whose first character is in `range`.
 * @param at Position of the run's first character in the record.
 */
function runWords(
	trie: GramTrie,
	root: number,
	chars: Uint32Array,
	start: number,
	end: number,
	at: number,
	weight: number,
	gram: number,
	range: CharRange,
	page: PageWords,
): void {
	for (let i = start; i < end; i++) {
		const first = chars[i]!;
		if (first < range.from || first >= range.to) continue;
		let node = root;
		for (let n = 1; n <= gram && i + n <= end; n++) {
			node = trie.child(node, chars[i + n - 1]!);
			page.note(node, n === gram, at + i - start, weight);
		}
	}
}

/**
 * The words of the records, for `writePagefindIndex`, in ranges of first characters.
 * @param records Page i's characters are `records[i]`.
 * @param gram Longest n-gram word (`gram` ≥ 1); longer queries are phrases.
 * @param budget Corpus characters per range (`planRanges`).
 */
export function indexWords(
	records: readonly RecordChars[],
	gram: number,
	budget: number,
): WordSource {
	if (!(Number.isInteger(gram) && gram >= 1))
		throw new Error(`Expected an n-gram length >= 1, found ${gram}`);
	const ranges = planRanges(records, budget);
	return {
		ranges: () => ranges,
		range(value) {
			const range = value as CharRange;
			// root 0: body words, root 1: head words
			const trie = new GramTrie([BODY_MARK, HEAD_MARK]);
			const page = new PageWords();
			const out: number[] = [];
			return {
				word: (id) => trie.word(id),
				words(p, add) {
					const r = records[p]!;
					page.start(p);
					for (let b = 0; b + 1 < r.blockStarts.length; b++) {
						const start = r.blockStarts[b]!;
						runWords(
							trie,
							0,
							r.chars,
							start,
							r.blockStarts[b + 1]!,
							start,
							r.blockWeights[b]!,
							gram,
							range,
							page,
						);
					}
					// head texts after the text, one position apart, so that no phrase spans two of them
					let at = r.chars.length;
					for (const head of r.heads) {
						runWords(trie, 1, head, 0, head.length, at, RUNTIME_WEIGHT, gram, range, page);
						at += head.length + 1;
					}
					for (let s = 0; s < page.nodes.length; s++) add(page.nodes[s]!, page.locations(s, out));
				},
			};
		},
	};
}
