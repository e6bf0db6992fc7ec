/**
 * `/reports/<id>.txt`: one report as plain text (UTF-8 with BOM, CRLF), beside its JSON and
 * linked from the report page: title, facts, then the body's headings and paragraphs.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getKnowledge, getReports, reportBlocks } from '../../content';
import { cacheKey, sharedKey } from '../../lib/site/cache-key';
import { toPlainText } from '../../lib/knowledge/plain-text';
import { reportTextGroups } from '../../lib/knowledge/report-text';
import { reportPath } from '../../lib/site/routes';
import { absoluteUrl, withBase } from '../../lib/site/url';

// Its props are all it shows, and its cache key is their digest (src/lib/site/cache-key.ts).
export const getStaticPaths = (async () => {
	const [reports, { sources }] = await Promise.all([getReports(), getKnowledge()]);
	return reports.map((entry) => {
		const props = { entry, source: sources.get(entry.data.sourceSlug) };
		return {
			params: { id: entry.id },
			props,
			cacheKey: cacheKey({ ...props, source: sharedKey(props.source) }),
		};
	});
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
	const { entry, source } = props as InferGetStaticPropsType<typeof getStaticPaths>;
	const url = absoluteUrl(site, withBase(import.meta.env.BASE_URL, reportPath(entry.id)));
	const text = toPlainText(reportTextGroups(entry.data, source, reportBlocks(entry), url));
	return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
