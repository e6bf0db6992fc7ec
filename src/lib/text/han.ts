/**
 * The Han characters of this house, defined once: what counts as a Chinese character in a
 * title test, a letter-spaced line, a layout space between two characters, a unit name.
 *
 * - CJK Unified Ideographs U+4E00–U+9FFF and Extension A U+3400–U+4DBF (not the Yijing
 *   hexagrams U+4DC0–U+4DFF between them, which are symbols);
 * - CJK Compatibility Ideographs U+F900–U+FAFF: PDF text layers and old GBK fonts map common
 *   characters there (金 U+F90A), so they are Han as printed;
 * - 〇 U+3007, the ideographic zero of dates (二〇一一年), which Unicode counts as Han script.
 *
 * Not: the supplementary-plane extensions (U+20000 and up): the ingest's expressions work on
 * UTF-16 code units, and the sources (GB18030/GBK text of reports) don't use them; a character
 * there is text all the same, only not Han to these tests. Not 々 or 〆 (iteration marks) nor
 * radicals (⺀, ⼀: `formats/radicals.ts` maps them to ideographs first).
 */

/** The ranges as the body of a regular-expression character class: `new RegExp(`[${HAN_CLASS}]`)`. */
export const HAN_CLASS = '\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/** One Han character. */
export const HAN = new RegExp(`[${HAN_CLASS}]`);

const HAN_ALL = new RegExp(`[${HAN_CLASS}]`, 'g');

/** The number of Han characters in `text`. */
export function countHan(text: string): number {
	return text.match(HAN_ALL)?.length ?? 0;
}
