/**
 * Apply curator overrides (`content/overrides.yaml`: report id → fields) to report frontmatter,
 * and check them on their own first (`checkOverrides`).
 *
 * A label change carries its slug along (`category` → `categorySlug`, `themes` → `themeSlugs`,
 * looked up in the vocabulary); a new `date` sets `datePrecision` from its form. An override
 * for an id that doesn’t exist is a warning. `applyOverride` never changes a report's `id`.
 * Doesn’t validate the whole result (the caller does, with `reportSchema`).
 */
import { datePrecisionOf, reportSchema } from '../../frontmatter.ts';
import type { IngestIssue, Overrides, ReportFrontmatter, Vocabulary } from '../types.ts';

/** Where a key of the overrides file is (`[id, field]` or `[id, field, index]`). */
export type OverridePlace = (path: readonly PropertyKey[]) => { line: number; column: number };

/** Fields an override may set: every field of `reportSchema` except `id`. */
const FIELDS = Object.keys(reportSchema.shape).filter((f) => f !== 'id');

/**
 * Errors in the overrides file itself, each at the line:column of its key: an `id` field (ids are
 * derived from the source, docs/ingest-spec.md §2: two reports with one id would overwrite a page), an
 * unknown field, a value that breaks the field's schema, and a `category`, `categorySlug`,
 * `themes` or `themeSlugs` value that is not in the vocabulary.
 *
 * Doesn’t check cross-field rules (themes vs themeSlugs length, date vs datePrecision): those are
 * checked on the overridden report, and blamed on the override's line (`validate.ts`).
 */
export function checkOverrides(
	overrides: Overrides,
	vocab: Vocabulary,
	file: string,
	placeOf: OverridePlace,
): IngestIssue[] {
	const issues: IngestIssue[] = [];
	const at = (path: PropertyKey[], ruleId: string, message: string) =>
		issues.push({ file, ...placeOf(path), ruleId, severity: 'error', message });
	const labels = new Set(vocab.categories.map((c) => c.label));
	const slugs = new Set(vocab.categories.map((c) => c.slug));
	const themeLabels = new Set(vocab.themes.map((t) => t.label));
	const themeSlugs = new Set(vocab.themes.map((t) => t.slug));
	const shape = reportSchema.shape as Record<
		string,
		{
			safeParse(v: unknown): {
				success: boolean;
				error?: { issues: Array<{ message: string; path: PropertyKey[] }> };
			};
		}
	>;
	for (const [id, fields] of Object.entries(overrides ?? {})) {
		for (const [field, value] of Object.entries(fields ?? {})) {
			if (field === 'id') {
				at(
					[id, field],
					'override:id',
					`Override of “${id}” sets \`id\`: ids are derived from the source and can't be overridden (two reports with one id overwrite each other's page). Remove the \`id\` line.`,
				);
				continue;
			}
			if (!FIELDS.includes(field)) {
				at(
					[id, field],
					'override:unknown-field',
					`Override of “${id}”: unknown field \`${field}\`. Expected one of: ${FIELDS.join(', ')}.`,
				);
				continue;
			}
			const checked = shape[field]!.safeParse(value);
			if (!checked.success) {
				for (const p of checked.error?.issues ?? [])
					at(
						[id, field, ...p.path],
						'override:invalid',
						`Override of “${id}”: **${[field, ...p.path].join('.')}**: ${p.message}`,
					);
				continue;
			}
			const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
			if (field === 'category' && !labels.has(value as string))
				at(
					[id, field],
					'override:vocabulary',
					`Override of “${id}”: category “${String(value)}” is not in the vocabulary. Expected one of: ${[...labels].join(', ')}.`,
				);
			if (field === 'categorySlug' && !slugs.has(value as string))
				at(
					[id, field],
					'override:vocabulary',
					`Override of “${id}”: categorySlug “${String(value)}” is not in the vocabulary. Expected one of: ${[...slugs].join(', ')}.`,
				);
			if (field === 'themes')
				list(value).forEach(
					(t, i) =>
						themeLabels.has(t as string) ||
						at(
							[id, field, i],
							'override:vocabulary',
							`Override of “${id}”: theme “${String(t)}” is not in the vocabulary. Expected labels of content/vocabulary.yaml themes.`,
						),
				);
			if (field === 'themeSlugs')
				list(value).forEach(
					(t, i) =>
						themeSlugs.has(t as string) ||
						at(
							[id, field, i],
							'override:vocabulary',
							`Override of “${id}”: theme slug “${String(t)}” is not in the vocabulary. Expected one of: ${[...themeSlugs].join(', ')}.`,
						),
				);
		}
		const f = fields as Record<string, unknown>;
		if (
			typeof f.category === 'string' &&
			typeof f.categorySlug === 'string' &&
			labels.has(f.category) &&
			vocab.categories.find((c) => c.label === f.category)?.slug !== f.categorySlug
		) {
			at(
				[id, 'categorySlug'],
				'override:vocabulary',
				`Override of “${id}”: categorySlug “${f.categorySlug}” is not the slug of category “${f.category}”. Remove it (it follows the category).`,
			);
		}
	}
	return issues;
}

/**
 * @param reports Frontmatter objects (changed in place).
 * @param overrides Parsed overrides.
 * @param file Name of the overrides file, for issues.
 * @returns Warnings for unknown ids.
 */
export function applyOverrides(
	reports: ReportFrontmatter[],
	overrides: Overrides,
	vocab: Vocabulary,
	file = 'content/overrides.yaml',
): IngestIssue[] {
	for (const report of reports) applyOverride(report, overrides, vocab);
	return unknownOverrides(new Set(reports.map((r) => r.id)), overrides, file);
}

/**
 * Warnings for override ids that match no report, each at the id's own line of the overrides
 * file when `lines` gives it (else line 1).
 */
export function unknownOverrides(
	ids: ReadonlySet<string>,
	overrides: Overrides,
	file = 'content/overrides.yaml',
	lines: Readonly<Record<string, number>> = {},
): IngestIssue[] {
	return Object.keys(overrides ?? {})
		.filter((id) => !ids.has(id))
		.map((id) => ({
			file,
			line: Object.hasOwn(lines, id) ? lines[id]! : 1,
			column: 1,
			ruleId: 'override:unknown-id',
			severity: 'warning' as const,
			message: `Override for unknown report id “${id}”: no report has this id any more. Remove or update the entry.`,
		}));
}

/**
 * Apply the override of one report, if any (changes it in place).
 * @returns The fields it set, with those derived from them (`datePrecision` from `date`, …).
 */
export function applyOverride(
	report: ReportFrontmatter,
	overrides: Overrides,
	vocab: Vocabulary,
): string[] {
	const fields = Object.hasOwn(overrides ?? {}, report.id) ? overrides[report.id] : undefined;
	if (fields) {
		const patch: Record<string, unknown> = { ...fields };
		// checkOverrides refuses it; never let a report take another one's id (and page).
		delete patch.id;
		if (typeof patch.category === 'string' && patch.categorySlug === undefined) {
			const cat = vocab.categories.find((c) => c.label === patch.category);
			if (cat) patch.categorySlug = cat.slug;
		}
		if (Array.isArray(patch.themes) && patch.themeSlugs === undefined) {
			patch.themeSlugs = (patch.themes as string[]).map(
				(t) => vocab.themes.find((x) => x.label === t)?.slug ?? t,
			);
		}
		if ('date' in patch && patch.datePrecision === undefined) {
			patch.datePrecision = datePrecisionOf(typeof patch.date === 'string' ? patch.date : null);
			if (patch.dateSource === undefined)
				patch.dateSource =
					typeof patch.date === 'string'
						? report.dateSource === 'none'
							? 'report'
							: report.dateSource
						: 'none';
		}
		Object.assign(report, patch);
		return Object.keys(patch);
	}
	return [];
}
