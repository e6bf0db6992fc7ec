/** `/data/reports.jsonl`: one JSON object per line and report, with its full text. */
import type { APIRoute } from 'astro';
import { getKnowledge, getReports } from '../../content';
import { fullRecord, jsonlLine } from '../../lib/knowledge/report-record';

export const GET: APIRoute = async () => {
	const [reports, { blocks, sources }] = await Promise.all([getReports(), getKnowledge()]);
	const lines = reports.map((r) => jsonlLine(fullRecord(r.data, sources.get(r.data.sourceSlug), blocks.get(r.id) ?? [])));
	return new Response(lines.map((l) => `${l}\n`).join(''), { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
};
