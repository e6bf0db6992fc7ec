/**
 * Chinese labels for the ISO dates of the schema (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
 *
 * Doesn’t parse free text (the ingest does) and doesn’t guess a missing month or day: a date
 * is shown with exactly the precision it has.
 */
import type { ReportFrontmatter } from '../frontmatter.ts';

/** The year key of a date, `undated` for none: also the slug of `/years/<key>/`. */
export function yearKey(date: string | null): string {
	return date === null ? 'undated' : date.slice(0, 4);
}

/**
 * Format an ISO date at its own precision.
 * @example formatIsoDate('2010-08') → '2010年8月'; formatIsoDate('2009-06-05') → '2009年6月5日'
 * @returns '' for null.
 */
export function formatIsoDate(date: string | null): string {
	if (date === null) return '';
	const [y, m, d] = date.split('-');
	let out = `${y}年`;
	if (m) out += `${Number(m)}月`;
	if (d) out += `${Number(d)}日`;
	return out;
}

type Dated = Pick<ReportFrontmatter, 'date' | 'dateSource'>;

/**
 * The date as a reader should see it: `2010年8月`, `收录于 2010年8月` when the date is the
 * compilation's (inherited), `未注明日期` when there is none.
 */
export function dateLabel(data: Dated): string {
	if (data.date === null || data.dateSource === 'none') return '未注明日期';
	const text = formatIsoDate(data.date);
	return data.dateSource === 'compilation' ? `收录于 ${text}` : text;
}

/** Label of a year key: `2010年`, or `未注明日期` for `undated`. */
export function yearLabel(key: string): string {
	return key === 'undated' ? '未注明日期' : `${key}年`;
}
