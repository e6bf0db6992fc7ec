/**
 * A PDF's outline (bookmarks) as the book's TOC, for a book that prints none: the entries that
 * name reports, under the sections that group them.
 *
 * The level of reports: a top-level entry that is a section (`第一部分 …`, `◆ …`) holds reports;
 * any other top-level entry is a report, and its children are its own headings. An outline whose
 * top level is one entry (the book's title) is read from that entry's children.
 *
 * @example
 *   第一部分 机关 → [书香机关建设的实践 → [健全学习制度]], 关于社区教育的几点体会
 *   → section `机关`, reports `书香机关建设的实践` (in it) and `关于社区教育的几点体会`
 *
 * Doesn’t look at the text: the splitter finds each title in the body as it does a printed
 * TOC's. An entry's page is a PDF page, not a printed folio, so no TOC page is recorded.
 */
import { sectionMarkerOf } from '../lines/line-kinds.ts';
import type { OutlineEntry } from '../types.ts';
import type { ParsedToc, TocItem } from './parse-toc.ts';

function item(kind: TocItem['kind'], title: string, section: string | null): TocItem {
	return { kind, title, subtitle: null, unit: null, page: null, section, line: 1 };
}

/**
 * @param outline The PDF's outline.
 * @returns A TOC with no lines of its own (`start` 0, `end` −1: it is not in the text), or null
 *   when the outline names fewer than two reports.
 */
export function outlineToc(outline: readonly OutlineEntry[]): ParsedToc | null {
	let top = outline.filter((o) => o.title !== '');
	while (top.length === 1 && top[0]!.items.length > 0)
		top = top[0]!.items.filter((o) => o.title !== '');
	const items: TocItem[] = [];
	for (const entry of top) {
		const section = entry.items.length > 0 ? sectionMarkerOf(entry.title) : null;
		if (section === null) {
			items.push(item('report', entry.title, null));
			continue;
		}
		items.push(item('section', section, null));
		for (const child of entry.items)
			if (child.title !== '') items.push(item('report', child.title, section));
	}
	return items.filter((i) => i.kind === 'report').length >= 2 ? { items, start: 0, end: -1 } : null;
}
