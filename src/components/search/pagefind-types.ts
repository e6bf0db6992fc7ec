/** The part of Pagefind’s browser API (pagefind.js 1.6) the search page uses. */
export interface PagefindAnchor {
	element: string;
	id: string;
	/** The heading's text (huibian's fragments carry the original text). */
	text: string;
	/** Index word position where the heading starts. */
	location: number;
}

export interface PagefindData {
	url: string;
	/** The record's text, one block a line (`src/lib/search/fragment-text.ts`). */
	content: string;
	meta: Record<string, string | undefined>;
	locations: number[];
	anchors?: PagefindAnchor[];
}

export interface PagefindResult {
	id: string;
	score: number;
	words: number[];
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
	search: (
		term: string | null,
		options?: Record<string, unknown>,
	) => Promise<PagefindSearch | null>;
}
