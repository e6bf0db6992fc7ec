/**
 * `/data/reports.jsonl`: one JSON object per line and report, with its full text.
 * Streamed one report at a time (each body read when its line is due), so the file is held once,
 * as the bytes Astro writes, not also as every report's text and line.
 */
import type { APIRoute } from 'astro';
import { getKnowledge, getReports, reportBlocks } from '../../content';
import { fullRecord, jsonlLine } from '../../lib/knowledge/report-record';

export const GET: APIRoute = async () => {
	const [reports, { sources }] = await Promise.all([getReports(), getKnowledge()]);
	const encoder = new TextEncoder();
	let next = 0;
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const r = reports[next++];
			if (!r) return controller.close();
			const line = jsonlLine(fullRecord(r.data, sources.get(r.data.sourceSlug), reportBlocks(r)));
			controller.enqueue(encoder.encode(`${line}\n`));
		},
	});
	return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
};
