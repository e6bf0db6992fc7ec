/**
 * Format the build report of an ingest run: per source its shape, reports found, TOC-only
 * entries and repairs, then where its lines went (reports, front matter, TOC, frame, repairs,
 * unassigned) and how many TOC entries were matched loosely; every issue as `file:line:col: severity message [rule]` with a hint
 * quoting the raw source line (≤ 40 characters); then one summary line.
 *
 * Doesn’t print; returns lines.
 */
import path from 'node:path';
import type { IngestIssue, IngestResult } from '../../src/lib/ingest/types.ts';
import type { LineAccount } from '../../src/lib/ingest/structure/account-lines.ts';

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

/** `  lines: 57 in reports, 8 front matter, 9 TOC, 3 frame, 1 repaired, 0 unassigned; TOC: 2 matched loosely` */
function accountLine(account: LineAccount, loose: number): string {
	const placed = `${account.report.length} in reports, ${account.front.length + account.preface.length} front matter, ${account.toc.length} TOC, ${account.frame.length} frame, ${account.repair.length} repaired`;
	return `  lines: ${placed}, ${account.kept.length} unassigned (kept in a report)${account.unassigned.length ? `, ${account.unassigned.length} in no report` : ''}; TOC: ${loose} matched loosely`;
}

/**
 * @param sourceLines Raw lines of each source by file name, for the quoted hints.
 * @param accounts Where each source's lines went (see `account-lines.ts`), by file name.
 */
export function formatIngestReport(
	result: IngestResult,
	issues: readonly IngestIssue[],
	stats: IngestStats,
	sourcesDir: string,
	sourceLines: ReadonlyMap<string, readonly string[]>,
	accounts: ReadonlyMap<string, LineAccount> = new Map(),
): string[] {
	const out: string[] = [];
	for (const s of result.catalog.sources) {
		const repairs =
			Object.entries(s.repairs)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ') || 'none';
		out.push(
			`${s.file}: ${s.shape}, ${s.counts.reports} reports, ${s.counts.tocOnly} TOC-only, repairs: ${repairs}`,
		);
		const account = accounts.get(s.file);
		if (account) {
			const loose = issues.filter(
				(i) => i.file === s.file && i.ruleId === 'toc:loose-match',
			).length;
			out.push(accountLine(account, loose));
		}
	}
	const sorted = [...issues].sort((a, b) =>
		a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1,
	);
	for (const i of sorted) {
		const shown = sourceLines.has(i.file) ? path.join(sourcesDir, i.file) : i.file;
		out.push(`${shown}:${i.line}:${i.column}: ${i.severity} ${i.message} [${i.ruleId}]`);
		// A file that could not be decoded has no readable line to quote.
		const hint = i.ruleId.startsWith('decode:')
			? null
			: quote(sourceLines.get(i.file)?.[i.line - 1]);
		if (hint) out.push(`    > ${hint}`);
	}
	out.push(summaryLine(stats));
	return out;
}
