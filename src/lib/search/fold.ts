/**
 * Fold text for search matching: traditional and variant characters to simplified (through a
 * table built at build time from the corpus), Latin letters to lower case, full-width Latin
 * letters and digits to ASCII. One code point always folds to one code point, so a position in
 * the folded text is a position in the original (highlighting relies on it).
 *
 * Doesn’t convert phrases (OpenCC phrase tables), remove whitespace or touch punctuation.
 */

/** Character → simplified character, e.g. `{ "學": "学", "習": "习" }`. */
export type FoldTable = Readonly<Record<string, string>>;

/**
 * Fold one character (a single code point).
 * @param ch One code point.
 * @param table Traditional/variant → simplified table.
 * @returns The folded code point.
 */
export function foldChar(ch: string, table: FoldTable): string {
	const mapped = table[ch];
	if (mapped !== undefined) return mapped;
	const code = ch.codePointAt(0) ?? 0;
	// Full-width ASCII letters and digits (Ａ, ｂ, ３) → ASCII.
	if (
		(code >= 0xff10 && code <= 0xff19) ||
		(code >= 0xff21 && code <= 0xff3a) ||
		(code >= 0xff41 && code <= 0xff5a)
	) {
		return String.fromCodePoint(code - 0xfee0).toLowerCase();
	}
	return code >= 0x41 && code <= 0x5a ? ch.toLowerCase() : ch;
}

/**
 * Fold a string, code point by code point.
 * @returns A string with exactly as many code points as `text`.
 */
export function foldText(text: string, table: FoldTable): string {
	let out = '';
	for (const ch of text) out += foldChar(ch, table);
	return out;
}
