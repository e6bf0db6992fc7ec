/**
 * Read a page of a text extraction set in two columns that stand side by side on each line
 * (`pdftotext -layout`: `…是全市规模   展提供了可靠的…`) column by column: the left column's lines of
 * the block, then the right column's (issue 13). Counted as the repair `column-split`, one per
 * source line whose text is read in two pieces or moved.
 *
 * The gutter: on a page, the column where the right column's pieces start, the same (±1) on most
 * lines of a block. It is measured both in characters (`pdftotext -layout` places one character
 * a column, CJK or not) and in display width (CJK = 2: a text aligned in an editor), and the
 * measure that gives the steadier gutter wins. A line's pieces are its runs of text between two
 * spaces or more: a piece that ends before the gutter is the left column's, one that starts at
 * it or after it the right column's. The gutter is one that three lines of the page or more
 * share; a block is a run of lines with a piece on each side (at most four lines apart, two or
 * more at the gutter, prose on both sides of two: a TOC's title and unit columns have no clause
 * marks). Lines with one side only go with their side: a short column's missing
 * lines, a short left heading; after the block, the left column's lines that go on below the
 * right column's end, as long as no one-column line follows (then the block ends at the blank
 * line before it). A line that runs from the left column past its right edge into the gutter is
 * no line of the left column: it crosses the gutter too. A heading across both columns (one
 * piece, no clause mark, its middle between the columns) ends the block above it, and the lines
 * under it make a block of their own, as in the book. Any other line that crosses the gutter
 * inside a block (a line of prose over both columns, with no blank line around it) makes the
 * split uncertain: that block is left as it is, and `column-order.ts` names it.
 *
 * Keeps every character: a source line read as two pieces becomes two lines with the same line
 * number (`part` left and right), and `log.columnSplits` records where the right piece begins
 * (in characters that are neither white space nor invisible), so the no-loss check can read the
 * raw line in the same two pieces. Doesn't touch a page without such a block.
 */
import { countRepair, type RepairLog } from '../lines/repair-log.ts';
import { linesByPage } from './column-order.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';

// A clause or sentence mark: prose (a TOC's titles and a cover's lines have none).
const CLAUSE = /[，。、；：]/;
// East Asian wide and full-width characters: two columns of a display.
const WIDE =
	/[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const SPACE = /[\s\u3000]/;

/** Display columns of a text: a wide (CJK, full-width) character two, any other one. */
export function displayWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
	return width;
}

type Measure = 'chars' | 'display';

/** A run of text between two spaces or more: [from, to) in code units, start and end in columns. */
interface Piece {
	from: number;
	to: number;
	start: number;
	end: number;
	prose: boolean;
	visible: number;
}

function piecesOf(text: string, measure: Measure): Piece[] {
	const out: Piece[] = [];
	let col = 0;
	let piece: Piece | null = null;
	let spaces = 0;
	for (let i = 0; i < text.length;) {
		const cp = text.codePointAt(i)!;
		const ch = String.fromCodePoint(cp);
		const width = measure === 'display' && WIDE.test(ch) ? 2 : 1;
		if (SPACE.test(ch)) {
			spaces++;
			if (piece && spaces >= 2) piece = null;
		} else {
			if (!piece) {
				piece = { from: i, to: i, start: col, end: col, prose: false, visible: 0 };
				out.push(piece);
			}
			spaces = 0;
			piece.to = i + ch.length;
			piece.end = col + width;
			piece.visible++;
			if (CLAUSE.test(ch)) piece.prose = true;
		}
		col += width;
		i += ch.length;
	}
	return out;
}

type Kind = 'blank' | 'left' | 'right' | 'both' | 'across';

interface Split {
	kind: Kind;
	/** Code unit where the right piece starts (`both`). */
	at: number;
	/** Columns from the gutter to the right piece's start. */
	indent: number;
	prose: [boolean, boolean];
	/** Visible characters on each side. */
	sides: [number, number];
	/** The right piece starts at the gutter (±1), not further right (a sign-off set flush right). */
	atGutter: boolean;
	/** Where each side's text starts and ends (columns; −1: none). */
	starts: [number, number];
	ends: [number, number];
	/**
	 * A heading across both columns (`across`: one piece, no clause mark, its middle between the
	 * columns): the block above it and the block under it are read each on its own.
	 */
	band?: boolean;
}

function classify(pieces: readonly Piece[], gutter: number): Split {
	const none: Split = {
		kind: 'blank',
		at: 0,
		indent: 0,
		prose: [false, false],
		sides: [0, 0],
		atGutter: false,
		starts: [-1, -1],
		ends: [-1, -1],
	};
	if (pieces.length === 0) return none;
	const left = pieces.filter((p) => p.end <= gutter - 1);
	const right = pieces.filter((p) => p.start >= gutter - 1);
	if (left.length + right.length !== pieces.length) return { ...none, kind: 'across' };
	const first = right[0];
	return {
		kind: left.length && first ? 'both' : first ? 'right' : 'left',
		at: first?.from ?? 0,
		indent: first ? Math.max(0, first.start - gutter) : 0,
		prose: [left.some((p) => p.prose), right.some((p) => p.prose)],
		sides: [left.reduce((n, p) => n + p.visible, 0), right.reduce((n, p) => n + p.visible, 0)],
		atGutter: first !== undefined && Math.abs(first.start - gutter) <= 1,
		starts: [left[0]?.start ?? -1, first?.start ?? -1],
		ends: [Math.max(-1, ...left.map((p) => p.end)), Math.max(-1, ...right.map((p) => p.end))],
	};
}

/** The page's best gutter in one measure: the right-piece start most lines share (±1). */
function gutterOf(pieces: ReadonlyArray<readonly Piece[]>): { gutter: number; lines: number } {
	const many = pieces.filter((p) => p.length > 1);
	const starts = new Map<number, number>();
	for (const line of many)
		for (const p of line.slice(1)) starts.set(p.start, (starts.get(p.start) ?? 0) + 1);
	let best = { gutter: -1, lines: 0 };
	for (const [g, n] of [...starts].sort((a, b) => a[0] - b[0])) {
		// (A gutter is shared by three lines or more, its neighbours' counts aside.)
		if (n + (starts.get(g - 1) ?? 0) + (starts.get(g + 1) ?? 0) < 3) continue;
		let lines = 0;
		for (const line of many) {
			const s = classify(line, g);
			if (s.kind === 'both' && s.atGutter && s.sides[0] >= 2 && s.sides[1] >= 2) lines++;
		}
		if (lines > best.lines) best = { gutter: g, lines };
	}
	return best;
}

/** Non-white, visible code units of a text (what the no-loss check compares). */
function bareLength(text: string): number {
	let n = 0;
	for (const ch of text) if (!SPACE.test(ch)) n += ch.length;
	return n;
}

export interface ColumnBlock {
	page: number;
	/** 1-based line numbers of the block's first and last lines. */
	lines: [number, number];
}

interface FoundBlock {
	/** Index after the block's last line. */
	end: number;
	/** Each line's split, from the block's first line. */
	splits: Split[];
	page: number;
}

/**
 * The blocks of one page's lines read column by column, as `[first, last]` positions in `split`:
 * runs of lines with a side each, at most four lines apart, two or more at the gutter and two
 * with clauses on both sides, extended over the lines of one side around them.
 */
function pageBlocks(split: readonly Split[]): Array<[first: number, last: number]> {
	const both = split.map((_, k) => k).filter((k) => split[k]!.kind === 'both');
	const blocks: Array<[number, number]> = [];
	let from = 0;
	let taken = -1;
	// (A heading across both columns between two lines ends the run above it.)
	const bandBetween = (a: number, b: number) => split.slice(a + 1, b).some((s) => s.band);
	for (let n = 1; n <= both.length; n++) {
		if (n < both.length && both[n]! - both[n - 1]! <= 4 && !bandBetween(both[n - 1]!, both[n]!))
			continue;
		const run = both.slice(from, n);
		from = n;
		// (A run inside the block before it: read with it.)
		if (run.filter((k) => split[k]!.atGutter).length < 2 || run[0]! <= taken) continue;
		const prose = run.filter((k) => split[k]!.prose[0] && split[k]!.prose[1]).length;
		if (prose < 2) continue;
		let first = run[0]!;
		const last = run[run.length - 1]!;
		// Inside the run: a line across the gutter makes the split uncertain.
		if (split.slice(first, last + 1).some((s) => s.kind === 'across')) continue;
		// Before: lines of one side with no blank line between.
		while (first > 0 && ['left', 'right'].includes(split[first - 1]!.kind)) first--;
		taken = Math.max(last, blockEnd(split, last));
		// (Another run on the page starts after this one's end.)
		blocks.push([first, taken]);
	}
	return blocks;
}

/**
 * Where a block whose last line at the gutter is `last` ends: lines of one side after it, over
 * blank lines, up to a one-column line (then back to the blank line before it) or the page's end.
 */
function blockEnd(split: readonly Split[], last: number): number {
	let end = last;
	let blankAt = -1;
	for (let k = last + 1; k < split.length; k++) {
		const kind = split[k]!.kind;
		if (kind === 'blank') {
			if (blankAt < 0) blankAt = k;
			continue;
		}
		if (kind === 'across') {
			if (blankAt >= 0) end = blankAt - 1;
			break;
		}
		blankAt = -1;
		end = k;
	}
	return end;
}

/**
 * Mark the lines across the gutter that the gutter alone does not show: a line of one piece that
 * runs from the left column past the left column's right edge (the edge most of its lines end
 * at) into the gutter is no line of the left column. And mark the headings across both columns.
 */
function acrossTheGutter(
	split: Split[],
	pieces: ReadonlyArray<readonly Piece[]>,
	gutter: number,
): void {
	const ends = new Map<number, number>();
	for (const s of split) if (s.kind === 'both') ends.set(s.ends[0], (ends.get(s.ends[0]) ?? 0) + 1);
	const edge = [...ends].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
	if (edge === undefined) return;
	split.forEach((s, k) => {
		const line = pieces[k]!;
		if (s.kind === 'left' && s.ends[0] > edge + 2) split[k] = { ...s, kind: 'across' };
		if (split[k]!.kind !== 'across' || line.length !== 1 || line[0]!.prose) return;
		const middle = (line[0]!.start + line[0]!.end) / 2;
		if (middle >= edge - 4 && middle <= gutter + 4) split[k]!.band = true;
	});
}

/** The blocks set in two columns, by the index of their first line. */
function findBlocks(
	lines: readonly SourceLine[],
	pageOfLine: readonly number[],
	dropped: ReadonlyMap<number, unknown>,
): Map<number, FoundBlock> {
	const pages = linesByPage(pageOfLine, lines.length);
	const gone = (i: number) => isBlank(lines[i]) || dropped.has(lines[i]!.no);
	const found = new Map<number, FoundBlock>();
	for (const [page, at] of pages) {
		const byMeasure = (measure: Measure) =>
			at.map((i) => (gone(i) ? [] : piecesOf(lines[i]!.text, measure)));
		const chars = byMeasure('chars');
		// (The pieces are the same in both measures, their columns only differ.)
		if (!chars.some((p) => p.length > 1)) continue;
		const byChars = gutterOf(chars);
		const display = byMeasure('display');
		const byDisplay = gutterOf(display);
		const [pieces, { gutter, lines: paired }] =
			byDisplay.lines > byChars.lines ? [display, byDisplay] : [chars, byChars];
		if (paired < 3) continue;
		const split = pieces.map((p) => classify(p, gutter));
		acrossTheGutter(split, pieces, gutter);
		for (const [first, last] of pageBlocks(split))
			found.set(at[first]!, { end: at[last]! + 1, splits: split.slice(first, last + 1), page });
	}
	return found;
}

type Fullness = { full?: 'indented' | 'flush' };

/**
 * Whether a line of a block fills its column: each column's edges are where most of its lines
 * start (the least start) and end (the most common end). A line from the left edge (or an
 * indent) to the right one runs on to the next line; a column whose paragraphs start indented
 * ends one only before an indent.
 */
function fullness(splits: readonly Split[]): (s: Split, side: 0 | 1) => Fullness {
	const edges = [0, 1].map((side) => {
		const ends = new Map<number, number>();
		let start = Infinity;
		for (const s of splits) {
			if (s.ends[side]! < 0) continue;
			ends.set(s.ends[side]!, (ends.get(s.ends[side]!) ?? 0) + 1);
			start = Math.min(start, s.starts[side]!);
		}
		const end = [...ends].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
		const indented = splits.some(
			(s) => s.ends[side]! >= end - 1 && s.starts[side]! > start && s.starts[side]! <= start + 4,
		);
		return { start, end, indented };
	});
	return (s, side) => {
		const e = edges[side]!;
		return s.ends[side]! >= e.end - 1 && s.starts[side]! <= e.start + 4
			? { full: e.indented ? 'indented' : 'flush' }
			: {};
	};
}

/**
 * A block's lines, left column then right column (a line with both sides twice, its `part`
 * set); records each split line's left length in `splits`.
 * @returns The lines in reading order and how many lines (or right parts) moved.
 */
function readColumns(
	block: readonly SourceLine[],
	splitsOf: readonly Split[],
	splits: Map<number, number>,
): { lines: SourceLine[]; moved: number } {
	const left: SourceLine[] = [];
	const right: SourceLine[] = [];
	let moved = 0;
	const full = fullness(splitsOf);
	splitsOf.forEach((s, k) => {
		const line = block[k]!;
		if (s.kind === 'both') {
			const text = line.text.slice(0, s.at).trimEnd();
			left.push({ ...line, text, part: 'left', ...full(s, 0) });
			const rest = ' '.repeat(s.indent) + line.text.slice(s.at);
			right.push({ ...line, text: rest, part: 'right', ...full(s, 1) });
			splits.set(line.no, bareLength(text));
			moved++;
		} else if (s.kind === 'right') {
			right.push({ ...line, text: ' '.repeat(s.indent) + line.text.trimStart(), ...full(s, 1) });
			moved++;
		} else if (s.kind === 'left') {
			left.push({ ...line, ...full(s, 0) });
		} else if (s.kind === 'blank') {
			// (A blank line ends a paragraph in both columns.)
			left.push(line);
			right.push(line);
		} else left.push(line);
	});
	return { lines: [...left, ...right], moved };
}

/**
 * @param lines Source lines after the page stage (furniture removed: blank).
 * @param pageOfLine 1-based page of each line.
 * @param dropped Line numbers removed as furniture.
 * @param log Receives the `column-split` count and `columnSplits`.
 * @returns The lines in reading order (a split line twice, its `part` set) with their pages, and
 *   the blocks read column by column; null when no page has such a block.
 */
export function splitColumns(
	lines: readonly SourceLine[],
	pageOfLine: readonly number[],
	dropped: ReadonlyMap<number, unknown>,
	log: RepairLog,
): { lines: SourceLine[]; pageOfLine: number[]; blocks: ColumnBlock[] } | null {
	const found = findBlocks(lines, pageOfLine, dropped);
	if (found.size === 0) return null;
	const out: SourceLine[] = [];
	const pagesOut: number[] = [];
	const blocks: ColumnBlock[] = [];
	const splits = (log.columnSplits ??= new Map());
	for (let i = 0; i < lines.length;) {
		const block = found.get(i);
		if (!block) {
			out.push(lines[i]!);
			pagesOut.push(pageOfLine[i] ?? 1);
			i++;
			continue;
		}
		const read = readColumns(lines.slice(i, block.end), block.splits, splits);
		countRepair(log, 'column-split', read.moved);
		for (const l of read.lines) {
			out.push(l);
			pagesOut.push(block.page);
		}
		blocks.push({ page: block.page, lines: [lines[i]!.no, lines[block.end - 1]!.no] });
		i = block.end;
	}
	return { lines: out, pageOfLine: pagesOut, blocks };
}
