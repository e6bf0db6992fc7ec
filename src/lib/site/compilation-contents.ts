/**
 * The table of contents of a compilation as the site shows it: the printed TOC in printed
 * order, with section markers and page numbers, each entry linked to its report page or
 * marked as 正文未收录 (the body is not in the source text).
 *
 * A source without a printed TOC (a web collection, a single article) gets its reports in
 * source order. Reports the printed TOC does not list are appended under one marker, so no
 * report is missing from its book. Doesn’t add the site's base to URLs.
 */
import type { ReportFrontmatter, SourceRecord } from '../frontmatter.ts';
import { reportPath } from './routes.ts';

export type ContentsRow =
	| { kind: 'section'; title: string }
	| {
			kind: 'entry';
			title: string;
			subtitle: string | null;
			unit: string | null;
			page: number | null;
			/** Site-relative URL of the report page, or null when 正文未收录. */
			url: string | null;
	  };

/** Marker put before reports found in the text but not listed in the printed TOC. */
const UNLISTED_MARKER = '目录未列出的篇目';

type ReportFields = Pick<
	ReportFrontmatter,
	'id' | 'title' | 'subtitle' | 'unit' | 'tocPage' | 'order'
>;

const entryOf = (r: ReportFields): ContentsRow => ({
	kind: 'entry',
	title: r.title,
	subtitle: r.subtitle,
	unit: r.unit,
	page: r.tocPage,
	url: reportPath(r.id),
});

/**
 * @param source The compilation (its `toc` in printed order).
 * @param reports The reports of this compilation, any order.
 */
export function compilationContents(
	source: Pick<SourceRecord, 'toc'>,
	reports: readonly ReportFields[],
): ContentsRow[] {
	const inOrder = [...reports].sort((a, b) => a.order - b.order);
	if (source.toc.length === 0) return inOrder.map(entryOf);
	const byId = new Map(inOrder.map((r) => [r.id, r]));
	const listed = new Set<string>();
	const rows: ContentsRow[] = source.toc.map((entry) => {
		if (entry.kind === 'section') return { kind: 'section', title: entry.title };
		const report = entry.reportId === null ? undefined : byId.get(entry.reportId);
		if (report) listed.add(report.id);
		return {
			kind: 'entry',
			title: entry.title,
			subtitle: entry.subtitle,
			unit: entry.unit,
			page: entry.page,
			url: report ? reportPath(report.id) : null,
		};
	});
	const unlisted = inOrder.filter((r) => !listed.has(r.id));
	if (unlisted.length > 0)
		rows.push({ kind: 'section', title: UNLISTED_MARKER }, ...unlisted.map(entryOf));
	return rows;
}
