/**
 * Read a page of a plain text extraction whose two columns were written line by line in turn
 * (`pdftotext` without `-layout`, measured on PDFs printed by Chromium with CSS `column-count: 2`):
 * where a line of each column stands on the same baseline, each line is a block of its own, so
 * the page reads left line, blank line, right line, blank line, left line… and where one column
 * goes on alone, its lines follow one another with no blank line between (issue 13):
 *
 *     ——城东街道社区教育工作汇报
 *     城东街道辖十二个社区，常住人口八万余人。        ← left 1 (under the head, no blank line)
 *
 *     三年来，街道共举办各类培训班三百余期，参      ← right 1
 *
 *     近年来，街道把社区教育作为社会治理的重要内    ← left 2
 *     …
 *     活动计划，定期开展活动，带动了更多的居民参与  ← left n
 *     学习，居民学习的积极性越来越高。              ← the left column alone (its tail)
 *
 * Such a run (six lines or more, one blank line after each but the last) is read column by
 * column: its odd lines, then its even lines, the tail after the lines of the column of the run's
 * last line; the run's blank lines after them. Counted as the repair `column-interleave`, one per
 * line whose place among the text lines changed. Every line keeps its number and its text.
 *
 * Only when the order is certain:
 * - prose on both sides (clause marks on two lines of each column or more), the columns as
 *   wide as each other (the run's common line width, in display columns);
 * - the source holds prose set across the page (a line 1.6 times the column's width or wider),
 *   or the source's own n-grams show decisively that each full line goes on two lines further,
 *   not on the next (`line-continuity.ts`): else the run could be one column set with wide line
 *   spacing, which `pdftotext` writes the same way (measured: line-height 4); when they show
 *   decisively the other reading, the run is that one column, left as it is with no warning;
 * - no two short lines in a row before the run's last line: a line of one column alone on its
 *   baseline followed by a short heading across both columns reads the same as a short line of
 *   each column, and the two readings differ.
 * A line wider than the columns (a heading or a paragraph across the page) ends a run; the runs
 * before and after it are read on their own. A run that is not certain is left as extracted and
 * named in a `text:column-order` warning that says why.
 *
 * Reads text extractions only (a PDF is read from its geometry, `formats/pdf-columns.ts`).
 */
import { endsSentence } from '../lines/line-kinds.ts';
import { countRepair, type RepairLog } from '../lines/repair-log.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { IngestIssue } from '../types.ts';
import { linesByPage } from './column-order.ts';
import { lineContinuity, weighReadings, type Continuity } from './line-continuity.ts';
import { displayWidth } from './two-columns.ts';

// A clause or sentence mark: prose (a TOC's titles and a cover's lines have none).
const CLAUSE = /[，。、；：]/;
// A sign-off's date line: `二〇一三年十二月`, `2013年12月`.
const DATE = /^[\s\u3000]*(?:[〇○零一二三四五六七八九]{4}|\d{4})[\s\u3000]*年/;

// One character and a mark that can't begin a line: a line the typesetter pushed down.
const KINSOKU = /^[\s\u3000]*[^\s\u3000，。、；：！？）」』”]{1}[，。、；：！？）」』”]/;

/** Lines one after another with no blank line between (indexes into the source lines). */
interface Chunk {
	at: number[];
	/** Lines (blank or dropped) between the chunk before and this one. */
	gap: number[];
}

/** A run of lines written in turn: its lines, the column tail after it, its blank lines. */
export interface Run {
	lines: number[];
	tail: number[];
	blanks: number[];
	page: number;
	/** The columns' width (display columns): a line this wide, less an indent, is full. */
	measure: number;
}

function chunksOf(at: readonly number[], gone: (i: number) => boolean): Chunk[] {
	const chunks: Chunk[] = [];
	let gap: number[] = [];
	let open = false;
	for (const i of at) {
		if (gone(i)) {
			gap.push(i);
			open = false;
		} else if (open) chunks[chunks.length - 1]!.at.push(i);
		else {
			chunks.push({ at: [i], gap });
			gap = [];
			open = true;
		}
	}
	return chunks;
}

/**
 * The candidate runs of a page: chunks one blank line apart, each of one line but the first (its
 * last line is the run's first; the lines above it are the head, left in place) and the last
 * (its first line is the run's last; the lines under it are the tail).
 */
function candidates(chunks: readonly Chunk[], page: number): Run[] {
	const runs: Run[] = [];
	for (let c = 0; c < chunks.length;) {
		let d = c;
		while (
			d + 1 < chunks.length &&
			chunks[d + 1]!.gap.length === 1 &&
			(d === c || chunks[d]!.at.length === 1)
		)
			d++;
		const taken = d - c + 1 >= 6;
		if (taken) {
			const last = chunks[d]!.at;
			runs.push({
				lines: [chunks[c]!.at.at(-1)!, ...chunks.slice(c + 1, d).map((k) => k.at[0]!), last[0]!],
				tail: last.slice(1),
				blanks: chunks.slice(c + 1, d + 1).flatMap((k) => k.gap),
				page,
				measure: 0,
			});
		}
		// (The last chunk of lines too few for a run may start the next run.)
		c = taken ? d + 1 : d > c ? d : c + 1;
	}
	return runs;
}

/** The most common width of a run's lines (the wider on a tie): the column's width. */
function columnWidth(widths: readonly number[]): number {
	const count = new Map<number, number>();
	for (const w of widths) count.set(w, (count.get(w) ?? 0) + 1);
	return [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

/** Why a run can't be read column by column, or null when it can. */
type Verdict = { run: Run; why: string | null };

// Why a run whose source sets no prose across the page can't be read.
const SPACING = `no prose line of the source is set across the page, so the lines can't be told from one column set with wide line spacing`;

/**
 * Two short lines in a row, the second without a sentence end: a short line of each column (the
 * second a sign-off's date, or its unit when a date follows it in its column), or a line of one
 * column alone and a heading across both. Says so, or null.
 */
function uncertainty(
	lines: readonly number[],
	full: (i: number) => boolean,
	text: (i: number) => string,
): string | null {
	const short = lines.findIndex(
		(i, k) =>
			k + 2 < lines.length &&
			!full(i) &&
			!full(lines[k + 1]!) &&
			!endsSentence(text(lines[k + 1]!)) &&
			!DATE.test(text(lines[k + 1]!)) &&
			!DATE.test(text(lines[k + 3] ?? i)),
	);
	if (short < 0) return null;
	const pair = [lines[short]!, lines[short + 1]!].map((i) => `“${text(i).trim()}”`).join(', ');
	return `two short lines in a row (${pair}) may be a short line of each column or a line of one column followed by a heading across both, and the two readings differ`;
}

/**
 * The joins of a run's full lines read in turn (line k → k + 2) weighed against one after
 * another (k → k + 1), by the source's own n-grams (`line-continuity.ts`): 1, −1 or 0 (can't tell).
 */
function turnEvidence(
	lines: readonly number[],
	full: (i: number) => boolean,
	text: (i: number) => string,
	cont: Continuity,
): 1 | -1 | 0 {
	const from = lines.slice(0, -2).flatMap((i, k) => (full(i) ? [k] : []));
	const joined = (step: number) =>
		from.map((k) => [text(lines[k]!), text(lines[k + step]!)] as const);
	return weighReadings(joined(2), joined(1), cont);
}

/**
 * Split a candidate at its lines wider than the columns, and judge each piece.
 * @param acrossPage The widest prose line of the source (display columns).
 */
function judge(
	run: Run,
	text: (i: number) => string,
	acrossPage: number,
	cont: Continuity,
): Verdict[] {
	const width = (i: number) => displayWidth(text(i).trim());
	const measure = columnWidth(run.lines.map(width));
	// (A first line indented two characters, one column of slack: still a full line.)
	const full = (i: number) => width(i) >= measure - 5;
	// A heading across both columns: a short line without a sentence end after a short line,
	// when the line after it in its column would be a full line not indented (a heading goes on
	// with a paragraph's first line): the line before it was its column's alone.
	const across = (k: number) => {
		const [before, line, after] = [k - 1, k, k + 2].map((j) => run.lines[j]);
		if (before === undefined || line === undefined || after === undefined) return false;
		return !full(before) && !full(line) && !endsSentence(text(line)) && width(after) >= measure - 2;
	};
	const pieces: Run[] = [];
	let from = 0;
	run.lines.forEach((i, k) => {
		const last = k === run.lines.length - 1;
		const wide = width(i) > measure + 3 || across(k);
		if (wide || last) {
			const end = wide ? k : k + 1;
			pieces.push({
				lines: run.lines.slice(from, end),
				tail: last && !wide ? run.tail : [],
				blanks: [],
				page: run.page,
				measure,
			});
			from = k + 1;
		}
	});
	const verdicts: Verdict[] = [];
	for (const piece of pieces) {
		const { lines } = piece;
		if (lines.length < 6) continue;
		// The blank lines between the piece's lines (those after its last line stay in place).
		const inside = new Set(lines.slice(1));
		piece.blanks = run.blanks.filter((b) => inside.has(b + 1));
		// The tail is the column's only while it is as wide as a column.
		const wide = piece.tail.findIndex((i) => width(i) > measure + 3);
		if (wide >= 0) piece.tail = piece.tail.slice(0, wide);
		const prose = [0, 1].map(
			(side) => lines.filter((i, k) => k % 2 === side && full(i) && CLAUSE.test(text(i))).length,
		);
		if (prose[0]! < 2 || prose[1]! < 2) continue;
		const evidence = turnEvidence(lines, full, text, cont);
		// One column set with wide line spacing, by the evidence: left as it is, nothing to say.
		if (evidence < 0) continue;
		const spacing = evidence === 0 && acrossPage < measure * 1.6;
		const why = uncertainty(lines, full, text) ?? (spacing ? SPACING : null);
		verdicts.push({ run: piece, why });
	}
	return verdicts;
}

/** A run's lines in reading order: its odd lines, its even lines, the tail with its column. */
function readRun(run: Run): number[] {
	const left = run.lines.filter((_, k) => k % 2 === 0);
	const right = run.lines.filter((_, k) => k % 2 === 1);
	if (run.lines.length % 2 === 1) left.push(...run.tail);
	else right.push(...run.tail);
	return [...left, ...right, ...run.blanks];
}

/**
 * A line of a run with its fullness (`SourceLine.full`): a line as wide as its column, less an
 * indent, runs on to the next; past a sentence end too when the next line is as wide as the
 * column (not indented: a paragraph's first line is, so a full line under it goes on with it).
 * A line a character shorter still is full when the next starts with one character and a mark
 * that can't begin a line (`人，他们…`): the typesetter took that character down with the mark.
 */
function withFullness(
	lines: readonly SourceLine[],
	i: number,
	next: number | undefined,
	measure: number,
	gone: (i: number) => boolean,
): SourceLine {
	const line = lines[i]!;
	const width = (k: number) => displayWidth(lines[k]!.text.trim());
	const pushed = next !== undefined && !endsSentence(line.text) && KINSOKU.test(lines[next]!.text);
	if (gone(i) || width(i) < measure - (pushed ? 7 : 5)) return line;
	const onward = next !== undefined && !gone(next) && width(next) >= measure - 2;
	return { ...line, full: onward ? 'indented' : 'flush' };
}

/**
 * The source's lines with each run read column by column, in place of its first line.
 * @returns The lines and their pages, and how many text lines changed place among the text lines.
 */
function reorder(
	lines: readonly SourceLine[],
	pageOfLine: readonly number[],
	order: ReadonlyMap<number, Run>,
	gone: (i: number) => boolean,
): { read: { lines: SourceLine[]; pageOfLine: number[] }; moved: number } {
	const out: SourceLine[] = [];
	const pagesOut: number[] = [];
	const placed = new Set<number>();
	let moved = 0;
	let textAt = 0;
	const push = (line: SourceLine, i: number) => {
		placed.add(i);
		out.push(line);
		pagesOut.push(pageOfLine[i] ?? 1);
		if (gone(i)) return;
		// (Its place among the text lines, in the source and now.)
		if (textOrder[i] !== textAt) moved++;
		textAt++;
	};
	const textOrder: number[] = [];
	let n = 0;
	lines.forEach((_, i) => {
		textOrder[i] = gone(i) ? -1 : n++;
	});
	for (let i = 0; i < lines.length; i++) {
		if (placed.has(i)) continue;
		const run = order.get(i);
		if (!run) {
			push(lines[i]!, i);
			continue;
		}
		const seq = readRun(run);
		seq.forEach((k, n) => push(withFullness(lines, k, seq[n + 1], run.measure, gone), k));
	}
	return { read: { lines: out, pageOfLine: pagesOut }, moved };
}

/**
 * @param file The source's file name.
 * @param lines Source lines after the page stage (furniture removed: blank).
 * @param pageOfLine 1-based page of each line.
 * @param dropped Line numbers removed as furniture.
 * @param log Receives the `column-interleave` count.
 * @returns The lines in reading order with their pages (null when no run was read), the pages
 *   whose runs were named instead (with the warnings naming them).
 */
export function unweaveColumns(
	file: string,
	lines: readonly SourceLine[],
	pageOfLine: readonly number[],
	dropped: ReadonlyMap<number, unknown>,
	log: RepairLog,
): {
	read: { lines: SourceLine[]; pageOfLine: number[] } | null;
	named: Set<number>;
	issues: IngestIssue[];
} {
	const gone = (i: number) => isBlank(lines[i]) || dropped.has(lines[i]!.no);
	const text = (i: number) => lines[i]!.text;
	let acrossPage = 0;
	lines.forEach((l, i) => {
		if (!gone(i) && !l.part && CLAUSE.test(l.text))
			acrossPage = Math.max(acrossPage, displayWidth(l.text.trim()));
	});
	// (Counted only when a run needs it: most sources have none, and the counts cost a pass.)
	let counted: Continuity | undefined;
	const cont: Continuity = (a, b) =>
		(counted ??= lineContinuity(lines.filter((_, i) => !gone(i)).map((l) => l.text)))(a, b);
	const order = new Map<number, Run>();
	const named = new Set<number>();
	const issues: IngestIssue[] = [];
	for (const [page, at] of linesByPage(pageOfLine, lines.length)) {
		// (A page read as two columns side by side already: not this shape.)
		if (at.some((i) => lines[i]!.part)) continue;
		for (const cand of candidates(chunksOf(at, gone), page)) {
			for (const { run, why } of judge(cand, text, acrossPage, cont)) {
				if (why === null) {
					order.set(run.lines[0]!, run);
					continue;
				}
				named.add(page);
				const first = lines[run.lines[0]!]!.no;
				const last = lines[run.lines.at(-1)!]!.no;
				issues.push({
					file,
					line: first,
					column: 1,
					ruleId: 'text:column-order',
					severity: 'warning',
					message: `Page ${page} looks set in two columns whose lines the extractor wrote in turn, a blank line after each (lines ${first}–${last}), but the order can't be known: ${why}. The text is kept as extracted; check the order of page ${page} against the book (or ingest the PDF itself).`,
				});
			}
		}
	}
	if (order.size === 0) return { read: null, named, issues };
	const { read, moved } = reorder(lines, pageOfLine, order, gone);
	countRepair(log, 'column-interleave', moved);
	return { read, named, issues };
}
