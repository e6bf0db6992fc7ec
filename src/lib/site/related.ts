/**
 * Reports related to a report: those sharing the most themes, then the same category, then
 * the nearest in date. Only reports with a body (they have a page to link to).
 *
 * Looks candidates up through the theme and category groups instead of scanning every
 * report, so one call costs the size of those groups. Doesn’t read the body text.
 */
import type { ListItem } from './list-item.ts';

export interface RelatedIndex {
	byTheme: ReadonlyMap<string, readonly ListItem[]>;
	byCategory: ReadonlyMap<string, readonly ListItem[]>;
}

/** Index of reports (not TOC-only entries) by theme slug and category slug. */
export function relatedIndex(items: readonly ListItem[]): RelatedIndex {
	const byTheme = new Map<string, ListItem[]>();
	const byCategory = new Map<string, ListItem[]>();
	const add = (map: Map<string, ListItem[]>, key: string, item: ListItem) => {
		const list = map.get(key);
		if (list) list.push(item);
		else map.set(key, [item]);
	};
	for (const item of items) {
		if (item.kind !== 'report') continue;
		add(byCategory, item.category.slug, item);
		for (const theme of item.themes) add(byTheme, theme.slug, item);
	}
	return { byTheme, byCategory };
}

const yearOf = (date: string | null) => (date === null ? Number.NaN : Number(date.slice(0, 4)));

/**
 * @param target The report to find neighbours in meaning for.
 * @param index From `relatedIndex`.
 * @param limit Most reports to return, default 5.
 */
export function relatedReports(target: ListItem, index: RelatedIndex, limit = 5): ListItem[] {
	const score = new Map<ListItem, number>();
	for (const theme of target.themes) {
		for (const item of index.byTheme.get(theme.slug) ?? []) {
			if (item.id !== target.id) score.set(item, (score.get(item) ?? 0) + 2);
		}
	}
	for (const item of index.byCategory.get(target.category.slug) ?? []) {
		if (item.id !== target.id) score.set(item, (score.get(item) ?? 0) + 1);
	}
	const distance = (item: ListItem) => {
		const d = Math.abs(yearOf(item.date) - yearOf(target.date));
		return Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
	};
	return [...score.entries()]
		.sort(([a, sa], [b, sb]) => sb - sa || distance(a) - distance(b) || a.id.localeCompare(b.id))
		.slice(0, limit)
		.map(([item]) => item);
}
