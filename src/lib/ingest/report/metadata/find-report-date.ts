/**
 * Find a report's own date: the sign-off line at its end (`二〇〇九年一月十八日`,
 * `XX街道XX村党总支⏎2011年5月`, `五九七农场街道办事处2011年6月18日`).
 */
import { findDates, type ParsedDate } from './parse-date.ts';

/** The sign-off date and the index (in the given lines) of the line that holds it. */
export interface ReportDate {
	date: string;
	precision: ParsedDate['precision'];
	lineIndex: number;
}

export interface FindReportDateOptions {
	/** How many non-empty lines at the end to look at (default 4). */
	window?: number;
	/** Longest line that can be a sign-off (default 40 characters). */
	maxLineLength?: number;
}

// A sign-off is a date alone, or a unit then a date: no sentence punctuation before the date.
const SENTENCE_PUNCT = /[，,。；;：:！!？?、]/u;
const HEADING_START =
	/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+)/u;
const RANGE_BEFORE = /[—–\-~～至到]\s*$/u;
const RANGE_AFTER = /^\s*[—–\-~～至到]/u;
const TRAILING_OK = /^[\s。．.)）\]】]*$/u;

/**
 * Look at the last few non-empty lines of a report (bottom up) for a sign-off date: a line
 * that is only a date, or a unit name followed by a date, and that ends with the date.
 *
 * Does NOT take a date from body text, a heading (`（三）巩固深化阶段(2011年10月…)`), or a
 * range (`2008—2009年`); does NOT look above the last long line (body text ends the search);
 * returns null for placeholders (`20xx年`, `***年***月`). Does NOT fall back to the
 * compilation's date: the caller does that and records `dateSource: 'compilation'`.
 *
 * @param lines The report's lines, title to end, in order (raw lines or block texts).
 */
export function findReportDate(
	lines: readonly string[],
	options: FindReportDateOptions = {},
): ReportDate | null {
	const window = options.window ?? 4;
	const maxLength = options.maxLineLength ?? 40;
	let seen = 0;
	for (let i = lines.length - 1; i >= 0 && seen < window; i--) {
		const line = lines[i]!.trim();
		if (line === '') continue;
		seen++;
		if (line.length > maxLength) return null;
		const found = signOffDate(line);
		if (found) return { date: found.date, precision: found.precision, lineIndex: i };
	}
	return null;
}

function signOffDate(line: string): ParsedDate | null {
	if (HEADING_START.test(line)) return null;
	const dates = findDates(line);
	const last = dates.at(-1);
	if (!last) return null;
	const before = line.slice(0, last.index);
	const after = line.slice(last.index + last.length);
	if (!TRAILING_OK.test(after)) return null;
	if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after)) return null;
	if (SENTENCE_PUNCT.test(before)) return null;
	// A range written with a bare first year: `2008—2009年`.
	if (/\d{4}\s*[—–\-~～至到]\s*$/u.test(line.slice(0, last.index))) return null;
	return last;
}
