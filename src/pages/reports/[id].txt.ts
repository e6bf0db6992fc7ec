/**
 * `/reports/<id>.txt`: one report as plain text (UTF-8 with BOM, CRLF), beside its JSON and
 * linked from the report page: title, facts, then the body's headings and paragraphs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getKnowledge, getReports, reportBlocks, type ReportEntry } from '../../content';
import { toPlainText } from '../../lib/knowledge/plain-text';
import { reportTextGroups } from '../../lib/knowledge/report-text';
import { absoluteUrl, withBase } from '../../lib/site/url';

export const getStaticPaths = (async () => {
	const reports = await getReports();
	return reports.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
	const { entry } = props as { entry: ReportEntry };
	const { sources } = await getKnowledge();
	const url = absoluteUrl(site, withBase(import.meta.env.BASE_URL, `/reports/${entry.id}/`));
	const text = toPlainText(reportTextGroups(entry.data, sources.get(entry.data.sourceSlug), reportBlocks(entry), url));
	return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
