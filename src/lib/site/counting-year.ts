/**
 * THE counting rule of the site: in which year an entry is counted, on `/years/`, on the
 * statistics page and in the search page's year filter, and which date a TOC-only entry shows.
 *
 * Every entry counts — a report with a body and an entry known only from a table of contents
 * (正文未收录) alike — in the year of the date it shows: the report's own sign-off date; else
 * the date of the compilation that prints it (shown as “收录于 …”); with neither, it counts as
 * 未注明日期. A TOC-only entry has no sign-off, so it always takes its compilation's date.
 *
 * Doesn’t format dates (`dateLabel` does) and doesn’t group (`groupByYear` does).
 */
import type { ReportFrontmatter } from '../frontmatter.ts';

type Dated = Pick<ReportFrontmatter, 'date' | 'dateSource'>;

/** The rule in one sentence, as the pages state it. */
export const COUNTING_RULE =
	'计数规则：每篇按其显示的日期计入年份——报告有落款日期的按落款日期；没有的按所收汇编的日期（标“收录于”）；仅见于汇编目录、正文未收录的条目同样按汇编日期计入；两者皆无的计入“未注明日期”。';

/** Year key of the undated (also the slug of `/years/undated/`). */
export const UNDATED_KEY = 'undated';

/**
 * The date a TOC-only entry shows and counts by: its compilation's.
 * @param compilationDate The compilation's ISO date, or null.
 */
export function tocOnlyDate(compilationDate: string | null): Dated {
	return compilationDate === null
		? { date: null, dateSource: 'none' }
		: { date: compilationDate, dateSource: 'compilation' };
}

/**
 * The year an entry counts in.
 * @example countingYear({ date: '2010-12', dateSource: 'compilation' }) → '2010'
 * @returns `YYYY`, or `undated` when the entry shows no date.
 */
export function countingYear(entry: Dated): string {
	return entry.date === null || entry.dateSource === 'none' ? UNDATED_KEY : entry.date.slice(0, 4);
}
