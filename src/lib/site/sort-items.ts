/**
 * The order of listing pages: newest first by date, undated last; equal dates keep the
 * compilations' printed order (compilation slug, then position).
 *
 * ISO dates of mixed precision compare as strings: `2010` sorts before `2010-03`, so a
 * year-only date comes after the dated months of its year in newest-first order.
 * Doesn’t mutate its input.
 */
import type { ListItem } from './list-item.ts';

type Sortable = Pick<ListItem, 'date' | 'sourceSlug' | 'order'>;

/** Comparator: newest first, undated last, then compilation order. */
export function compareByDate(a: Sortable, b: Sortable): number {
	if (a.date !== b.date) {
		if (a.date === null) return 1;
		if (b.date === null) return -1;
		return a.date < b.date ? 1 : -1;
	}
	return a.sourceSlug.localeCompare(b.sourceSlug) || a.order - b.order;
}

/** A sorted copy. */
export function sortByDate<T extends Sortable>(items: readonly T[]): T[] {
	return [...items].sort(compareByDate);
}
