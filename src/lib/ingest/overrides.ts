/**
 * Apply curator overrides (`content/overrides.yaml`: report id → fields) to report frontmatter.
 *
 * A label change carries its slug along (`category` → `categorySlug`, `themes` → `themeSlugs`,
 * looked up in the vocabulary); a new `date` sets `datePrecision` from its form. An override
 * for an id that doesn’t exist is a warning. Doesn’t validate the result (the caller does).
 */
import type { IngestIssue, Overrides, ReportFrontmatter, Vocabulary } from './types.ts';

function precisionOf(date: string): 'day' | 'month' | 'year' {
	return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/**
 * @param reports Frontmatter objects (changed in place).
 * @param overrides Parsed overrides.
 * @param file Name of the overrides file, for issues.
 * @returns Warnings for unknown ids.
 */
export function applyOverrides(reports: ReportFrontmatter[], overrides: Overrides, vocab: Vocabulary, file = 'content/overrides.yaml'): IngestIssue[] {
	for (const report of reports) applyOverride(report, overrides, vocab);
	return unknownOverrides(new Set(reports.map((r) => r.id)), overrides, file);
}

/**
 * Warnings for override ids that match no report, each at the id's own line of the overrides
 * file when `lines` gives it (else line 1).
 */
export function unknownOverrides(ids: ReadonlySet<string>, overrides: Overrides, file = 'content/overrides.yaml', lines: Readonly<Record<string, number>> = {}): IngestIssue[] {
	return Object.keys(overrides ?? {})
		.filter((id) => !ids.has(id))
		.map((id) => ({ file, line: Object.hasOwn(lines, id) ? lines[id]! : 1, column: 1, ruleId: 'override:unknown-id', severity: 'warning' as const, message: `Override for unknown report id “${id}”: no report has this id any more. Remove or update the entry.` }));
}

/** Apply the override of one report, if any (changes it in place). */
export function applyOverride(report: ReportFrontmatter, overrides: Overrides, vocab: Vocabulary): void {
	const fields = Object.hasOwn(overrides ?? {}, report.id) ? overrides[report.id] : undefined;
	if (fields) {
		const patch: Record<string, unknown> = { ...fields };
		if (typeof patch.category === 'string' && patch.categorySlug === undefined) {
			const cat = vocab.categories.find((c) => c.label === patch.category);
			if (cat) patch.categorySlug = cat.slug;
		}
		if (Array.isArray(patch.themes) && patch.themeSlugs === undefined) {
			patch.themeSlugs = (patch.themes as string[]).map((t) => vocab.themes.find((x) => x.label === t)?.slug ?? t);
		}
		if ('date' in patch && patch.datePrecision === undefined) {
			patch.datePrecision = typeof patch.date === 'string' ? precisionOf(patch.date) : 'none';
			if (patch.dateSource === undefined) patch.dateSource = typeof patch.date === 'string' ? (report.dateSource === 'none' ? 'report' : report.dateSource) : 'none';
		}
		Object.assign(report, patch);
	}
}
