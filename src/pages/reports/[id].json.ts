/**
 * `/reports/<id>.json`: one report's full record (frontmatter, URL, pages from the TOC, licence,
 * full text and its anchored blocks), linked from the report page. Compact JSON (one line): the
 * file is for programs, and indentation only added bytes (docs/scale/README.md).
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getKnowledge, getReports, reportBlocks } from '../../content';
import { cacheKey, sharedKey } from '../../lib/site/cache-key';
import { fullRecord } from '../../lib/knowledge/report-record';

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

export const GET: APIRoute = async ({ props }) => {
	const { entry, source } = props as InferGetStaticPropsType<typeof getStaticPaths>;
	const blocks = reportBlocks(entry);
	const record = fullRecord(entry.data, source, blocks);
	return new Response(`${JSON.stringify(record)}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
