/**
 * The on-page table of contents of a report: its headings down to `maxDepth`, each with the
 * depth relative to the shallowest heading shown (0 = top level), for indentation.
 *
 * Doesn’t make ids: they come from the renderer (`h-<hash>`), so links match the page.
 */
import type { ReportHeading } from '../frontmatter.ts';

export interface TocLine {
	slug: string;
	text: string;
	level: number;
}

/**
 * @param headings In page order.
 * @param maxDepth Deepest heading level listed, default 3 (`h3`).
 * @returns [] when fewer than two headings would be listed (a TOC of one line helps nobody).
 */
export function pageToc(headings: readonly ReportHeading[], maxDepth = 3): TocLine[] {
	const shown = headings.filter((h) => h.depth <= maxDepth && h.text.trim() !== '');
	if (shown.length < 2) return [];
	const top = Math.min(...shown.map((h) => h.depth));
	return shown.map((h) => ({ slug: h.slug, text: h.text, level: h.depth - top }));
}
