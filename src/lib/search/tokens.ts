/**
 * huibian's search tokens: every character of a text block becomes one index word, the
 * character n-gram that starts there, written in ASCII (four base-36 digits per code point:
 * `学` → `0ysu`). Pagefind then never segments Chinese (no jieba at indexing, no ICU on the
 * query): a query of L ≥ n characters is the exact phrase of its L − n + 1 n-grams at
 * consecutive positions, which matches exactly the blocks containing the query as a substring;
 * a shorter query is one word that Pagefind prefix-matches. Word position i in a record is
 * character i of its text, so excerpts are cut by position.
 *
 * Doesn’t fold (callers fold first, see `fold.ts`) and doesn’t know Pagefind’s API.
 */

/** Characters per index word. 2 = bigrams (see the search issue’s measurements). */
export const GRAM = 2;
const WIDTH = 4;
const WHITESPACE = /\s/u;

/** ASCII code of one code point: four base-36 digits (`学` → `0ysu`). */
export function charCode(ch: string): string {
	return (ch.codePointAt(0) ?? 0).toString(36).padStart(WIDTH, '0');
}

/** The characters a query or block is matched on: whitespace removed. */
export function searchChars(text: string): string[] {
	return [...text].filter((ch) => !WHITESPACE.test(ch));
}

/**
 * Index words of one block of (folded) text: one per character, the n-gram starting there
 * (shorter at the end of the block, so no n-gram spans two blocks).
 * @example blockTokens('学习型', 2) → ['0ysu0mcv', '0mcv0w2z', '0w2z']
 */
export function blockTokens(text: string, gram = GRAM): string[] {
	const chars = searchChars(text).map(charCode);
	return chars.map((_, i) => chars.slice(i, i + gram).join(''));
}

/**
 * The Pagefind query for a (folded) query text, or null when it has no characters.
 * @example pagefindQuery('学习型', 2) → '"0ysu0mcv 0mcv0w2z"'; pagefindQuery('学', 2) → '0ysu'
 */
export function pagefindQuery(text: string, gram = GRAM): string | null {
	const chars = searchChars(text).map(charCode);
	if (chars.length === 0) return null;
	if (chars.length < gram) return chars.join('');
	const words: string[] = [];
	for (let i = 0; i + gram <= chars.length; i++) words.push(chars.slice(i, i + gram).join(''));
	return words.length === 1 ? words[0]! : `"${words.join(' ')}"`;
}

/**
 * Mark of head words: a report's title, subtitle and unit are indexed a second time, after its
 * text, as n-grams with this mark at the end (`0ysu0mcvh`), and as single characters
 * (`0ysuh`), so that one exact search tells the reports whose head contains a query (relevance
 * order, `rank.ts`) without loading any fragment. A head word sorts right after its unmarked
 * word, so it is in the index chunk the query loads anyway. Marked words are 5 or 9 characters
 * long, never a phrase of unmarked ones.
 */
export const HEAD_MARK = 'h';

/** Whether `next` is the head word of `word` (`0ysu0mcvh` of `0ysu0mcv`): kept in one chunk. */
export function isHeadWordOf(word: string, next: string): boolean {
	return next.length === word.length + HEAD_MARK.length && next.startsWith(word) && next.endsWith(HEAD_MARK);
}

/**
 * Head words of one (folded) head text: its n-grams marked (consecutive positions, so a phrase
 * finds them), then each character marked (a one-character query).
 */
export function headTokens(text: string, gram = GRAM): string[][] {
	const chars = searchChars(text).map(charCode);
	return [blockTokens(text, gram).map((word) => word + HEAD_MARK), chars.map((code) => code + HEAD_MARK)];
}

/** The exact Pagefind query over head words, or null when the text has no characters. */
export function headQuery(text: string, gram = GRAM): string | null {
	const chars = searchChars(text).map(charCode);
	if (chars.length === 0) return null;
	const words: string[] = [];
	if (chars.length < gram) words.push(chars.join('') + HEAD_MARK);
	for (let i = 0; i + gram <= chars.length; i++) words.push(chars.slice(i, i + gram).join('') + HEAD_MARK);
	return `"${words.join(' ')}"`;
}

/**
 * Read index words back into characters: the first code of each word.
 * @returns One character per word (`decodeWords(blockTokens(t))` is `t` without whitespace).
 */
export function decodeWords(words: readonly string[]): string[] {
	return words.map((word) => String.fromCodePoint(Number.parseInt(word.slice(0, WIDTH), 36) || 0x20));
}

/**
 * The index words a query shorter than the n-gram reaches as a prefix, and that prefix's
 * length: with bigrams, a one-character query (one code) is a prefix of the bigram words and of
 * the block-final single codes (and of the head words, `headTokens`). Null for other n-gram sizes (not handled: see prefix-union.ts).
 */
export function prefixWords(gram = GRAM): { words: RegExp; length: number } | null {
	// The first group is the prefix: the first code (head words, with their mark, are in its group).
	return gram === 2 ? { words: new RegExp(`^([0-9a-z]{${WIDTH}})(?:[0-9a-z]{${WIDTH}})?${HEAD_MARK}?$`), length: WIDTH } : null;
}
