/**
 * Validate generated frontmatter against THE schema (`reportSchema`) before anything is written,
 * turning each zod problem into an error issue at the report’s first source line.
 *
 * @example
 *   `000_….txt:261:1: Invalid frontmatter of report “强素质 促发展…”: **date**: Expected YYYY, YYYY-MM or YYYY-MM-DD`
 *
 * Doesn’t repair anything.
 */
import { reportSchema } from '../frontmatter.ts';
import type { IngestIssue, ReportFrontmatter } from './types.ts';

export function validateReport(frontmatter: unknown, file: string, line: number): { data: ReportFrontmatter | null; issues: IngestIssue[] } {
	const result = reportSchema.safeParse(frontmatter);
	if (result.success) return { data: result.data, issues: [] };
	const title = (frontmatter as { title?: unknown })?.title;
	return {
		data: null,
		issues: result.error.issues.map((issue) => ({
			file,
			line,
			column: 1,
			ruleId: 'frontmatter:invalid',
			severity: 'error' as const,
			message: `Invalid frontmatter of report “${String(title)}”: **${issue.path.join('.') || '(root)'}**: ${issue.message}`,
		})),
	};
}
