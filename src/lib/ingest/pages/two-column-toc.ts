/**
 * A table of contents printed in two columns, side by side on each line of a `-layout` text
 * extraction (`以学促干 争创一流   1   社区书屋让居民爱上阅读   13`), read column by column: the
 * left column's rows, then the right column's (issue 13). Counted as the repair `column-split`,
 * one per row read in two pieces; `log.columnSplits` records where each right piece begins, as
 * for the columns of prose (`two-columns.ts`).
 *
 * Only when certain: three rows or more in a run on a page (blank lines between them aside), each
 * a title and a page number, a title and a page number; the page numbers ascending down each
 * column, and none of the left column above any of the right column (a book's TOC runs down the
 * left column first). A TOC of one column with a unit column has one page number a row: not this shape.
 */
import { countRepair, type RepairLog } from '../lines/repair-log.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import { reorderRuns } from './column-order.ts';

// A title, its page, a title, its page (two spaces or more between each).
const ROW = /^(\s*\S.*?\S)[ \u3000]{2,}(\d{1,3})[ \u3000]{2,}(\S.*?\S)[ \u3000]{2,}(\d{1,3})\s*$/;

interface Row {
	index: number;
	/** Code unit where the right column's title starts. */
	at: number;
	pages: [number, number];
}

function rowOf(line: SourceLine, index: number): Row | null {
	const m = ROW.exec(line.text);
	if (!m) return null;
	const at = line.text.lastIndexOf(m[3]!, line.text.length - m[4]!.length);
	return { index, at, pages: [Number(m[2]), Number(m[4])] };
}

/** Runs of rows on consecutive lines whose page numbers show two columns. */
function tocRuns(lines: readonly SourceLine[], at: readonly number[]): Row[][] {
	const runs: Row[][] = [];
	let run: Row[] = [];
	const close = () => {
		const left = run.map((r) => r.pages[0]);
		const right = run.map((r) => r.pages[1]);
		const ascending = (p: number[]) => p.every((n, k) => k === 0 || n >= p[k - 1]!);
		if (
			run.length >= 3 &&
			ascending(left) &&
			ascending(right) &&
			Math.max(...left) <= Math.min(...right)
		)
			runs.push(run);
		run = [];
	};
	for (const i of at) {
		// (Blank lines between the rows: a TOC set with space between its entries.)
		if (isBlank(lines[i])) continue;
		const row = rowOf(lines[i]!, i);
		if (row) run.push(row);
		else close();
	}
	close();
	return runs;
}

/** Non-white code units of a text (what the no-loss check compares). */
function bareLength(text: string): number {
	return text.replace(/[\s\u3000]+/g, '').length;
}

/**
 * @param lines Source lines after the page stage.
 * @param pageOfLine 1-based page of each line.
 * @param log Receives the `column-split` count and `columnSplits`.
 * @returns The lines in reading order with their pages; null when no page has such a TOC.
 */
export function splitTocColumns(
	lines: readonly SourceLine[],
	pageOfLine: readonly number[],
	log: RepairLog,
): { lines: SourceLine[]; pageOfLine: number[] } | null {
	const splits = (log.columnSplits ??= new Map());
	return reorderRuns(
		lines,
		pageOfLine,
		(at) => tocRuns(lines, at).map((run): [number, Row[]] => [run[0]!.index, run]),
		(run, i) => {
			// The left column's rows, the right column's, then the blank lines between the rows.
			const left: SourceLine[] = [];
			const right: SourceLine[] = [];
			const blank: SourceLine[] = [];
			const end = run.at(-1)!.index + 1;
			const rows = new Map(run.map((r) => [r.index, r]));
			for (let k = i; k < end; k++) {
				const line = lines[k]!;
				const row = rows.get(k);
				if (!row) {
					blank.push(line);
					continue;
				}
				const text = line.text.slice(0, row.at).trimEnd();
				left.push({ ...line, text, part: 'left' });
				right.push({ ...line, text: line.text.slice(row.at), part: 'right' });
				splits.set(line.no, bareLength(text));
			}
			countRepair(log, 'column-split', run.length);
			const moved = [...left, ...right, ...blank];
			return { end, lines: moved, pages: moved.map(() => pageOfLine[i] ?? 1) };
		},
	);
}
