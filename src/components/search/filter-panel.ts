/**
 * The filter panel: one fieldset per filter key, one checkbox per value with the number of
 * results it would show. Values come from the whole index, so a value with 0 results stays
 * visible while there are results (and selected values never disappear); when a search found
 * nothing, only selected values are shown (the rest would all say 0).
 */
import { UNDATED_YEAR } from '../../lib/search/attributes';
import { FILTERS, type FilterKey, type SearchState } from '../../lib/search/search-state';
import type { FilterCounts } from './pagefind-types';

/** Number of filter values selected. */
export function activeFilterCount(state: SearchState): number {
	return Object.values(state.filters).reduce((n, values) => n + (values?.length ?? 0), 0);
}

function orderValues(key: FilterKey, values: string[], totals: Record<string, number>): string[] {
	if (key === 'year') {
		return values.sort((a, b) =>
			a === UNDATED_YEAR ? 1 : b === UNDATED_YEAR ? -1 : b.localeCompare(a),
		);
	}
	return values.sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a.localeCompare(b, 'zh-CN'));
}

/**
 * @param panel Container to fill (its children are replaced).
 * @param all Every filter value in the index with its total count (`pagefind.filters()`).
 * @param counts Counts for the current search (`search.filters`), or null to show totals.
 * @param onChange Called with the key and the new list of selected values.
 * @param showEmpty Show values with 0 results (false when the search found nothing).
 */
export function renderFilterPanel(
	panel: HTMLElement,
	all: FilterCounts,
	counts: FilterCounts | null,
	state: SearchState,
	onChange: (key: FilterKey, values: string[]) => void,
	showEmpty = true,
): void {
	const fieldsets = FILTERS.flatMap(({ key, label }) => {
		const fieldset = document.createElement('fieldset');
		fieldset.dataset.filter = key;
		const legend = document.createElement('legend');
		legend.textContent = label;
		fieldset.append(legend);
		const totals = all[key] ?? {};
		const selected = state.filters[key] ?? [];
		const countOf = (value: string) => (counts ?? all)[key]?.[value] ?? 0;
		const values = orderValues(
			key,
			[...new Set([...Object.keys(totals), ...selected])],
			totals,
		).filter((value) => showEmpty || selected.includes(value) || countOf(value) > 0);
		if (values.length === 0) return [];
		for (const value of values) {
			const id = `f-${key}-${[...value].map((c) => c.codePointAt(0)?.toString(36)).join('-')}`;
			const input = document.createElement('input');
			input.type = 'checkbox';
			input.id = id;
			input.value = value;
			input.checked = selected.includes(value);
			input.addEventListener('change', () => {
				const next = input.checked ? [...selected, value] : selected.filter((v) => v !== value);
				onChange(key, next);
			});
			const text = document.createElement('label');
			text.htmlFor = id;
			const count = countOf(value);
			text.append(value, ' ');
			const badge = document.createElement('span');
			badge.className = 'filter-count';
			badge.textContent = `(${count})`;
			text.append(badge);
			const row = document.createElement('div');
			row.className = 'filter-option';
			row.append(input, text);
			fieldset.append(row);
		}
		return [fieldset];
	});
	panel.replaceChildren(...fieldsets);
}
