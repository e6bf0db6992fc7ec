/**
 * Validate generated frontmatter against THE schema (`reportSchema`) before anything is written,
 * turning each zod problem into an error issue at the report’s first source line, or, for a
 * field an override set, at that field's line of the overrides file (the override broke it,
 * not the source).
 *
 * @example
 *   `000_….txt:261:1: Invalid frontmatter of report “强素质 促发展…”: **date**: Expected YYYY, YYYY-MM or YYYY-MM-DD`
 *   `content/overrides.yaml:14:3: Invalid frontmatter of report “…” (override of 000-…): **datePrecision**: …`
 *
 * Doesn’t repair anything.
 */
import { reportSchema } from '../../frontmatter.ts';
import type { OverridePlace } from './overrides.ts';
import type { IngestIssue, ReportFrontmatter } from '../types.ts';

/** The override applied to a report: its file, the fields it set, where its keys are. */
export interface AppliedOverride {
	file: string;
	id: string;
	fields: readonly string[];
	placeOf: OverridePlace;
}

export function validateReport(
	frontmatter: unknown,
	file: string,
	line: number,
	override?: AppliedOverride,
): { data: ReportFrontmatter | null; issues: IngestIssue[] } {
	const result = reportSchema.safeParse(frontmatter);
	if (result.success) return { data: result.data, issues: [] };
	const title = (frontmatter as { title?: unknown })?.title;
	const shown =
		typeof title === 'string' && title.length > 60 ? `${title.slice(0, 60)}…` : String(title);
	return {
		data: null,
		issues: result.error.issues.map((issue) => {
			const field = String(issue.path[0] ?? '');
			const blamed = override && override.fields.includes(field) ? override : null;
			const where = blamed
				? { file: blamed.file, ...blamed.placeOf([blamed.id, ...issue.path]) }
				: { file, line, column: 1 };
			return {
				...where,
				ruleId: 'frontmatter:invalid',
				severity: 'error' as const,
				message: `Invalid frontmatter of report “${shown}”${blamed ? ` (override of ${blamed.id})` : ''}: **${issue.path.join('.') || '(root)'}**: ${issue.message}`,
			};
		}),
	};
}
