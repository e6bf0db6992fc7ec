/**
 * Parse a compilation's table of contents (INGEST-SPEC §1).
 *
 * Handles wrapped titles, subtitles starting with `——`, `—` or `- `, page numbers as `……(12)`,
 * ` (92)`, `…… (198)` or alone on the next line, TAB columns `N、title<TAB>unit<TAB>page`, and
 * section markers (`◆ 学习型机关建设`, `第一部分 示范单位经验`).
 *
 * Doesn’t look for the reports in the body (see `locate-reports.ts`).
 */
import { isSubtitleLine, joinTitleLines, normaliseSubtitle, sectionMarkerOf } from './line-kinds.ts';
import { isBlank, type SourceLine } from './source-lines.ts';
import { isLetterSpaced } from './spaces.ts';

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
}

export interface ParsedToc {
	items: TocItem[];
	/** Index (in the lines array) of the `目录` line and of the last TOC line. */
	start: number;
	end: number;
}

const PAGE_TAIL = /[ \u3000]*(?:[…．.·。-]{2,}[ \u3000]*)?[（(][ \u3000]*(\d{1,4})[ \u3000]*[)）][ \u3000]*$|[ \u3000]*[…．.·]{2,}[ \u3000]*(\d{1,4})[ \u3000]*$/;
const ITEM_NUMBER = /^\d{1,3}[、.．]\s*/;

/** The `目录` line: `目录`, `目 录`, `目　录`. */
export function isTocHeading(text: string): boolean {
	// (Every form holds 目: most lines are ruled out without a copy or a regex.)
	if (!text.includes('目')) return false;
	const t = text.trim();
	return t === '目录' || (isLetterSpaced(t) && t.replace(/[ \u3000]/g, '') === '目录');
}

/** Split a page number off the end of a TOC line. */
export function pageTail(text: string): { rest: string; page: number | null } {
	const tab = /\t[ \u3000]*(\d{1,4})[ \u3000]*$/.exec(text);
	const m = tab ?? PAGE_TAIL.exec(text);
	if (!m) return { rest: text.trim(), page: null };
	return { rest: text.slice(0, m.index).trim(), page: Number(m[1] ?? m[2]) };
}

/** The region of the TOC: from the `目录` line to its last line that carries a page number. */
function tocRegion(lines: readonly SourceLine[]): { start: number; end: number } | null {
	const start = lines.findIndex((l) => isTocHeading(l.text));
	if (start < 0) return null;
	let end = -1;
	let sincePage = 0;
	for (let i = start + 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (isBlank(line)) continue;
		if (pageTail(line.text).page !== null) {
			end = i;
			sincePage = 0;
			continue;
		}
		if (sectionMarkerOf(line.text) === null) sincePage++;
		if (sincePage > 4 || line.text.length > 80) break;
	}
	return end < 0 ? null : { start, end };
}

/**
 * @param lines All lines of the source.
 * @returns The TOC items in printed order, or null when the source has no TOC with page numbers.
 */
export function parseToc(lines: readonly SourceLine[]): ParsedToc | null {
	const region = tocRegion(lines);
	if (!region) return null;
	const items: TocItem[] = [];
	let section: string | null = null;
	let titleLines: string[] = [];
	let firstLine = 0;
	let open: TocItem | null = null;
	const flushTitle = (subtitle: string | null, page: number | null, unit: string | null) => {
		const title = titleLines.reduce((a, b) => (a ? joinTitleLines(a, b) : b.trim()), '');
		titleLines = [];
		if (!title && !subtitle) return;
		open = { kind: 'report', title: title || normaliseSubtitle(subtitle!).slice(2), subtitle: title ? subtitle : null, unit, page, section, line: firstLine };
		items.push(open);
	};
	for (let i = region.start + 1; i <= region.end; i++) {
		const line = lines[i]!;
		if (isBlank(line)) continue;
		const marker = sectionMarkerOf(line.text);
		if (marker !== null && pageTail(line.text).page === null) {
			if (titleLines.length) flushTitle(null, null, null);
			section = marker;
			items.push({ kind: 'section', title: marker, subtitle: null, unit: null, page: null, section: null, line: line.no });
			open = null;
			continue;
		}
		if (line.text.includes('\t')) {
			if (titleLines.length) flushTitle(null, null, null);
			const cols = line.text.split('\t').map((c) => c.trim()).filter(Boolean);
			const page = /^\d{1,4}$/.test(cols[cols.length - 1] ?? '') ? Number(cols.pop()) : null;
			const title = (cols.shift() ?? '').replace(ITEM_NUMBER, '');
			firstLine = line.no;
			titleLines = [title];
			flushTitle(null, page, cols.length ? cols.join(' ') : null);
			open = null;
			continue;
		}
		const { rest, page } = pageTail(line.text);
		if (rest === '') {
			const target = open as TocItem | null;
			if (titleLines.length) flushTitle(null, page, null);
			else if (target && target.page === null) target.page = page;
			open = null;
			continue;
		}
		if (isSubtitleLine(rest)) {
			if (titleLines.length === 0 && open && (open as TocItem).subtitle === null && (open as TocItem).page === null) {
				(open as TocItem).subtitle = normaliseSubtitle(rest);
				(open as TocItem).page = page;
			} else {
				flushTitle(normaliseSubtitle(rest), page, null);
			}
			if (page !== null) open = null;
			continue;
		}
		if (titleLines.length === 0) firstLine = line.no;
		titleLines.push(rest.replace(ITEM_NUMBER, ''));
		if (page !== null) {
			flushTitle(null, page, null);
			open = null;
		} else {
			open = null;
		}
	}
	if (titleLines.length) flushTitle(null, null, null);
	return { items, start: region.start, end: region.end };
}
