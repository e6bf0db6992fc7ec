/**
 * Format the build report of an ingest run: per source its shape, reports found, TOC-only
 * entries and repairs; every issue as `file:line:col: severity message [rule]` with a hint
 * quoting the raw source line (≤ 40 characters); then one summary line.
 *
 * Doesn’t print; returns lines.
 */
import path from 'node:path';
import type { IngestIssue, IngestResult } from '../../src/lib/ingest/types.ts';

export interface IngestStats {
	sources: number;
	reports: number;
	tocOnly: number;
	warnings: number;
	errors: number;
	seconds: number;
	bytes: number;
}

function quote(line: string | undefined): string | null {
	if (line === undefined) return null;
	const t = line.trim();
	if (!t) return null;
	return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** `ingest: 5 sources, 16 reports, 87 TOC-only entries, 3 warnings (0.4 s)` */
export function summaryLine(s: IngestStats): string {
	const errors = s.errors ? `, ${s.errors} error${s.errors === 1 ? '' : 's'}` : '';
	return `ingest: ${s.sources} source${s.sources === 1 ? '' : 's'}, ${s.reports} report${s.reports === 1 ? '' : 's'}, ${s.tocOnly} TOC-only entr${s.tocOnly === 1 ? 'y' : 'ies'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}${errors} (${s.seconds.toFixed(1)} s)`;
}

/**
 * @param sourceLines Raw lines of each source by file name, for the quoted hints.
 */
export function formatIngestReport(result: IngestResult, issues: readonly IngestIssue[], stats: IngestStats, sourcesDir: string, sourceLines: ReadonlyMap<string, readonly string[]>): string[] {
	const out: string[] = [];
	for (const s of result.catalog.sources) {
		const repairs = Object.entries(s.repairs).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
		out.push(`${s.file}: ${s.shape}, ${s.counts.reports} reports, ${s.counts.tocOnly} TOC-only, repairs: ${repairs}`);
	}
	const sorted = [...issues].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
	for (const i of sorted) {
		const shown = sourceLines.has(i.file) ? path.join(sourcesDir, i.file) : i.file;
		out.push(`${shown}:${i.line}:${i.column}: ${i.severity} ${i.message} [${i.ruleId}]`);
		// A file that could not be decoded has no readable line to quote.
		const hint = i.ruleId.startsWith('decode:') ? null : quote(sourceLines.get(i.file)?.[i.line - 1]);
		if (hint) out.push(`    > ${hint}`);
	}
	out.push(summaryLine(stats));
	return out;
}
