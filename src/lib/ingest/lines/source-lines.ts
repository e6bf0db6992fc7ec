/**
 * Split decoded text into numbered lines and remove invisible junk from each line.
 *
 * Removes private-use glyphs (U+E000–U+F8FF, left by PDF extraction) and zero-width and control
 * characters (U+200B–U+200F, U+2028–U+202E, U+2060–U+2064, U+FEFF, C0/C1 controls except TAB),
 * counting each removal under its named repair. Line numbers are those of the source file.
 *
 * Doesn’t touch spaces, punctuation or letters (no NFKC: it would turn full-width punctuation
 * into ASCII and `﹤` into `<`).
 *
 * @example
 *   '参考文献:\uE003' → '参考文献:'  (private-use +1)
 */
import { countRepair, type RepairLog } from './repair-log.ts';
import { unitTable } from './unit-table.ts';

/** One line of the source file; `no` is 1-based. `text` has invisible junk removed. */
export interface SourceLine {
	no: number;
	text: string;
	/** The row of a document's table (DOCX, HTML): the table's 0-based index in the source. */
	table?: number;
	/** Set larger than the body text (PDF): its font size over the body's, when ≥ `LARGER`. */
	larger?: number;
	/**
	 * The piece of a line set in two columns side by side (`pages/two-columns.ts`): the left
	 * column's or the right column's; each piece is a line of its own with the line's number.
	 */
	part?: 'left' | 'right';
	/**
	 * The line reaches its column's right edge (two columns side by side): its paragraph runs on;
	 * `indented`: the column's paragraphs start indented, so it runs on even after a sentence end
	 * unless the next line is indented.
	 */
	full?: 'flush' | 'indented';
}

/** A line set this much larger than the body (or more) may be a heading (PDF: 11 pt over 10.5 pt). */
export const LARGER = 1.04;

const PRIVATE_USE = /[\uE000-\uF8FF]/g;
// (Not the form feed U+000C: it is a page break, see below.)
// eslint-disable-next-line no-control-regex
const ZERO_WIDTH_CONTROL =
	/[\u0000-\u0008\u000B\u000D-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g;
// A form feed is the page break `pdftotext` writes before each page: the page stage reads pages
// from the raw lines (`pages/furniture.ts`), so it leaves the line text as no repair at all.
const FORM_FEED = /\f/g;

// Any character of the three classes (LF is in none, so a whole text can be tested at once).
const ANY_INVISIBLE = new RegExp(
	`[${PRIVATE_USE.source.slice(1, -1)}${ZERO_WIDTH_CONTROL.source.slice(1, -1)}\\f]`,
);

/**
 * Remove private-use and zero-width/control characters from one string, counting them, and form
 * feeds (page breaks, not repairs: not counted).
 */
function stripInvisible(text: string, log: RepairLog): string {
	let out = text.includes('\f') ? text.replace(FORM_FEED, '') : text;
	if (PRIVATE_USE.test(out)) {
		let n = 0;
		out = out.replace(PRIVATE_USE, () => (n++, ''));
		countRepair(log, 'private-use', n);
	}
	PRIVATE_USE.lastIndex = 0;
	if (ZERO_WIDTH_CONTROL.test(out)) {
		let n = 0;
		out = out.replace(ZERO_WIDTH_CONTROL, () => (n++, ''));
		countRepair(log, 'zero-width-control', n);
	}
	ZERO_WIDTH_CONTROL.lastIndex = 0;
	return out;
}

/**
 * @param text Decoded text with LF line ends.
 * @param log Repair log that receives the counts.
 * @param raw `text` split on LF, when the caller has it already (it is not split again).
 * @returns One entry per source line, in order.
 */
export function toSourceLines(
	text: string,
	log: RepairLog,
	raw: readonly string[] = text.split('\n'),
): SourceLine[] {
	const lines: SourceLine[] = new Array(raw.length);
	// One look at the whole text: most sources hold no invisible character at all; in the others,
	// one look at each line.
	const clean = !ANY_INVISIBLE.test(text);
	for (let i = 0; i < raw.length; i++) {
		const line = raw[i]!;
		lines[i] = {
			no: i + 1,
			text: clean || !ANY_INVISIBLE.test(line) ? line : stripInvisible(line, log),
		};
	}
	return lines;
}

// White space as `\s` reads it, per UTF-16 code unit.
const WHITE = unitTable(/\s/g);

/** True for a line with nothing but white space. */
export function isBlank(line: SourceLine | undefined): boolean {
	if (line === undefined) return true;
	const { text } = line;
	for (let i = 0; i < text.length; i++) if (WHITE[text.charCodeAt(i)] === 0) return false;
	return true;
}
