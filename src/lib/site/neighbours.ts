/**
 * Previous and next report of each report in its compilation's order, for the links at the
 * foot of a report page. Doesn’t cross from one compilation into another, and skips TOC-only
 * entries (they have no page).
 */
import type { ReportFrontmatter } from '../frontmatter.ts';

type Ordered = Pick<ReportFrontmatter, 'id' | 'sourceSlug' | 'order'>;

export interface Neighbours<T> {
	prev: T | null;
	next: T | null;
}

/** Map of report id → its neighbours, computed in one pass over all reports (any order). */
export function neighbourMap<T extends Ordered>(reports: readonly T[]): Map<string, Neighbours<T>> {
	const sorted = [...reports].sort(
		(a, b) => a.sourceSlug.localeCompare(b.sourceSlug) || a.order - b.order,
	);
	const map = new Map<string, Neighbours<T>>();
	sorted.forEach((report, i) => {
		const prev = sorted[i - 1];
		const next = sorted[i + 1];
		map.set(report.id, {
			prev: prev && prev.sourceSlug === report.sourceSlug ? prev : null,
			next: next && next.sourceSlug === report.sourceSlug ? next : null,
		});
	});
	return map;
}
