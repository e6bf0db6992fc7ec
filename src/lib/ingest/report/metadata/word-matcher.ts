/**
 * Find every occurrence of many words in one pass over a text (an Aho–Corasick automaton over
 * UTF-16 code units). Built once per word list and reused for every text: the tagger scans a
 * report once instead of once per signal word.
 *
 * @example
 *   const m = compileWords(['学习', '学习制度', '制度']);
 *   m.scan('建立学习制度', (word, start) => …) // → (0, 2), (1, 2), (2, 4): overlaps included
 *
 * Doesn’t normalise text (case, width, spaces): a word matches exactly as written. Empty words
 * never match.
 */

export interface WordMatcher {
	/** The words, in the order given; `scan` reports their index. */
	readonly words: readonly string[];
	/**
	 * Call `found(wordIndex, start)` for each occurrence of each word in `text`, in order of
	 * the occurrence's end (overlapping and nested occurrences included).
	 */
	scan(text: string, found: (word: number, start: number) => void): void;
	/** True when any word occurs in `text` (stops at the first occurrence). */
	test(text: string): boolean;
	/**
	 * The occurrences of `scan`, as pairs (word, start) in a buffer that the next call reuses:
	 * read it before calling again. Returns the number of pairs.
	 */
	collect(text: string): { count: number; pairs: Int32Array };
}

const SHIFT = 65536;

/** The trie of the words, with the alphabet that occurs in them. */
interface Trie {
	/** goto (state * 65536 + code unit) → state; state 0 is the root. */
	next: Map<number, number>;
	/** The failure state of each state (0 until `buildTable` fills them in). */
	fail: number[];
	/** Words ending at each state (their failure chain's added by `buildTable`). */
	out: number[][];
	/** The alphabet: code units that occur in some word get ids 1…n; every other unit is 0. */
	letter: Uint16Array;
	letters: number;
}

/** The trie of the words (empty words skipped), its states numbered in order of creation. */
function buildTrie(words: readonly string[]): Trie {
	const next = new Map<number, number>();
	const fail: number[] = [0];
	const out: number[][] = [[]];
	const letter = new Uint16Array(SHIFT);
	let letters = 0;
	words.forEach((word, index) => {
		if (word.length === 0) return;
		let state = 0;
		for (let i = 0; i < word.length; i++) {
			const unit = word.charCodeAt(i);
			if (letter[unit] === 0) letter[unit] = ++letters;
			const key = state * SHIFT + unit;
			let to = next.get(key);
			if (to === undefined) {
				to = fail.length;
				next.set(key, to);
				fail.push(0);
				out.push([]);
			}
			state = to;
		}
		out[state]!.push(index);
	});
	return { next, fail, out, letter, letters };
}

/**
 * The automaton as a full transition table over the alphabet (states × (letters + 1)), built
 * breadth first: a missing edge takes the edge of the failure state. Fills in the trie's
 * failure states and the words ending at each state through its failure chain.
 */
function buildTable(trie: Trie): Int32Array {
	const { next, fail, out, letter } = trie;
	const width = trie.letters + 1;
	const table = new Int32Array(fail.length * width);
	const children: [number, number][][] = fail.map(() => []);
	for (const [key, to] of next) children[Math.floor(key / SHIFT)]!.push([letter[key % SHIFT]!, to]);
	for (const [a, to] of children[0]!) table[a] = to;
	const queue = children[0]!.map(([, to]) => to);
	for (let head = 0; head < queue.length; head++) {
		const state = queue[head]!;
		const f = fail[state]!;
		table.set(table.subarray(f * width, f * width + width), state * width);
		for (const [a, to] of children[state]!) {
			fail[to] = table[f * width + a]!;
			table[state * width + a] = to;
			out[to] = [...out[to]!, ...out[fail[to]!]!];
			queue.push(to);
		}
	}
	for (const s of queue) table[s * width] = 0;
	return table;
}

/**
 * The `collect` of a matcher over its step table (see `compileWords`): the occurrences as
 * (word, start) pairs in one buffer, grown as needed and reused by the next call.
 */
function collector(
	step: Int32Array,
	trie: Trie,
	lengths: readonly number[],
): (text: string) => { count: number; pairs: Int32Array } {
	const { letter, out } = trie;
	const width = trie.letters + 1;
	const buffer = { count: 0, pairs: new Int32Array(256) };
	return function collect(text: string): { count: number; pairs: Int32Array } {
		let count = 0;
		let row = 0;
		for (let i = 0; i < text.length; i++) {
			// No branch per unit but the rare one for a word ending here (most units are letters
			// of some word, unpredictably).
			const to = step[row + letter[text.charCodeAt(i)]!]!;
			if (to >= 0) {
				row = to;
				continue;
			}
			row = ~to;
			const ending = out[row / width]!;
			for (let k = 0; k < ending.length; k++) {
				if (2 * count + 2 > buffer.pairs.length) {
					const bigger = new Int32Array(buffer.pairs.length * 2);
					bigger.set(buffer.pairs);
					buffer.pairs = bigger;
				}
				const w = ending[k]!;
				buffer.pairs[2 * count] = w;
				buffer.pairs[2 * count + 1] = i + 1 - lengths[w]!;
				count++;
			}
		}
		buffer.count = count;
		return buffer;
	};
}

export function compileWords(words: readonly string[]): WordMatcher {
	const trie = buildTrie(words);
	const table = buildTable(trie);
	const { letter, out } = trie;
	const width = trie.letters + 1;
	// The table as the loops read it: each entry is the offset of the target state's row, stored
	// as its bitwise NOT (a negative number) when a word ends in that state. One load and one
	// sign test per code unit, no multiplication and no second table.
	const step = table.map((to) => (out[to]!.length > 0 ? ~(to * width) : to * width));
	const collect = collector(
		step,
		trie,
		words.map((w) => w.length),
	);
	return {
		words,
		scan(text, found) {
			// The occurrences `collect` finds, read out of its buffer before `found` can call again.
			const { count, pairs } = collect(text);
			const copy = pairs.slice(0, 2 * count);
			for (let k = 0; k < count; k++) found(copy[2 * k]!, copy[2 * k + 1]!);
		},
		collect,
		test(text) {
			let row = 0;
			for (let i = 0; i < text.length; i++) {
				row = step[row + letter[text.charCodeAt(i)]!]!;
				if (row < 0) return true;
			}
			return false;
		},
	};
}
