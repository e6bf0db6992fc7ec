/** `/data/reports.csv`: one row of metadata per report (UTF-8 with BOM, RFC 4180 quoting). */
import type { APIRoute } from 'astro';
import { getKnowledge, getReports } from '../../content';
import { toCsv } from '../../lib/knowledge/csv';
import { CSV_FIELDS, csvRow } from '../../lib/knowledge/report-record';

export const GET: APIRoute = async () => {
	const [reports, { sources }] = await Promise.all([getReports(), getKnowledge()]);
	const rows = reports.map((r) => csvRow(r.data, sources.get(r.data.sourceSlug)));
	return new Response(toCsv(CSV_FIELDS, rows), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
