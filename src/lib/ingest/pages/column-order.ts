/**
 * A page set in columns that a text extractor read out of order (issue 13): the text is kept as
 * extracted, and the page is named in a warning (`text:column-order`) with the lines that show
 * it, because no rule can put the pieces back in order with certainty.
 *
 * Two shapes, both of `pdftotext`:
 * - plain: the columns' blocks come out interleaved (pieces of several lines each; lines
 *   written one by one in turn are read in order first, `interleaved-columns.ts`). On a page of
 *   one column a paragraph breaks off mid-sentence only at the end of the page (the next page
 *   goes on with it); a page whose text breaks off mid-sentence before a blank line, with more
 *   text under it on the same page, two times or more (once, when the page's prose lines are no
 *   wider than 0.6 of the book's widest: a page of narrow columns), is a page of columns read
 *   out of order. A break is a line as long as the page's longest ones (less a fifth: not a
 *   heading, a unit or a date) without a sentence end, in prose (a clause mark on it or the line
 *   above it: not a TOC's titles).
 * - `-layout`: the columns stand side by side on each line, `…是全市规模   展提供了可靠的…`.
 *   A line with prose on both sides of a run of spaces (six characters or more on each side),
 *   three such lines or more close together on a page, some with a clause mark on each side
 *   (not a table of contents: titles, units and page numbers have none). Such blocks are read
 *   column by column first (`two-columns.ts`): what is named here is a block that could not be
 *   split with certainty (a line across the gutter), left as extracted.
 *
 * Needs pages (form feeds, folio lines): without them a sentence cut by a page break looks the
 * same as a column break, and nothing is said. Reads text extractions only (a PDF is read
 * column by column from its geometry, `formats/pdf-columns.ts`).
 */
import { endsSentence, visibleLength } from '../lines/line-kinds.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { IngestIssue } from '../types.ts';

/** `a, b, c` as a list of line numbers (at most eight, then `…`). */
function list(numbers: readonly number[]): string {
	return numbers.length > 8 ? `${numbers.slice(0, 8).join(', ')}, …` : numbers.join(', ');
}

// A clause or sentence mark: prose (a TOC's titles and a cover's lines have none).
const CLAUSE = /[，。、；：]/;

/** Plain extraction: the lines of one page where the text breaks off before more text. */
function breaksOfPage(
	lines: readonly SourceLine[],
	at: readonly number[],
	gone: (i: number) => boolean,
): number[] {
	let measure = 0;
	for (const i of at) if (!gone(i)) measure = Math.max(measure, visibleLength(lines[i]!.text));
	const out: number[] = [];
	let last = -1;
	let before = -1;
	for (const i of at) {
		if (gone(i)) continue;
		// A blank line between the last text line and this one: did the prose before break off?
		if (last >= 0 && i > last + 1) {
			const t = lines[last]!.text;
			const prose =
				CLAUSE.test(t) || (before >= 0 && before === last - 1 && CLAUSE.test(lines[before]!.text));
			if (prose && visibleLength(t) >= measure * 0.8 && !endsSentence(t)) out.push(lines[last]!.no);
		}
		before = last;
		last = i;
	}
	return out;
}

// Text, a run of two spaces or more, text: the two columns of a `-layout` line.
const SIDE_BY_SIDE = /^\s*(\S.*?\S)[ \u3000]{2,}(\S.*)$/;

/** `-layout` extraction: does this line hold a line of each of two columns? */
function sides(text: string): { left: string; right: string } | null {
	const m = SIDE_BY_SIDE.exec(text);
	if (!m) return null;
	const left = m[1]!;
	const right = m[2]!.trim();
	return visibleLength(left) >= 6 && visibleLength(right) >= 6 ? { left, right } : null;
}

/** The widest line of prose (with a clause mark) among some lines, in visible characters. */
function proseWidth(
	lines: readonly SourceLine[],
	at: readonly number[],
	gone: (i: number) => boolean,
): number {
	let width = 0;
	for (const i of at)
		if (!gone(i) && CLAUSE.test(lines[i]!.text))
			width = Math.max(width, visibleLength(lines[i]!.text));
	return width;
}

/** The indexes of the lines of each page (1-based, in order), lines of no page on page 1. */
export function linesByPage(pageOfLine: readonly number[], count: number): Map<number, number[]> {
	const pages = new Map<number, number[]>();
	for (let i = 0; i < count; i++) {
		const page = pageOfLine[i] ?? 1;
		const at = pages.get(page);
		if (at) at.push(i);
		else pages.set(page, [i]);
	}
	return pages;
}

/** A run of lines `[start, end)` of one page, in its new order, with the page of each line. */
export interface ReorderedRun {
	end: number;
	lines: SourceLine[];
	pages: number[];
}

/**
 * The lines with each run that `find` gives on a page replaced by `reorder`'s lines (pages
 * holding lines already split into columns are left alone); null when no page has a run.
 * The TOC column readings share it (`two-column-toc.ts`, `interleaved-toc.ts`).
 * @param find A page's runs (its line indices ascending), each by its first line.
 */
export function reorderRuns<R>(
	lines: readonly SourceLine[],
	pageOfLine: readonly number[],
	find: (at: readonly number[]) => Iterable<[start: number, run: R]>,
	reorder: (run: R, start: number) => ReorderedRun,
): { lines: SourceLine[]; pageOfLine: number[] } | null {
	const found = new Map<number, R>();
	for (const [, at] of linesByPage(pageOfLine, lines.length)) {
		if (at.some((i) => lines[i]!.part)) continue;
		for (const [start, run] of find(at)) found.set(start, run);
	}
	if (found.size === 0) return null;
	const out: SourceLine[] = [];
	const pagesOut: number[] = [];
	for (let i = 0; i < lines.length;) {
		const run = found.get(i);
		if (run === undefined) {
			out.push(lines[i]!);
			pagesOut.push(pageOfLine[i] ?? 1);
			i++;
			continue;
		}
		const next = reorder(run, i);
		out.push(...next.lines);
		pagesOut.push(...next.pages);
		i = next.end;
	}
	return { lines: out, pageOfLine: pagesOut };
}

/**
 * @param file The source's file name.
 * @param lines Source lines after the page stage (running heads and folios removed).
 * @param pageOfLine 1-based page of each line (index = line number − 1).
 * @param dropped Line numbers removed as furniture (they count as blank).
 * @param named Pages already named in a warning (`interleaved-columns.ts`): not named again.
 */
export function columnOrderIssues(
	file: string,
	lines: readonly SourceLine[],
	pageOfLine: readonly number[],
	dropped: ReadonlyMap<number, unknown>,
	named: ReadonlySet<number> = new Set(),
): IngestIssue[] {
	const pages = linesByPage(pageOfLine, lines.length);
	if (pages.size < 2) return [];
	const gone = (i: number) => isBlank(lines[i]) || dropped.has(lines[i]!.no);
	const issues: IngestIssue[] = [];
	const warn = (line: number, message: string) =>
		issues.push({
			file,
			line,
			column: 1,
			ruleId: 'text:column-order',
			severity: 'warning',
			message,
		});
	const widthOf = (at: readonly number[]) => proseWidth(lines, at, gone);
	const widest = widthOf(lines.map((_, i) => i));
	for (const [page, at] of pages) {
		if (named.has(page)) continue;
		const breaks = breaksOfPage(lines, at, gone);
		// (On a page whose lines are as narrow as a column of the book's widest prose, once.)
		if (breaks.length >= (widthOf(at) <= widest * 0.6 ? 1 : 2)) {
			warn(
				breaks[0]!,
				`Page ${page} looks set in columns that the extractor read out of order: its text breaks off mid-sentence before a blank line, with more text under it, at lines ${list(breaks)}. The extractor wrote the columns in pieces of several lines, and nothing in a text tells where a piece stood on the page, so which piece goes on with which can't be known. The text is kept as extracted; check the order of page ${page} against the book (or ingest the PDF itself).`,
			);
			continue;
		}
		// `-layout`: lines with a column on each side, close together (a gap of three lines at most).
		const paired = at.filter((i) => !gone(i) && sides(lines[i]!.text));
		let from = 0;
		for (let n = 1; n <= paired.length; n++) {
			if (n < paired.length && paired[n]! - paired[n - 1]! <= 4) continue;
			const run = paired.slice(from, n);
			from = n;
			const prose = run.filter((i) => {
				const s = sides(lines[i]!.text)!;
				return CLAUSE.test(s.left) && CLAUSE.test(s.right);
			});
			if (run.length < 3 || prose.length < 2) continue;
			const first = lines[run[0]!]!.no;
			const last = lines[run[run.length - 1]!]!.no;
			warn(
				first,
				`Page ${page} is set in two columns that stand side by side on lines ${first}–${last} (a line of each column on one line): the columns' sentences are run together. The text is kept as extracted; check it against the book (or ingest the PDF itself).`,
			);
		}
	}
	return issues;
}
