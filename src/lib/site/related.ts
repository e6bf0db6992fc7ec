/**
 * Reports related to a report: those sharing the most themes, then the same category, then
 * the nearest in date, then by id. Only reports with a body (they have a page to link to).
 *
 * Reports with the same category and the same themes score the same from any target, so the
 * index groups them by that signature and, inside a group, by year (ids sorted). A call scores
 * the groups reached through the target's themes and category, then takes at most `limit`
 * reports from each (score, year distance) bucket: its cost is the number of groups and years
 * reached, not the number of reports. Doesn’t read the body text.
 */
import type { ListItem } from './list-item.ts';

interface Group {
	categorySlug: string;
	/** Theme slug → times it appears in the group's theme list. */
	themes: ReadonlyMap<string, number>;
	/** Year (NaN for undated) → reports of the group, by id. */
	byYear: ReadonlyMap<number, readonly ListItem[]>;
}

export interface RelatedIndex {
	byTheme: ReadonlyMap<string, readonly Group[]>;
	byCategory: ReadonlyMap<string, readonly Group[]>;
}

const yearOf = (date: string | null) => (date === null ? Number.NaN : Number(date.slice(0, 4)));
const byId = (a: ListItem, b: ListItem) => a.id.localeCompare(b.id);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** Index of reports (not TOC-only entries) by (category, theme list) signature. */
export function relatedIndex(items: readonly ListItem[]): RelatedIndex {
	const bySignature = new Map<string, ListItem[]>();
	for (const item of items) {
		if (item.kind !== 'report') continue;
		const themes = item.themes.map((t) => t.slug).sort();
		push(bySignature, JSON.stringify([item.category.slug, themes]), item);
	}
	const byTheme = new Map<string, Group[]>();
	const byCategory = new Map<string, Group[]>();
	for (const members of bySignature.values()) {
		const first = members[0]!;
		const themes = new Map<string, number>();
		for (const theme of first.themes) themes.set(theme.slug, (themes.get(theme.slug) ?? 0) + 1);
		const byYear = new Map<number, ListItem[]>();
		for (const item of members) push(byYear, yearOf(item.date), item);
		for (const list of byYear.values()) list.sort(byId);
		const group: Group = { categorySlug: first.category.slug, themes, byYear };
		push(byCategory, group.categorySlug, group);
		for (const slug of themes.keys()) push(byTheme, slug, group);
	}
	return { byTheme, byCategory };
}

/**
 * @param target The report to find neighbours in meaning for.
 * @param index From `relatedIndex`.
 * @param limit Most reports to return, default 5.
 */
export function relatedReports(target: ListItem, index: RelatedIndex, limit = 5): ListItem[] {
	// 2 per shared theme (counted as often as it is listed on both sides), 1 for the category
	const reached = new Set<Group>(index.byCategory.get(target.category.slug) ?? []);
	for (const theme of target.themes)
		for (const g of index.byTheme.get(theme.slug) ?? []) reached.add(g);
	const targetYear = yearOf(target.date);
	const buckets: { score: number; distance: number; items: readonly ListItem[] }[] = [];
	for (const group of reached) {
		let score = group.categorySlug === target.category.slug ? 1 : 0;
		for (const theme of target.themes) score += 2 * (group.themes.get(theme.slug) ?? 0);
		for (const [year, items] of group.byYear) {
			const d = Math.abs(year - targetYear);
			buckets.push({ score, distance: Number.isNaN(d) ? Number.POSITIVE_INFINITY : d, items });
		}
	}
	buckets.sort((a, b) => b.score - a.score || a.distance - b.distance);
	const out: ListItem[] = [];
	for (let i = 0; i < buckets.length && out.length < limit;) {
		// one (score, distance) class: merge the first few of each bucket by id
		const { score, distance } = buckets[i]!;
		const need = limit - out.length;
		const merged: ListItem[] = [];
		for (
			;
			i < buckets.length && buckets[i]!.score === score && buckets[i]!.distance === distance;
			i++
		) {
			let taken = 0;
			for (const item of buckets[i]!.items) {
				if (taken === need) break;
				if (item.id === target.id) continue;
				merged.push(item);
				taken++;
			}
		}
		out.push(...merged.sort(byId).slice(0, need));
	}
	return out;
}
