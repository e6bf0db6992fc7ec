/**
 * Two-column pages of a PDF: find the gutter, and read the page column by column instead of row
 * across both columns (which would interleave two texts line by line).
 *
 * A gutter is a vertical strip in the middle of the page's text (between 30 % and 70 % of its
 * width), at least half a body line wide, that at most one row in ten crosses (a title or a
 * picture set across both columns may; a row no wider than half the text, such as a centred
 * title, running head or folio, is not counted), with text of full column width on both sides in at
 * least a sixth of the rows each (page numbers in a TOC's right column are no column; a short
 * column beside a long one, as on a page whose columns end before a text of one column, is one).
 * A strip whose rows mostly go on with a bare page number is a TOC's gap between titles and page
 * numbers, not a gutter. Items that cross the gutter span both columns: they cut the page into
 * bands, and each band is read left column first, then right column.
 *
 * Doesn't handle three or more columns, and doesn't join a paragraph that runs from one column
 * into the next (the report stage joins text across a break as it does across a page break).
 */
import type { PdfItem } from './pdf-lines.ts';

export interface Gutter {
	from: number;
	to: number;
}

/** Rows of items on about one baseline (as the line builder groups them). */
function rowsOf(items: readonly PdfItem[]): PdfItem[][] {
	const sorted = items
		.filter((i) => i.str.trim().length > 0)
		.sort((a, b) => b.y - a.y || a.x - b.x);
	const rows: PdfItem[][] = [];
	for (const item of sorted) {
		const row = rows[rows.length - 1];
		if (row && Math.abs(row[0]!.y - item.y) <= Math.max(row[0]!.size, item.size) * 0.35)
			row.push(item);
		else rows.push([item]);
	}
	return rows;
}

/**
 * A strip most of whose rows go on with a page number right of it (`学习型机关的建设 ⋯ 3`): the
 * gap between a TOC's titles and their page numbers, not a gutter.
 */
function beforeFolios(rows: readonly PdfItem[][], from: number, to: number): boolean {
	let numbered = 0;
	let sides = 0;
	for (const row of rows) {
		const next = row.filter((i) => i.x >= to).sort((a, b) => a.x - b.x)[0];
		if (!next || !row.some((i) => i.x + i.w <= from)) continue;
		sides++;
		if (/^\s*\d{1,3}\s*$/.test(next.str)) numbered++;
	}
	return sides > 0 && numbered * 2 >= sides;
}

/**
 * How many rows cover each unit of the width (an item's extent, gaps under half a line closed).
 * A row no wider than half the text is left out: no column text across the gutter, but a title,
 * a running head or a folio centred over both columns.
 */
function coverOf(
	rows: readonly PdfItem[][],
	minX: number,
	width: number,
	bodySize: number,
): Int32Array {
	const cover = new Int32Array(width + 1);
	for (const row of rows) {
		const extent = Math.max(...row.map((i) => i.x + i.w)) - Math.min(...row.map((i) => i.x));
		if (extent <= width * 0.5) continue;
		const spans = row
			.map((i) => [i.x - minX, i.x + i.w - minX] as const)
			.sort((a, b) => a[0] - b[0]);
		let [from, to] = spans[0]!;
		const mark = () => {
			for (let u = Math.max(0, Math.floor(from)); u <= Math.min(width, Math.ceil(to)); u++)
				cover[u]!++;
		};
		for (const [a, b] of spans.slice(1)) {
			if (a - to <= bodySize * 0.5) to = Math.max(to, b);
			else {
				mark();
				[from, to] = [a, b];
			}
		}
		mark();
	}
	return cover;
}

/** Full columns on both sides of the gutter: a sixth of the rows fill most of each side. */
function fullOnBothSides(
	rows: readonly PdfItem[][],
	gutter: Gutter,
	minX: number,
	maxX: number,
): boolean {
	const fills = (items: PdfItem[], width: number) =>
		items.length > 0 &&
		Math.max(...items.map((i) => i.x + i.w)) - Math.min(...items.map((i) => i.x)) >= width * 0.6;
	let left = 0;
	let right = 0;
	for (const row of rows) {
		if (
			fills(
				row.filter((i) => i.x + i.w <= gutter.from),
				gutter.from - minX,
			)
		)
			left++;
		if (
			fills(
				row.filter((i) => i.x >= gutter.to),
				maxX - gutter.to,
			)
		)
			right++;
	}
	return left >= rows.length / 6 && right >= rows.length / 6;
}

/**
 * @param items The text items of one page.
 * @param bodySize The book's body font size.
 * @returns The page's gutter, or null for a page in one column.
 */
export function findGutter(items: readonly PdfItem[], bodySize: number): Gutter | null {
	const rows = rowsOf(items);
	if (rows.length < 6) return null;
	const minX = Math.min(...rows.flat().map((i) => i.x));
	const maxX = Math.max(...rows.flat().map((i) => i.x + i.w));
	const width = Math.ceil(maxX - minX);
	if (width <= bodySize * 10) return null;
	const cover = coverOf(rows, minX, width, bodySize);
	// The widest strip in the middle that at most a tenth of the rows cross.
	const limit = Math.max(1, Math.floor(rows.length / 10));
	let best: Gutter | null = null;
	for (let u = Math.floor(width * 0.3), start = -1; u <= Math.ceil(width * 0.7) + 1; u++) {
		const open = u <= Math.ceil(width * 0.7) && cover[u]! <= limit;
		if (open && start < 0) start = u;
		if (!open && start >= 0) {
			if ((!best || u - start > best.to - best.from) && !beforeFolios(rows, start + minX, u + minX))
				best = { from: start, to: u };
			start = -1;
		}
	}
	if (!best || best.to - best.from < bodySize * 0.5) return null;
	const gutter = { from: best.from + minX, to: best.to + minX };
	return fullOnBothSides(rows, gutter, minX, maxX) ? gutter : null;
}

export type Column = 'left' | 'right' | 'span';

/** Which column an extent `[x, x + w]` belongs to. */
export function columnOf(x: number, w: number, gutter: Gutter): Column {
	if (x + w <= gutter.from + 1) return 'left';
	if (x >= gutter.to - 1) return 'right';
	return 'span';
}

/**
 * Reading order of a two-column page: each band between spanning lines, left column then right.
 * A line of one column above the first line of the other (a right-aligned subtitle, a heading
 * over the left column only) is read before both, as a spanning line.
 * @param lines The page's lines with their column, in any order.
 * @returns Groups of lines top to bottom, each one column of one band (or one spanning line).
 */
export function columnOrder<T extends { y: number; size: number; column: Column }>(
	lines: readonly T[],
): T[][] {
	const byY = [...lines].sort((a, b) => b.y - a.y);
	const out: T[][] = [];
	let band: T[] = [];
	const flush = () => {
		const left = band.filter((l) => l.column === 'left');
		const right = band.filter((l) => l.column === 'right');
		const top = Math.min(left[0]?.y ?? Infinity, right[0]?.y ?? Infinity);
		const above = (l: T) => left.length > 0 && right.length > 0 && l.y > top + l.size * 1.5;
		for (const l of band) if (above(l)) out.push([l]);
		for (const column of [left, right]) {
			const rest = column.filter((l) => !above(l));
			if (rest.length) out.push(rest);
		}
		band = [];
	};
	for (const line of byY) {
		if (line.column === 'span') {
			flush();
			out.push([line]);
		} else band.push(line);
	}
	flush();
	return out;
}
