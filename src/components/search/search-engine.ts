/**
 * The search engine of the /search/ page (search-client.ts): Pagefind's browser API from the
 * site's `pagefind/`, the fold table and gram size of `search/search-config.json`, loaded once.
 */
import { foldTableFromPairs } from '../../lib/search/query';
import type { FoldTable } from '../../lib/search/fold';
import type { FilterCounts, PagefindApi } from './pagefind-types';
import { SearchRunner } from './run-search';

const base = import.meta.env.BASE_URL.endsWith('/')
	? import.meta.env.BASE_URL
	: `${import.meta.env.BASE_URL}/`;

/** Pagefind and the search config, with the runner that ranks its results. */
export interface Engine {
	runner: SearchRunner;
	pagefind: PagefindApi;
	fold: FoldTable;
	gram: number;
	/** Every filter value with its total (`pagefind.filters()`), fetched once, on first need. */
	all: () => Promise<FilterCounts>;
}

let engine: Promise<Engine> | undefined;
/** Whether every filter's chunks are loaded, so a search's filter counts are complete. */
let filtersLoaded = false;
/** The engine, loaded on the first search (Pagefind's script and the config, at once). */
export function loadEngine(): Promise<Engine> {
	engine ??= (async () => {
		const [pagefind, config] = await Promise.all([
			import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindApi>,
			fetch(`${base}search/search-config.json`).then(
				(r) => r.json() as Promise<{ gram: number; fold: string }>,
			),
		]);
		// Main thread: saves fetching pagefind-worker.js (43 KB) before the first result.
		await pagefind.options({ baseUrl: base, noWorker: true, excerptLength: 0 });
		let all: Promise<FilterCounts> | undefined;
		const loadAll = () => pagefind.filters().then((counts) => ((filtersLoaded = true), counts));
		return {
			runner: new SearchRunner(pagefind),
			pagefind,
			fold: foldTableFromPairs(config.fold),
			gram: config.gram,
			all: () => (all ??= loadAll()),
		};
	})();
	return engine;
}

/** Whether every filter's chunks are loaded, so a search's filter counts are complete. */
export function allFiltersLoaded(): boolean {
	return filtersLoaded;
}
