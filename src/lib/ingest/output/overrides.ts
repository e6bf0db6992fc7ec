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

/** A problem of one override key: its path in the file, its rule and its message. */
interface Problem {
	path: PropertyKey[];
	ruleId: string;
	message: string;
}

/** The labels and slugs of the vocabulary's categories and themes. */
interface VocabularySets {
	labels: Set<string>;
	slugs: Set<string>;
	themeLabels: Set<string>;
	themeSlugs: Set<string>;
}

type FieldSchemas = Record<
	string,
	{
		safeParse(v: unknown): {
			success: boolean;
			error?: { issues: Array<{ message: string; path: PropertyKey[] }> };
		};
	}
>;

/**
 * The problems of a field by itself: an `id`, an unknown field, a value that breaks the field's
 * schema (one per schema issue); none when the field may be set to the value.
 */
function fieldProblems(id: string, field: string, value: unknown): Problem[] {
	if (field === 'id')
		return [
			{
				path: [id, field],
				ruleId: 'override:id',
				message: `Override of “${id}” sets \`id\`: ids are derived from the source and can't be overridden (two reports with one id overwrite each other's page). Remove the \`id\` line.`,
			},
		];
	const expected = FIELDS.join(', ');
	if (!FIELDS.includes(field))
		return [
			{
				path: [id, field],
				ruleId: 'override:unknown-field',
				message: `Override of “${id}”: unknown field \`${field}\`. Expected one of: ${expected}.`,
			},
		];
	const checked = (reportSchema.shape as FieldSchemas)[field]!.safeParse(value);
	if (checked.success) return [];
	return (checked.error?.issues ?? []).map((p) => ({
		path: [id, field, ...p.path],
		ruleId: 'override:invalid',
		message: `Override of “${id}”: **${[field, ...p.path].join('.')}**: ${p.message}`,
	}));
}

/** A `category`, `categorySlug`, `themes` or `themeSlugs` value that is not in the vocabulary. */
function vocabularyProblems(
	id: string,
	field: string,
	value: unknown,
	sets: VocabularySets,
): Problem[] {
	const problem = (path: PropertyKey[], message: string): Problem => ({
		path,
		ruleId: 'override:vocabulary',
		message: `Override of “${id}”: ${message}`,
	});
	const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
	const out: Problem[] = [];
	if (field === 'category' && !sets.labels.has(value as string))
		out.push(
			problem(
				[id, field],
				`category “${String(value)}” is not in the vocabulary. Expected one of: ${[...sets.labels].join(', ')}.`,
			),
		);
	if (field === 'categorySlug' && !sets.slugs.has(value as string))
		out.push(
			problem(
				[id, field],
				`categorySlug “${String(value)}” is not in the vocabulary. Expected one of: ${[...sets.slugs].join(', ')}.`,
			),
		);
	if (field === 'themes')
		list(value).forEach((t, i) => {
			if (!sets.themeLabels.has(t as string))
				out.push(
					problem(
						[id, field, i],
						`theme “${String(t)}” is not in the vocabulary. Expected labels of content/vocabulary.yaml themes.`,
					),
				);
		});
	if (field === 'themeSlugs')
		list(value).forEach((t, i) => {
			if (!sets.themeSlugs.has(t as string))
				out.push(
					problem(
						[id, field, i],
						`theme slug “${String(t)}” is not in the vocabulary. Expected one of: ${[...sets.themeSlugs].join(', ')}.`,
					),
				);
		});
	return out;
}

/** A `categorySlug` set beside a `category` whose slug it is not. */
function slugMismatch(
	id: string,
	fields: unknown,
	vocab: Vocabulary,
	labels: ReadonlySet<string>,
): Problem | null {
	const f = fields as Record<string, unknown>;
	if (
		typeof f.category === 'string' &&
		typeof f.categorySlug === 'string' &&
		labels.has(f.category) &&
		vocab.categories.find((c) => c.label === f.category)?.slug !== f.categorySlug
	)
		return {
			path: [id, 'categorySlug'],
			ruleId: 'override:vocabulary',
			message: `Override of “${id}”: categorySlug “${f.categorySlug}” is not the slug of category “${f.category}”. Remove it (it follows the category).`,
		};
	return null;
}

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
	const sets: VocabularySets = {
		labels: new Set(vocab.categories.map((c) => c.label)),
		slugs: new Set(vocab.categories.map((c) => c.slug)),
		themeLabels: new Set(vocab.themes.map((t) => t.label)),
		themeSlugs: new Set(vocab.themes.map((t) => t.slug)),
	};
	const problems: Problem[] = [];
	for (const [id, fields] of Object.entries(overrides ?? {})) {
		for (const [field, value] of Object.entries(fields ?? {})) {
			const own = fieldProblems(id, field, value);
			problems.push(...(own.length ? own : vocabularyProblems(id, field, value, sets)));
		}
		const mismatch = slugMismatch(id, fields, vocab, sets.labels);
		if (mismatch) problems.push(mismatch);
	}
	return problems.map(({ path, ruleId, message }) => ({
		file,
		...placeOf(path),
		ruleId,
		severity: 'error',
		message,
	}));
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
