/**
 * Group listing items into the browsing facets of the site: categories, themes, units and
 * years. Each group's items are sorted by date (newest first); groups come in the order their
 * index page shows them.
 *
 * Doesn’t decide which items enter a facet beyond the rules stated per function, and doesn’t
 * paginate (see `paginate`).
 */
import { countingYear } from './counting-year.ts';
import { yearLabel } from './date-label.ts';
import type { ListItem } from './list-item.ts';
import { sortByDate } from './sort-items.ts';

export interface Group {
	slug: string;
	label: string;
	/** Tells apart groups with one label (the compilation of a generic unit name), or null. */
	note: string | null;
	items: ListItem[];
	/** Items with a body (excludes 正文未收录). */
	reportCount: number;
}

const collator = new Intl.Collator('zh-CN');

function collect(
	items: readonly ListItem[],
	keys: (item: ListItem) => Array<{ slug: string; label: string }>,
): Group[] {
	const groups = new Map<string, Group>();
	for (const item of items) {
		for (const { slug, label } of keys(item)) {
			let group = groups.get(slug);
			if (!group)
				groups.set(slug, (group = { slug, label, note: null, items: [], reportCount: 0 }));
			group.items.push(item);
			if (item.kind === 'report') group.reportCount++;
		}
	}
	return [...groups.values()].map((g) => ({ ...g, items: sortByDate(g.items) }));
}

const bySize = (a: Group, b: Group) =>
	b.items.length - a.items.length || collator.compare(a.label, b.label);

/** Categories of reports and TOC-only entries, largest first. */
export function groupByCategory(items: readonly ListItem[]): Group[] {
	return collect(items, (i) => [i.category]).sort(bySize);
}

/** Themes of reports (TOC-only entries have none), largest first. */
export function groupByTheme(items: readonly ListItem[]): Group[] {
	return collect(items, (i) => i.themes).sort(bySize);
}

/**
 * Units with a page (named, not anonymised), reports and TOC-only entries, in Chinese collation
 * order. A name found in several compilations is several units; each gets its compilation as
 * `note`.
 */
export function groupByUnit(items: readonly ListItem[]): Group[] {
	const groups = collect(items, (i) =>
		i.unit !== null && i.unitSlug !== null ? [{ slug: i.unitSlug, label: i.unit }] : [],
	);
	const perLabel = new Map<string, number>();
	for (const g of groups) perLabel.set(g.label, (perLabel.get(g.label) ?? 0) + 1);
	for (const g of groups)
		if ((perLabel.get(g.label) ?? 0) > 1) g.note = g.items[0]?.compilationTitle ?? null;
	return groups.sort(
		(a, b) => collator.compare(a.label, b.label) || collator.compare(a.note ?? '', b.note ?? ''),
	);
}

/**
 * Years of reports and TOC-only entries, newest first, by the site's counting rule
 * (`countingYear`: the date shown, a TOC-only entry's being its compilation's); entries without
 * one form `undated`, last.
 */
export function groupByYear(items: readonly ListItem[]): Group[] {
	return collect(items, (i) => {
		const key = countingYear(i);
		return [{ slug: key, label: yearLabel(key) }];
	}).sort((a, b) =>
		a.slug === 'undated' ? 1 : b.slug === 'undated' ? -1 : b.slug.localeCompare(a.slug),
	);
}
