/**
 * The corpus at a glance: cross-tabulations for the statistics page, computed from listing
 * items in one pass each (linear in the corpus, quadratic only in the themes of one report).
 *
 * Doesn’t draw (see `heatmapLayout`, `barLayout`) and doesn’t decide which items count: the
 * caller passes reports with a body, TOC-only entries, or both.
 */
import { countingYear, UNDATED_KEY } from '../site/counting-year.ts';
import type { ListItem } from '../site/list-item.ts';

export interface Matrix {
	rows: string[];
	cols: string[];
	/** counts[row][col] */
	counts: number[][];
}

const UNDATED = '未注明';

function crossTab(
	pairs: Iterable<[string, string]>,
	rowOrder?: (a: string, b: string) => number,
): Matrix {
	const table = new Map<string, Map<string, number>>();
	const colTotals = new Map<string, number>();
	for (const [r, c] of pairs) {
		const row = table.get(r) ?? new Map<string, number>();
		row.set(c, (row.get(c) ?? 0) + 1);
		table.set(r, row);
		colTotals.set(c, (colTotals.get(c) ?? 0) + 1);
	}
	const total = (r: string) => [...table.get(r)!.values()].reduce((a, b) => a + b, 0);
	const rows = [...table.keys()].sort(
		rowOrder ?? ((a, b) => total(b) - total(a) || a.localeCompare(b, 'zh-CN')),
	);
	const cols = [...colTotals.keys()].sort(
		(a, b) => colTotals.get(b)! - colTotals.get(a)! || a.localeCompare(b, 'zh-CN'),
	);
	return { rows, cols, counts: rows.map((r) => cols.map((c) => table.get(r)!.get(c) ?? 0)) };
}

/**
 * Items per year (rows, ascending; undated last) × category (columns, largest first); the year
 * is the site's counting rule (`countingYear`), the one `/years/` uses.
 */
export function yearByCategory(items: readonly ListItem[]): Matrix {
	const year = (i: ListItem) => {
		const key = countingYear(i);
		return key === UNDATED_KEY ? UNDATED : key;
	};
	return crossTab(
		items.map((i): [string, string] => [year(i), i.category.label]),
		(a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : a.localeCompare(b)),
	);
}

/** Theme (rows, most frequent first, at most `limit`) × category: how often each is tagged. */
export function themeByCategory(items: readonly ListItem[], limit = 20): Matrix {
	const m = crossTab(
		items.flatMap((i) => i.themes.map((t): [string, string] => [t.label, i.category.label])),
	);
	return { ...m, rows: m.rows.slice(0, limit), counts: m.counts.slice(0, limit) };
}

/**
 * Theme co-occurrence: how many items carry both themes, over the `limit` most frequent
 * themes; the diagonal holds each theme's own count. Symmetric.
 */
export function themeCooccurrence(items: readonly ListItem[], limit = 15): Matrix {
	const freq = new Map<string, number>();
	for (const i of items) for (const t of i.themes) freq.set(t.label, (freq.get(t.label) ?? 0) + 1);
	const top = [...freq.keys()]
		.sort((a, b) => freq.get(b)! - freq.get(a)! || a.localeCompare(b, 'zh-CN'))
		.slice(0, limit);
	const at = new Map(top.map((t, k) => [t, k]));
	const counts = top.map(() => top.map(() => 0));
	for (const i of items) {
		const ks = [
			...new Set(i.themes.map((t) => at.get(t.label)).filter((k): k is number => k !== undefined)),
		];
		for (const a of ks) for (const b of ks) counts[a]![b]! += 1;
	}
	return { rows: top, cols: top, counts };
}

export interface UnitCount {
	unit: string;
	unitSlug: string | null;
	count: number;
}

/** Units with the most items (a unit page's slug when it has one), at most `limit`. */
export function topUnits(items: readonly ListItem[], limit = 15): UnitCount[] {
	const byKey = new Map<string, UnitCount>();
	for (const i of items) {
		if (i.unit === null || i.unitSlug === null) continue;
		const u = byKey.get(i.unitSlug) ?? { unit: i.unit, unitSlug: i.unitSlug, count: 0 };
		u.count++;
		byKey.set(i.unitSlug, u);
	}
	return [...byKey.values()]
		.sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, 'zh-CN'))
		.slice(0, limit);
}
