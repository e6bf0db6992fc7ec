/**
 * Pagefind filters, metadata and sort keys of a report and of a TOC-only entry (正文未收录).
 *
 * Filter keys are ASCII and never Pagefind’s reserved words: `category`, `theme`, `year`,
 * `compilation`, `type`. Every record has a `year` value (`未注明` when undated) and a
 * `date` sort key (`YYYY-MM-DD`, unknown parts `00`, undated `0000-00-00`), so no record
 * vanishes from filtered or sorted results.
 *
 * Doesn’t render markup (PagefindMeta.astro does) and doesn’t index anything.
 */
import type { ReportFrontmatter, TocOnlyEntry } from '../frontmatter.ts';
import { countingYear, tocOnlyDate, UNDATED_KEY } from '../site/counting-year.ts';
import { dateLabel } from '../site/date-label.ts';

export interface PagefindAttributes {
	filters: Record<string, string[]>;
	meta: Record<string, string>;
	sort: Record<string, string>;
}

/** Year filter value of records without a date. */
export const UNDATED_YEAR = '未注明';
/** Meta `kind` of a TOC-only record (shown as the 正文未收录 mark). */
export const TOC_ONLY_KIND = 'toc';

/**
 * Sort key of an ISO date of any precision.
 * @example dateSortKey('2010-08') → '2010-08-00'; dateSortKey(null) → '0000-00-00'
 */
export function dateSortKey(date: string | null): string {
	if (date === null) return '0000-00-00';
	const [y, m = '00', d = '00'] = date.split('-');
	return `${y}-${m}-${d}`;
}

/** Year filter value by the site's counting rule (`countingYear`, as `/years/` counts). */
function yearValue(dated: Parameters<typeof countingYear>[0]): string {
	const key = countingYear(dated);
	return key === UNDATED_KEY ? UNDATED_YEAR : key;
}

/** Attributes of one report page. */
export function pagefindAttributes(data: ReportFrontmatter): PagefindAttributes {
	const meta: Record<string, string> = {
		title: data.title,
		kind: 'report',
		category: data.category,
		date: dateLabel(data),
		compilation: data.compilationTitle,
	};
	const who = data.unit ?? data.author;
	if (who) meta.unit = who;
	if (data.subtitle) meta.subtitle = data.subtitle;
	return {
		filters: {
			category: [data.category],
			theme: [...data.themes],
			year: [yearValue(data)],
			compilation: [data.compilationTitle],
			type: [data.reportType],
		},
		meta,
		sort: { date: dateSortKey(data.date) },
	};
}

/**
 * Attributes of a report known only from a table of contents. It shows, filters and sorts by
 * its compilation's date (`tocOnlyDate`), as the listings show it.
 * @param compilationTitle Title of the compilation that lists it.
 * @param compilationDate That compilation's ISO date, default null (undated).
 */
export function tocOnlyAttributes(
	entry: TocOnlyEntry,
	compilationTitle: string,
	compilationDate: string | null = null,
): PagefindAttributes {
	const dated = tocOnlyDate(compilationDate);
	const meta: Record<string, string> = {
		title: entry.title,
		kind: TOC_ONLY_KIND,
		category: entry.category,
		date: dateLabel(dated),
		compilation: compilationTitle,
	};
	if (entry.unit) meta.unit = entry.unit;
	if (entry.subtitle) meta.subtitle = entry.subtitle;
	return {
		filters: {
			category: [entry.category],
			year: [yearValue(dated)],
			compilation: [compilationTitle],
		},
		meta,
		sort: { date: dateSortKey(dated.date) },
	};
}
