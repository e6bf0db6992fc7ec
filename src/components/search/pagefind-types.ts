/** The part of Pagefind’s browser API (pagefind.js 1.6) the search page uses. */
export interface PagefindSubResult {
	title: string;
	url: string;
	locations: number[];
}

export interface PagefindData {
	url: string;
	content: string;
	meta: Record<string, string | undefined>;
	locations: number[];
	sub_results: PagefindSubResult[];
}

export interface PagefindResult {
	id: string;
	data: () => Promise<PagefindData>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
	results: PagefindResult[];
	filters: FilterCounts;
	unfilteredResultCount: number;
}

export interface PagefindApi {
	options: (options: Record<string, unknown>) => Promise<void>;
	filters: () => Promise<FilterCounts>;
	search: (term: string | null, options?: Record<string, unknown>) => Promise<PagefindSearch | null>;
}
