/**
 * Geometry of the statistics page's SVG charts, computed at build time: a heat-map grid and
 * horizontal bars. Returns numbers and labels only; the component draws them with
 * `currentColor`, so the charts follow the light/dark theme and print in black.
 *
 * Doesn’t measure text: label widths are estimated from the character count (CJK glyphs are
 * about one em wide), which is enough for short Chinese labels.
 */
import type { Matrix } from './corpus-stats.ts';

export interface HeatCell {
	x: number;
	y: number;
	size: number;
	count: number;
	/** Fill opacity 0.08–1 for non-zero counts, 0 for zero. */
	opacity: number;
	row: string;
	col: string;
}

export interface Heatmap {
	width: number;
	height: number;
	labelWidth: number;
	headerHeight: number;
	cell: number;
	rows: Array<{ label: string; y: number }>;
	cols: Array<{ label: string; x: number }>;
	cells: HeatCell[];
}

/** Width in px of a label at `font` px: CJK ~1em, ASCII ~0.6em. */
function labelWidth(text: string, font = 13): number {
	let w = 0;
	for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 0.6 : 1;
	return Math.ceil(w * font);
}

/**
 * @param m The matrix to draw.
 * @param cell Side of a cell in px, default 34.
 */
export function heatmapLayout(m: Matrix, cell = 34, font = 13): Heatmap {
	const lw = Math.max(40, ...m.rows.map((r) => labelWidth(r, font))) + 8;
	// Column labels are written vertically (one glyph per line), so the header is as tall as
	// the longest label.
	const headerHeight = Math.max(...m.cols.map((c) => [...c].length), 2) * (font + 1) + 8;
	const max = Math.max(1, ...m.counts.flat());
	const cells: HeatCell[] = [];
	m.rows.forEach((row, r) =>
		m.cols.forEach((col, c) => {
			const count = m.counts[r]![c]!;
			cells.push({
				x: lw + c * cell,
				y: headerHeight + r * cell,
				size: cell - 2,
				count,
				opacity: count === 0 ? 0 : Math.round((0.08 + 0.92 * (count / max)) * 100) / 100,
				row,
				col,
			});
		}),
	);
	return {
		width: lw + m.cols.length * cell,
		height: headerHeight + m.rows.length * cell,
		labelWidth: lw,
		headerHeight,
		cell,
		rows: m.rows.map((label, r) => ({ label, y: headerHeight + r * cell + cell / 2 })),
		cols: m.cols.map((label, c) => ({ label, x: lw + c * cell + cell / 2 })),
		cells,
	};
}

export interface Bar {
	label: string;
	count: number;
	y: number;
	width: number;
}

/** Horizontal bars: one row of `row` px per value, bar lengths scaled to `barMax` px. */
export function barLayout(
	values: ReadonlyArray<{ label: string; count: number }>,
	barMax = 320,
	row = 26,
	font = 13,
) {
	const lw = Math.max(40, ...values.map((v) => labelWidth(v.label, font))) + 10;
	const max = Math.max(1, ...values.map((v) => v.count));
	const bars: Bar[] = values.map((v, i) => ({
		label: v.label,
		count: v.count,
		y: i * row,
		width: Math.max(2, Math.round((v.count / max) * barMax)),
	}));
	return { width: lw + barMax + 48, height: values.length * row, labelWidth: lw, row, bars };
}
