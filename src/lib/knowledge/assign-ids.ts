/**
 * Put the registry's ids on the reports of one ingested source, before overrides are applied
 * and pages written: each report's id, and the TOC rows that point at it. Returns what the
 * registry keeps of each report (`update-registry.ts` writes it back after the run).
 *
 * Without a matcher (no registry: `ingestAll()` in tests and tools) the ids stay the ones the
 * source gives (`uniqueIds`: title, subtitle and unit), and the entries are still returned.
 * Doesn't apply overrides and doesn't validate.
 */
import type { SourceDraft } from '../ingest/draft-source.ts';
import type { IdCandidate } from './match-ids.ts';
import type { RunReport } from './update-registry.ts';
import { textSignature } from './text-signature.ts';

/** Ids for the reports of `source`, in order (`matchIds` bound to a registry). */
export type IdMatcher = (source: string, reports: readonly IdCandidate[]) => string[];

/**
 * A report as the registry keeps it, with the id its source alone gives (to re-check a cached
 * output).
 */
export type IdEntry = RunReport & { naturalId: string };

export function assignIds(draft: SourceDraft, match?: IdMatcher): IdEntry[] {
	const file = draft.source.file;
	const candidates: IdCandidate[] = draft.reports.map(({ frontmatter: fm, text }) => ({
		naturalId: fm.id,
		order: fm.order,
		title: fm.title,
		unit: fm.unit,
		text: textSignature(text),
	}));
	const ids = match ? match(file, candidates) : candidates.map((c) => c.naturalId);
	const renamed = new Map<string, string>();
	draft.reports.forEach((r, i) => {
		if (r.frontmatter.id !== ids[i]) renamed.set(r.frontmatter.id, ids[i]!);
		r.frontmatter.id = ids[i]!;
	});
	if (renamed.size)
		for (const row of draft.source.toc)
			if (row.reportId !== null && renamed.has(row.reportId))
				row.reportId = renamed.get(row.reportId)!;
	return candidates.map((c, i) => ({
		id: ids[i]!,
		naturalId: c.naturalId,
		source: file,
		order: c.order,
		title: c.title,
		unit: c.unit,
		text: c.text,
	}));
}
