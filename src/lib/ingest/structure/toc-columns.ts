/**
 * A TOC printed as a table and extracted column by column (pdftotext, issue 13): all titles,
 * then all units, then all page numbers, each column optionally under its header (`篇名`,
 * `单位`, `页码`); a row-number column (`序号`: 1, 2, 3 …) may come first, and a title cell may
 * hold its `——` subtitle on a line under it.
 *
 * @example
 *   目录⏎篇名⏎抓学习 促发展⏎书香润校园⏎单位⏎市国土资源局⏎市实验小学⏎页码⏎1⏎5
 *   → [`抓学习 促发展`, `市国土资源局`, 1], [`书香润校园`, `市实验小学`, 5]
 *
 * Recognised only when the counts agree: N page numbers in a row, and before them N titles
 * (and N units, when a column of N cells all reads as units). Doesn’t read row-shaped TOCs.
 */
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import { isHeaderRow } from './toc-row.ts';
import { endsSentence, isSubtitleLine } from '../lines/line-kinds.ts';

export interface ColumnEntry {
	title: string;
	/** A `——` line printed under the title in its cell, when there is one. */
	subtitle?: string;
	unit: string | null;
	page: number;
	/** Source line of the title cell. */
	line: number;
}

export interface ColumnToc {
	entries: ColumnEntry[];
	/** Index of the last line of the table (its last page number). */
	end: number;
}

const PAGE = /^[ \u3000]*(\d{1,4})[ \u3000]*$/;

/**
 * @param lines All lines of the source.
 * @param start Index of the `目录` line.
 * @param isUnit Does a cell read as a unit name?
 */
export function readColumnToc(
	lines: readonly SourceLine[],
	start: number,
	isUnit: (text: string) => boolean,
): ColumnToc | null {
	const cells: Array<{ text: string; index: number; subtitle?: string }> = [];
	let run: number[] = [];
	let numbers: number[] = [];
	for (let i = start + 1; i < lines.length && cells.length + run.length < 400; i++) {
		const line = lines[i]!;
		if (isBlank(line)) continue;
		const text = line.text.trim();
		if (PAGE.test(text)) {
			run.push(i);
			continue;
		}
		// A row-number column first (`序号`: 1, 2, 3 … before any title): not pages.
		if (
			run.length >= 2 &&
			cells.length === 0 &&
			numbers.length === 0 &&
			run.every((k, n) => Number(lines[k]!.text.trim()) === n + 1)
		) {
			numbers = run;
			run = [];
		}
		if (run.length >= 2) break;
		if (run.length === 1 || endsSentence(text) || text.length > 60) return null;
		// A subtitle cell (`——…`) is printed under its title, in the same cell.
		const last = cells[cells.length - 1];
		if (isSubtitleLine(text) && last && last.subtitle === undefined) last.subtitle = text;
		else if (!isHeaderRow(text)) cells.push({ text, index: i });
	}
	const n = run.length;
	if (numbers.length > 0 && numbers.length !== n) return null;
	if (n < 2 || cells.length % n !== 0 || cells.length / n > 3 || cells.length === 0) return null;
	const columns: Array<typeof cells> = [];
	for (let c = 0; c < cells.length; c += n) columns.push(cells.slice(c, c + n));
	const [titles, ...rest] = columns;
	const unitColumn = rest.find((col) => col.every((cell) => isUnit(cell.text)));
	if (rest.length > 0 && !unitColumn) return null;
	const pages = run.map((i) => Number(lines[i]!.text.trim()));
	return {
		entries: titles!.map((cell, k) => ({
			title: cell.text,
			...(cell.subtitle ? { subtitle: cell.subtitle } : {}),
			unit: unitColumn?.[k]?.text ?? null,
			page: pages[k]!,
			line: lines[cell.index]!.no,
		})),
		end: run[n - 1]!,
	};
}
