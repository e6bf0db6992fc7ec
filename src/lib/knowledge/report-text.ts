/**
 * A report as plain text (`/reports/<id>.txt`): title and subtitle, a block of facts
 * (unit, author, date, source with pages, licence when declared, the page's address when the
 * site has one), then every heading and paragraph of the rendered body, one per block.
 *
 * The body is the same `readBodyBlocks` text as the JSON and JSONL downloads, so the three agree.
 * Doesn’t serialise (see `toPlainText`) and doesn’t invent: unknown facts are left out.
 *
 * @example
 * 创建学习型机关
 * ——市财政局经验材料
 *
 * 单位：市财政局
 * 日期：收录于 2010年12月
 * 出处：《经验汇编》，第 4-5 页
 *
 * 一、主要做法
 *
 * 我局……
 */
import type { ReportFrontmatter, SourceRecord } from '../frontmatter.ts';
import { dateLabel } from '../site/date-label.ts';
import type { RenderedBlock } from './rendered-blocks.ts';
import { formatPages, pageRange } from './page-range.ts';
import { declaredLicence } from './report-record.ts';

type Source = Pick<SourceRecord, 'toc' | 'licence'>;

/**
 * @param data The report's frontmatter.
 * @param source Its compilation record (pages from its TOC, its licence), if known.
 * @param blocks The rendered body's blocks.
 * @param url The report page's absolute URL, or null to leave it out (a build without `--site`).
 * @returns Groups of lines for `toPlainText`.
 */
export function reportTextGroups(
	data: ReportFrontmatter,
	source: Source | undefined,
	blocks: readonly RenderedBlock[],
	url: string | null,
): string[][] {
	const range = source ? pageRange(source.toc, data.id) : null;
	const page = range
		? `，第 ${formatPages(range)} 页`
		: data.tocPage !== null
			? `，第 ${data.tocPage} 页`
			: '';
	const where = `《${data.compilationTitle}》${page}`;
	const facts: Array<[string, string | null]> = [
		['单位', data.unit],
		['作者', data.author],
		['日期', dateLabel(data)],
		['出处', where],
		['许可', declaredLicence(source)],
		['网址', url],
	];
	return [
		[data.title, data.subtitle ?? ''],
		facts
			.filter((f): f is [string, string] => f[1] !== null && f[1] !== '')
			.map(([k, v]) => `${k}：${v}`),
		...blocks.map((b) => [b.text]),
	];
}
