/**
 * The citation line of a report page, for readers to copy:
 * `单位：《标题——副标题》，2010年8月。载《汇编》，第12页。<URL>`
 *
 * Uses only recorded facts: a missing unit, date or page is left out, never guessed. An
 * inherited (compilation) date is not presented as the report's own. Doesn’t escape HTML.
 */
import type { ReportFrontmatter } from '../frontmatter.ts';
import { formatIsoDate } from './date-label.ts';

type CitationFields = Pick<
	ReportFrontmatter,
	'title' | 'subtitle' | 'unit' | 'author' | 'date' | 'dateSource' | 'compilationTitle' | 'tocPage'
>;

/**
 * @param data The report's frontmatter.
 * @param url Absolute URL of the report page.
 */
export function citationLine(data: CitationFields, url: string): string {
	const who = [data.unit, data.author].filter((x): x is string => x !== null).join('，');
	let line = who ? `${who}：` : '';
	line += `《${data.title}${data.subtitle ?? ''}》`;
	if (data.date !== null && data.dateSource === 'report') line += `，${formatIsoDate(data.date)}`;
	line += `。载《${data.compilationTitle}》`;
	if (data.date !== null && data.dateSource === 'compilation') line += `（${formatIsoDate(data.date)}）`;
	if (data.tocPage !== null) line += `，第${data.tocPage}页`;
	return `${line}。${url}`;
}
