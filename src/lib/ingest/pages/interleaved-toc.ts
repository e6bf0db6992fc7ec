/**
 * A table of contents printed in two columns, as plain `pdftotext` writes it: each row's two
 * entries in turn, each title and each page number a line of its own, a blank line after each
 * (`学习型机关的建设 ⏎⏎ 3 ⏎⏎ 学习型家庭的培育 ⏎⏎ 6 ⏎⏎ 学习型企业的实践 ⏎⏎ 4 …`). Read column by
 * column: the odd entries, then the even ones (issue 13), the run's blank lines after them.
 * Counted as the repair `column-interleave`, one per line whose place among the text lines changed.
 *
 * Only when certain: six entries or more in a run, each a line of text over a line that is a page
 * number; the page numbers not in order as they stand, but ascending over the odd entries and
 * over the even ones, none of the odd ones above any of the even ones (a book's TOC runs down the
 * left column first).
 */
import { countRepair, type RepairLog } from '../lines/repair-log.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import { reorderRuns } from './column-order.ts';

const PAGE = /^\s*(\d{1,3})\s*$/;

/** An entry: the indexes of its title and its page number lines, and the page. */
interface Entry {
	title: number;
	page: number;
	number: number;
}

const ascending = (p: readonly number[]) => p.every((n, k) => k === 0 || n >= p[k - 1]!);

/** The runs of entries of a page: title, blank, number, blank, title… */
function runsOf(lines: readonly SourceLine[], at: readonly number[]): Entry[][] {
	const runs: Entry[][] = [];
	let run: Entry[] = [];
	const close = () => {
		const pages = run.map((e) => e.number);
		const odd = pages.filter((_, k) => k % 2 === 0);
		const even = pages.filter((_, k) => k % 2 === 1);
		if (
			run.length >= 6 &&
			!ascending(pages) &&
			ascending(odd) &&
			ascending(even) &&
			Math.max(...odd) <= Math.min(...even)
		)
			runs.push(run);
		run = [];
	};
	// (A line of text, one blank line, a page number, one blank line before the next title.)
	const blankAt = (i: number) => at.includes(i) && isBlank(lines[i]);
	for (let k = 0; k < at.length; k++) {
		const i = at[k]!;
		const page = PAGE.exec(lines[i + 2]?.text ?? '');
		const isEntry =
			!isBlank(lines[i]) && !PAGE.test(lines[i]!.text) && blankAt(i + 1) && page !== null;
		if (!isEntry) {
			if (!isBlank(lines[i])) close();
			continue;
		}
		const last = run.at(-1);
		if (last && last.page + 2 !== i) close();
		run.push({ title: i, page: i + 2, number: Number(page[1]) });
		k += 2;
	}
	close();
	return runs;
}

/**
 * @param lines Source lines after the page stage (and the other column readings).
 * @param pageOfLine 1-based page of each line.
 * @param log Receives the `column-interleave` count.
 * @returns The lines in reading order with their pages; null when no page has such a TOC.
 */
export function unweaveToc(
	lines: readonly SourceLine[],
	pageOfLine: readonly number[],
	log: RepairLog,
): { lines: SourceLine[]; pageOfLine: number[] } | null {
	return reorderRuns(
		lines,
		pageOfLine,
		(at) => runsOf(lines, at).map((run): [number, Entry[]] => [run[0]!.title, run]),
		(run, i) => {
			const end = run.at(-1)!.page + 1;
			const order = [...run.filter((_, k) => k % 2 === 0), ...run.filter((_, k) => k % 2 === 1)];
			const text = order.flatMap((e) => [e.title, e.page]);
			const taken = new Set(text);
			const blanks = Array.from({ length: end - i }, (_, k) => i + k).filter((k) => !taken.has(k));
			const moved = [...text, ...blanks];
			// (Moved: the run's text lines whose place among them changed.)
			const before = run.flatMap((e) => [e.title, e.page]);
			countRepair(log, 'column-interleave', text.filter((k, n) => before[n] !== k).length);
			return {
				end,
				lines: moved.map((k) => lines[k]!),
				pages: moved.map((k) => pageOfLine[k] ?? 1),
			};
		},
	);
}
