/**
 * A PDF's text layer (items with positions, as PDF.js gives them) → the line model: one text
 * line per paragraph, a blank line between paragraphs and after each page, and for every line the
 * PDF page it comes from (the page stage reads pages from that, not from form feeds).
 *
 * Geometry, not fonts: items on one baseline make a line (sorted left to right, a space where
 * the gap is wider than a third of the font size); a line that reaches the right edge of the
 * text block continues into the next one unless that one is indented or set in another size; a
 * full line set flush left without a sentence end continues into a line under it that is centred
 * or set to the right edge in its size (a long subtitle that wrapped).
 * Each paragraph's font size relative to the body's (the commonest size) is returned per line
 * (`sizeOfLine`): the report stage reads a short paragraph set larger than the body as a heading.
 * A picture painted among the text (at least two body lines high and wide, with no text over it:
 * not a background) leaves a placeholder paragraph `［图］` where it stands, counted in `pictures`.
 * A page set in two columns is read column by column (`pdf-columns.ts`).
 * Doesn’t remove running heads or folios (the page stage does, for every format alike) and
 * doesn’t depend on font names, weights or page labels (Chromium’s PDFs have none).
 */

import { endsSentence } from '../lines/line-kinds.ts';
import { columnOf, columnOrder, findGutter, type Column, type Gutter } from './pdf-columns.ts';

/** One text item of a page: `x`, `y` the baseline origin in PDF units (y grows upwards). */
export interface PdfItem {
	str: string;
	x: number;
	y: number;
	/** Advance width of the whole string. */
	w: number;
	/** Font size (the text matrix's vertical scale). */
	size: number;
}

/** A picture a page paints: its box in PDF units (y upwards, `y` its bottom). */
export interface PdfPicture {
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface PdfPageText {
	items: PdfItem[];
	/** The pictures the page paints (none when not read). */
	pictures?: PdfPicture[];
}

interface Line {
	text: string;
	x: number;
	right: number;
	y: number;
	size: number;
	/** A picture's placeholder: a paragraph of its own. */
	picture?: boolean;
}

/** What a picture leaves in the text (as a picture of a Word or HTML document does). */
const PICTURE_PLACEHOLDER = '［图］';

/**
 * The placeholder lines of a page's pictures, at each picture's top: only pictures at least two
 * body lines high and wide (not a rule or an ornament) with no text line inside (not a background).
 */
function pictureLines(
	pictures: readonly PdfPicture[],
	lines: readonly Line[],
	bodySize: number,
): Line[] {
	const out: Line[] = [];
	for (const p of pictures) {
		if (p.w < bodySize * 2 || p.h < bodySize * 2) continue;
		const under = lines.some(
			(l) => l.y > p.y && l.y < p.y + p.h && l.right > p.x && l.x < p.x + p.w,
		);
		if (!under)
			out.push({
				text: PICTURE_PLACEHOLDER,
				x: p.x,
				right: p.x + p.w,
				y: p.y + p.h,
				size: bodySize,
				picture: true,
			});
	}
	return out;
}

/** Items on (about) one baseline → lines, top to bottom. */
function toLines(items: readonly PdfItem[]): Line[] {
	const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
	const rows: PdfItem[][] = [];
	for (const item of sorted) {
		const row = rows[rows.length - 1];
		if (row && Math.abs(row[0]!.y - item.y) <= Math.max(row[0]!.size, item.size) * 0.35)
			row.push(item);
		else rows.push([item]);
	}
	const lines: Line[] = [];
	for (const row of rows) {
		row.sort((a, b) => a.x - b.x);
		let text = '';
		let end = -Infinity;
		for (const item of row) {
			const gap = item.x - end;
			if (text && gap > item.size / 3 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
			text += item.str;
			end = Math.max(end, item.x + item.w);
		}
		text = text.replace(/\s+/g, ' ').trim();
		if (!text) continue;
		const size = Math.max(...row.map((i) => i.size));
		const first = row.find((i) => i.str.trim() !== '') ?? row[0]!;
		lines.push({ text, x: first.x, right: end, y: row[0]!.y, size });
	}
	return lines;
}

/** The most common value of a list of numbers, rounded to `step` (null for an empty list). */
function mode(values: readonly number[], step = 1): number | null {
	const counts = new Map<number, number>();
	let best: number | null = null;
	let bestCount = 0;
	for (const v of values) {
		const k = Math.round(v / step) * step;
		const c = (counts.get(k) ?? 0) + 1;
		counts.set(k, c);
		if (c > bestCount || (c === bestCount && best !== null && k < best)) [best, bestCount] = [k, c];
	}
	return best;
}

/** Lines of one page → paragraphs (text lines), each with its size. */
function toParagraphs(
	lines: readonly Line[],
	left: number,
	right: number,
	bodySize: number,
): Array<{ text: string; size: number }> {
	const out: Array<{ text: string; size: number }> = [];
	let open = false;
	// The paragraph so far is set flush left and full (no indent: a subtitle, a title).
	let flush = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const prev = lines[i - 1];
		const near: boolean =
			!line.picture &&
			prev !== undefined &&
			!prev.picture &&
			Math.abs(prev.size - line.size) < 0.5 &&
			prev.y - line.y <= line.size * 2.2;
		const joins: boolean = near && open && line.x <= left + line.size * 0.5;
		// A centred or right-set block that wrapped (a long subtitle): a full flush line without a
		// sentence end, and under it, in the same size, a line centred or set to the right edge.
		const wraps: boolean =
			near &&
			flush &&
			!endsSentence(prev!.text) &&
			line.x > left + line.size * 0.5 &&
			(Math.abs((line.x + line.right) / 2 - (left + right) / 2) <= line.size ||
				line.right >= right - line.size * 0.5);
		if (joins || wraps) out[out.length - 1]!.text += line.text;
		else out.push({ text: line.text, size: line.size });
		const full = line.x <= left + line.size * 0.5 && line.right >= right - line.size * 1.2;
		flush = !line.picture && full && (flush || !(joins || wraps));
		// A line set in the body size that reaches the right edge continues (justified text).
		open =
			!line.picture &&
			Math.abs(line.size - bodySize) < 0.5 &&
			line.right >= right - line.size * 1.2 &&
			line.x <= left + line.size * 2.5;
	}
	return out;
}

/** A two-column page's paragraphs: each column of each band on its own, with its own margins. */
function columnParagraphs(
	items: readonly PdfItem[],
	placeholders: readonly Line[],
	gutter: Gutter,
	left: number,
	right: number,
	bodySize: number,
): Array<{ text: string; size: number }> {
	const groups: Record<Column, PdfItem[]> = { left: [], right: [], span: [] };
	for (const item of items) groups[columnOf(item.x, item.w, gutter)].push(item);
	const lines = (Object.keys(groups) as Column[]).flatMap((column) =>
		toLines(groups[column]).map((l) => ({ ...l, column })),
	);
	for (const pic of placeholders)
		lines.push({ ...pic, column: columnOf(pic.x, pic.right - pic.x, gutter) });
	const margins = (column: Column): [number, number] => {
		const body = lines.filter(
			(l) => l.column === column && !l.picture && Math.abs(l.size - bodySize) < 0.5,
		);
		return column === 'span' || body.length === 0
			? [left, right]
			: [
					mode(
						body.map((l) => l.x),
						1,
					) ?? left,
					Math.max(...body.map((l) => l.right)),
				];
	};
	const at = {
		left: margins('left'),
		right: margins('right'),
		span: [left, right] as [number, number],
	};
	return columnOrder(lines).flatMap((group) =>
		toParagraphs(group, ...at[group[0]!.column], bodySize),
	);
}

/**
 * @param pages The text items of each page, in page order.
 * @returns `text` (LF lines) and `pageOfLine[i]`, the
 *   1-based PDF page of line i+1; `sizeOfLine[i]`, its font size over the body's (rounded to
 *   hundredths; 0 for a blank line); `empty` lists the 1-based pages without any text;
 *   `pictures` counts the placeholders of pictures.
 */
export function pdfToText(pages: readonly PdfPageText[]): {
	text: string;
	pageOfLine: number[];
	sizeOfLine: number[];
	empty: number[];
	pictures: number;
} {
	const perPage = pages.map((p) => toLines(p.items));
	const all = perPage.flat();
	const bodySize =
		mode(
			all.map((l) => l.size),
			0.5,
		) ?? 10;
	const body = all.filter((l) => Math.abs(l.size - bodySize) < 0.5);
	const left =
		mode(
			body.map((l) => l.x),
			1,
		) ?? 0;
	const right = Math.max(...body.map((l) => l.right), 0);
	const out: string[] = [];
	const pageOfLine: number[] = [];
	const sizeOfLine: number[] = [];
	const empty: number[] = [];
	let pictures = 0;
	const blank = (page: number) => {
		out.push('');
		pageOfLine.push(page);
		sizeOfLine.push(0);
	};
	perPage.forEach((text, p) => {
		if (text.length === 0) empty.push(p + 1);
		const placeholders = text.length ? pictureLines(pages[p]!.pictures ?? [], text, bodySize) : [];
		pictures += placeholders.length;
		const gutter = text.length ? findGutter(pages[p]!.items, bodySize) : null;
		let paragraphs: Array<{ text: string; size: number }>;
		if (gutter)
			paragraphs = columnParagraphs(pages[p]!.items, placeholders, gutter, left, right, bodySize);
		else {
			const lines = placeholders.length
				? [...text, ...placeholders].sort((a, b) => b.y - a.y)
				: text;
			paragraphs = toParagraphs(lines, left, right, bodySize);
		}
		paragraphs.forEach((para, k) => {
			if (k > 0) blank(p + 1);
			out.push(para.text);
			pageOfLine.push(p + 1);
			sizeOfLine.push(Math.round((para.size / bodySize) * 100) / 100);
		});
		blank(p + 1);
	});
	return { text: out.join('\n'), pageOfLine, sizeOfLine, empty, pictures };
}
