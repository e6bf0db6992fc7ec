/**
 * huibian's search tokens, query side: every character of a query is written in ASCII (four
 * base-36 digits per code point: `学` → `0ysu`), so Pagefind never segments Chinese (no jieba at
 * indexing, no ICU on the query), and the query becomes the index words of `index-words.ts`:
 *
 * - a query of up to `gram` characters is one word, its codes and a mark (`学习` → `0ysu0mcvz`),
 *   that lists exactly the records containing it as a substring (inside one block);
 * - a longer one is the exact phrase of its `gram`-character words at consecutive positions.
 *
 * The marks make a query word the prefix of no other word, so Pagefind finds that word only.
 * Doesn’t fold (callers fold first, see `fold.ts`) and doesn’t know Pagefind’s API.
 */

/** Longest n-gram word of the index by default: queries up to this length are one word. */
export const GRAM = 5;
const WIDTH = 4;
const WHITESPACE = /\s/u;
/** Mark of body words (`index-words.ts`). */
export const BODY_MARK = 'z';
/** Mark of head words: title, subtitle and unit. */
export const HEAD_MARK = 'y';

/** ASCII code of one code point: four base-36 digits (`学` → `0ysu`). */
export function charCode(ch: string): string {
	return (ch.codePointAt(0) ?? 0).toString(36).padStart(WIDTH, '0');
}

/** The characters a query or block is matched on: whitespace removed. */
export function searchChars(text: string): string[] {
	return [...text].filter((ch) => !WHITESPACE.test(ch));
}

function query(text: string, gram: number, mark: string): string | null {
	const chars = searchChars(text).map(charCode);
	if (chars.length === 0) return null;
	if (chars.length <= gram) return chars.join('') + mark;
	const words: string[] = [];
	for (let i = 0; i + gram <= chars.length; i++)
		words.push(chars.slice(i, i + gram).join('') + mark);
	return `"${words.join(' ')}"`;
}

/**
 * The Pagefind query for a (folded) query text, or null when it has no characters.
 * @example pagefindQuery('学习', 5) → '0ysu0mcvz'; pagefindQuery('学习型', 2) → '"0ysu0mcvz 0mcv0w2zz"'
 */
export function pagefindQuery(text: string, gram = GRAM): string | null {
	return query(text, gram, BODY_MARK);
}

/** The same query over head words (title, subtitle, unit). */
export function headQuery(text: string, gram = GRAM): string | null {
	return query(text, gram, HEAD_MARK);
}
