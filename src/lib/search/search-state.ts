/**
 * The search page’s state in its URL: `?q=学习型社区&category=学习型社区&year=2010&sort=date-desc`.
 * A search can be bookmarked and shared; filters-only browsing is a URL without `q`.
 *
 * Doesn’t talk to Pagefind (see `pagefind-options.ts`) and doesn’t validate filter values:
 * an unknown value simply matches nothing.
 */

/** Filter keys in panel order, with their Chinese labels. */
export const FILTERS = [
	{ key: 'category', label: '类别' },
	{ key: 'theme', label: '主题' },
	{ key: 'year', label: '年份' },
	{ key: 'compilation', label: '汇编' },
	{ key: 'type', label: '报告类型' },
] as const;

export type FilterKey = (typeof FILTERS)[number]['key'];
const SORTS = ['relevance', 'date-desc', 'date-asc'] as const;
export type SortOrder = (typeof SORTS)[number];

export interface SearchState {
	q: string;
	filters: Partial<Record<FilterKey, string[]>>;
	sort: SortOrder;
}

/**
 * Read the state from URL parameters. Unknown parameters are ignored; a missing or unknown
 * `sort` is `relevance` with a query and `date-desc` without one.
 */
export function parseSearchState(params: URLSearchParams): SearchState {
	const q = (params.get('q') ?? '').trim();
	const filters: SearchState['filters'] = {};
	for (const { key } of FILTERS) {
		const values = [...new Set(params.getAll(key).filter(Boolean))];
		if (values.length) filters[key] = values;
	}
	const sort = params.get('sort');
	return {
		q,
		filters,
		sort: (SORTS as readonly string[]).includes(sort ?? '')
			? (sort as SortOrder)
			: q
				? 'relevance'
				: 'date-desc',
	};
}

/** Write the state as URL parameters (only what differs from the defaults). */
export function searchStateParams(state: SearchState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const { key } of FILTERS)
		for (const value of state.filters[key] ?? []) params.append(key, value);
	const byDefault = state.q ? 'relevance' : 'date-desc';
	if (state.sort !== byDefault) params.set('sort', state.sort);
	return params;
}

/** True when the state asks for anything (a query or at least one filter). */
export function hasCriteria(state: SearchState): boolean {
	return (
		state.q !== '' || Object.values(state.filters).some((values) => values && values.length > 0)
	);
}

/**
 * Pagefind search options: values of one key are alternatives (`any`), keys combine (AND).
 * Date sort values are unique ranks (`scripts/lib/search-index.ts`), so both orders are exact.
 * @example { filters: { category: { any: ['学习型机关'] } }, sort: { date: 'desc' } }
 */
export function pagefindOptions(state: SearchState): {
	filters: Record<string, { any: string[] }>;
	sort?: Record<string, 'asc' | 'desc'>;
} {
	const filters: Record<string, { any: string[] }> = {};
	for (const [key, values] of Object.entries(state.filters))
		if (values?.length) filters[key] = { any: values };
	if (state.sort === 'relevance') return { filters };
	return { filters, sort: { date: state.sort === 'date-asc' ? 'asc' : 'desc' } };
}
