/**
 * `/reports/<id>.json`: one report's full record (frontmatter, URL, pages from the TOC, licence,
 * full text and its anchored blocks), linked from the report page. Compact JSON (one line): the
 * file is for programs, and indentation only added bytes (docs/scale/README.md).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getKnowledge, getReports, reportBlocks, type ReportEntry } from '../../content';
import { fullRecord } from '../../lib/knowledge/report-record';

export const getStaticPaths = (async () => {
	const reports = await getReports();
	return reports.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { entry } = props as { entry: ReportEntry };
	const { sources } = await getKnowledge();
	const blocks = reportBlocks(entry);
	const record = fullRecord(entry.data, sources.get(entry.data.sourceSlug), blocks);
	return new Response(`${JSON.stringify(record)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
