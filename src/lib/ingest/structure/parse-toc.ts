/**
 * Parse a compilation's table of contents (docs/ingest-spec.md §1, issue 21 item 2).
 *
 * Rows are read by `readTocRow` (leaders, TAB, runs of spaces, a single space before the page,
 * pages in `()` or bare, row numbers). Around them: titles and units wrapped onto the next line
 * (a row without a page continues on the next one), subtitles (`——`, `—`, `- `) before or after
 * the page, pages alone on the next line, section rows (`◆ 学习型机关建设`, `第一部分 …`, or a
 * `一、` row over entries numbered in another style), column-header rows (`篇名 单位 页码`), and a
 * table extracted column by column (`toc-columns.ts`).
 *
 * A cell after the title is the unit when it is set off by leaders or a TAB, or reads as a unit
 * name; in a row set with single spaces a last word that reads as a unit is split off, and the
 * whole row is kept as an alternative title (the body’s own title decides, see
 * `locate-reports.ts`). Doesn’t look for the reports in the body.
 */
import {
	isSubtitleLine,
	joinTitleLines,
	normaliseSubtitle,
	sectionMarkerOf,
	endsSentence,
} from '../lines/line-kinds.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import { isLetterSpaced } from '../lines/spaces.ts';
import { readColumnToc } from './toc-columns.ts';
import { isHeaderRow, readTocRow, splitPage, type TocRow } from './toc-row.ts';
import { isUnitLine } from '../report/unit.ts';

export interface TocItem {
	kind: 'section' | 'report';
	title: string;
	subtitle: string | null;
	unit: string | null;
	page: number | null;
	/** Section the entry is listed under (for reports), or null. */
	section: string | null;
	/** Source line of the entry’s first line. */
	line: number;
	/** Other readings of the row (a single-space row read without a unit), tried after `title`. */
	alternatives?: Array<{ title: string; unit: string | null }>;
}

export interface ParsedToc {
	items: TocItem[];
	/** Index (in the lines array) of the `目录` line and of the last TOC line. */
	start: number;
	end: number;
}

/** The `目录` line: `目录`, `目 录`, `目　录`, `目次`. */
export function isTocHeading(text: string): boolean {
	// (Every form holds 目: most lines are ruled out without a copy or a regex.)
	if (!text.includes('目')) return false;
	const t = text.trim();
	if (t === '目录' || t === '目次') return true;
	return (
		(isLetterSpaced(t) || /^目[ \u3000]+[录次]$/.test(t)) &&
		/^目[录次]$/.test(t.replace(/[ \u3000]/g, ''))
	);
}

/** Split a page number off the end of a TOC line. */
export function pageTail(text: string): { rest: string; page: number | null } {
	return splitPage(text);
}

/** Does this line carry a page (any TOC form)? */
function hasPage(text: string): boolean {
	return splitPage(text, true).page !== null;
}

const ENDS_IN_LEADER = /(?:[…⋯]{2,}|[．.·•]{3,})[ \u3000]*$/;

/** The region of the TOC: from the `目录` line to its last line that carries a page number. */
function tocRegion(lines: readonly SourceLine[]): { start: number; end: number } | null {
	const start = lines.findIndex((l) => isTocHeading(l.text));
	if (start < 0) return null;
	let end = -1;
	let sincePage = 0;
	for (let i = start + 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (isBlank(line)) continue;
		// (A row that ends in leaders is no sentence: its page wrapped onto the next line.)
		if (line.text.length > 80 || (endsSentence(line.text) && !ENDS_IN_LEADER.test(line.text)))
			break;
		if (hasPage(line.text)) {
			end = i;
			sincePage = 0;
			continue;
		}
		if (sectionMarkerOf(line.text) === null && !isHeaderRow(line.text)) sincePage++;
		if (sincePage > 4) break;
	}
	if (end < 0) return null;
	// A subtitle printed under the last entry belongs to the TOC.
	let next = end + 1;
	while (next < lines.length && isBlank(lines[next])) next++;
	if (next < lines.length && isSubtitleLine(lines[next]!.text) && !hasPage(lines[next]!.text))
		end = next;
	return { start, end };
}

function isUnitCell(text: string, unitWords: readonly string[]): boolean {
	return !/学习型|创建|建设|促进|推进/.test(text) && isUnitLine(text, unitWords);
}

/** A row still waiting for its page: its title lines and unit cells. */
interface Pending {
	title: string[];
	unit: string;
	line: number;
	singleSpace: boolean;
}

/** The reader's state between rows: the entries made, the section they are under, the open row. */
interface TocState {
	items: TocItem[];
	section: string | null;
	pending: Pending | null;
	/** The last entry made, while a subtitle or a page on the next line may still belong to it. */
	open: TocItem | null;
	unitWords: readonly string[];
}

/** A row of the TOC region as read, with its source line. */
interface ReadRow {
	row: TocRow;
	line: SourceLine;
}

/** A TOC printed as a table and extracted column by column (`toc-columns.ts`), or null. */
function columnToc(
	lines: readonly SourceLine[],
	heading: number,
	unitWords: readonly string[],
): ParsedToc | null {
	const table = readColumnToc(lines, heading, (t) => isUnitCell(t, unitWords));
	if (!table) return null;
	const items = table.entries.map((e): TocItem => ({
		kind: 'report',
		title: e.title,
		subtitle: e.subtitle ? normaliseSubtitle(e.subtitle) : null,
		unit: e.unit,
		page: e.page,
		section: null,
		line: e.line,
	}));
	return { items, start: heading, end: table.end };
}

/**
 * Close the pending row as an entry with this subtitle and page (a subtitle alone opens an
 * entry of its own, titled by it).
 */
function flush(state: TocState, subtitle: string | null, page: number | null, lineNo = 0): void {
	const p =
		state.pending ?? (subtitle ? { title: [], unit: '', line: lineNo, singleSpace: false } : null);
	state.pending = null;
	if (!p) return;
	const raw = p.title.reduce((a, b) => (a ? joinTitleLines(a, b) : b.trim()), '');
	const item: TocItem = {
		kind: 'report',
		title: raw,
		subtitle,
		unit: p.unit || null,
		page,
		section: state.section,
		line: p.line,
	};
	if (!raw && subtitle)
		Object.assign(item, { title: normaliseSubtitle(subtitle).slice(2), subtitle: null });
	if (p.singleSpace && item.unit === null) splitTrailingUnit(item, state.unitWords);
	state.items.push(item);
	state.open = item;
}

/** A section entry of the TOC (a section row, or the book's own matter): no report, no section. */
function addSection(state: TocState, title: string, page: number | null, line: number): void {
	flush(state, null, null);
	state.items.push({
		kind: 'section',
		title,
		subtitle: null,
		unit: null,
		page,
		section: null,
		line,
	});
	state.open = null;
}

/** A page alone on its line: it closes the pending row, or the last entry without a page. */
function closeWithPage(state: TocState, page: number | null): void {
	// (A subtitle on the next line may still belong to the row it closed, as after any page.)
	const target = state.open;
	if (state.pending) flush(state, null, page);
	else if (target && target.page === null) target.page = page;
	else state.open = null;
}

/** A subtitle row: the open entry's subtitle when it has none yet, else an entry of its own. */
function addSubtitle(state: TocState, row: TocRow, line: number): void {
	const subtitle = normaliseSubtitle(row.cells.join(' '));
	const target = state.open;
	if (
		!state.pending &&
		target &&
		target.subtitle === null &&
		(target.page === null || row.page === null)
	) {
		target.subtitle = subtitle;
		target.page ??= row.page;
	} else flush(state, subtitle, row.page, line);
	if (row.page !== null) state.open = null;
}

/**
 * An entry row: its title cells and unit cells go to the pending row, which its page closes
 * (a row without a page continues on the next one, or takes the subtitle there).
 */
function addEntryRow(
	state: TocState,
	{ row, line }: ReadRow,
	columnar: boolean,
	nextIsSubtitle: boolean,
): void {
	const cells = row.cells;
	const p: Pending = (state.pending ??= {
		title: [],
		unit: '',
		line: line.no,
		singleSpace: false,
	});
	// Title cells, then unit cells (the trailing cells that read as units; in a ruled or
	// columnar TOC at least the last cell). A lone cell continues a unit wrapped from the row above.
	let titleCells = cells;
	let unitCells: string[] = [];
	if (cells.length >= 2) {
		let cut = cells.length;
		while (cut > 1 && isUnitCell(cells[cut - 1]!, state.unitWords)) cut--;
		if (cut === cells.length && (row.ruled || columnar)) cut--;
		titleCells = cells.slice(0, cut);
		unitCells = cells.slice(cut);
	} else if (p.unit) {
		titleCells = [];
		unitCells = cells;
	}
	if (titleCells.length) p.title.push(titleCells.join(' '));
	if (unitCells.length) p.unit += (p.unit && cells.length >= 2 ? ' ' : '') + unitCells.join(' ');
	p.singleSpace = cells.length === 1 && row.spacedPage === true;
	if (row.page !== null) flush(state, null, row.page);
	else if (!nextIsSubtitle) state.open = null;
}

/** The rows of the TOC region, without blank lines and column-header rows. */
function tocRows(lines: readonly SourceLine[], region: { start: number; end: number }): ReadRow[] {
	const rows: ReadRow[] = [];
	for (let i = region.start + 1; i <= region.end; i++) {
		const line = lines[i]!;
		if (!isBlank(line) && !isHeaderRow(line.text))
			rows.push({ row: readTocRow(line.text, true), line });
	}
	return rows;
}

/**
 * How the TOC's entries are set: the row-number styles of rows with a page, and whether most
 * rows print two cells or more (the TOC has a unit column, even where a unit doesn't read as one).
 */
function entryLayout(rows: readonly ReadRow[]): { entryStyles: Set<string>; columnar: boolean } {
	const paged = rows.filter((r) => r.row.page !== null && r.row.cells.length > 0);
	const entryStyles = new Set<string>(
		paged.filter((r) => r.row.number).map((r) => r.row.number!.style),
	);
	const columnar =
		paged.filter((r) => r.row.cells.length >= 2 && !isSubtitleLine(r.row.cells[0]!)).length * 2 >
		paged.length;
	return { entryStyles, columnar };
}

/** A section row's title: a marker without a page, or `一、` over entries numbered otherwise. */
function sectionTitleOf(
	{ row, line }: ReadRow,
	entryStyles: ReadonlySet<string>,
	pending: boolean,
): string | null {
	const marker = sectionMarkerOf(line.text);
	const numberedSection =
		row.page === null &&
		row.number?.style === 'cn' &&
		!entryStyles.has('cn') &&
		entryStyles.size > 0 &&
		!pending;
	if ((marker !== null && row.page === null) || numberedSection)
		return marker ?? row.cells.join(' ');
	return null;
}

/**
 * @param lines All lines of the source.
 * @param unitWords Unit words from the vocabulary (to tell a unit cell from a title).
 * @returns The TOC items in printed order, or null when the source has no TOC with page numbers.
 */
export function parseToc(
	lines: readonly SourceLine[],
	unitWords: readonly string[] = [],
): ParsedToc | null {
	const heading = lines.findIndex((l) => isTocHeading(l.text));
	const table = heading >= 0 ? columnToc(lines, heading, unitWords) : null;
	if (table) return table;
	const region = tocRegion(lines);
	if (!region) return null;
	const state: TocState = { items: [], section: null, pending: null, open: null, unitWords };
	const rows = tocRows(lines, region);
	const { entryStyles, columnar } = entryLayout(rows);
	for (const [k, read] of rows.entries()) {
		const { row, line } = read;
		// The book's own matter listed in the TOC (前言, 后记): kept in the TOC, never a report.
		if (row.cells.length === 1 && isBookMatter(row.cells[0]!)) {
			addSection(state, row.cells[0]!.replace(/[ \u3000]/g, ''), row.page, line.no);
			continue;
		}
		const section = sectionTitleOf(read, entryStyles, state.pending !== null);
		if (section !== null) {
			flush(state, null, null);
			state.section = section;
			addSection(state, section, null, line.no);
		} else if (row.cells.length === 0) closeWithPage(state, row.page);
		else if (isSubtitleLine(row.cells[0]!)) addSubtitle(state, row, line.no);
		else {
			const next = rows[k + 1];
			addEntryRow(
				state,
				read,
				columnar,
				next !== undefined && isSubtitleLine(next.row.cells[0] ?? ''),
			);
		}
	}
	flush(state, null, null);
	return { items: state.items, start: region.start, end: region.end };
}

/** 前言, 序言, 后记, 编后记, 附录…: the book's own matter, not a report. */
export function isBookMatter(text: string): boolean {
	return /^(?:前言|序言?|代序|后记|编后记?|编后语|编者按|编者的话|附录|说明|编辑说明|出版说明)$/.test(
		text.replace(/[ \u3000]/g, ''),
	);
}

/** `学习立身 实干兴业 镇交通管理站` → title `学习立身 实干兴业`, unit `镇交通管理站` (whole row kept as an alternative). */
function splitTrailingUnit(item: TocItem, unitWords: readonly string[]): void {
	const words = item.title.split(' ');
	if (words.length < 2) return;
	const last = words[words.length - 1]!;
	if (!isUnitCell(last, unitWords)) return;
	item.alternatives = [{ title: item.title, unit: null }];
	item.title = words.slice(0, -1).join(' ');
	item.unit = last;
}
