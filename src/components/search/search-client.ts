/**
 * The /search/ page in the browser: reads the state from the URL, runs Pagefind with
 * huibian’s tokenised query, renders results ten at a time (更多结果), the filter panel with
 * counts, and keeps the URL in step so a search can be bookmarked.
 */
import { foldTableFromPairs, prepareQuery } from '../../lib/search/query';
import {
	hasCriteria,
	pagefindOptions,
	parseSearchState,
	searchStateParams,
	type SearchState,
	type SortOrder,
} from '../../lib/search/search-state';
import type { FoldTable } from '../../lib/search/fold';
import { renderFilterPanel } from './filter-panel';
import type { FilterCounts, PagefindApi, PagefindResult } from './pagefind-types';
import { resultItem } from './result-item';

const PAGE_SIZE = 10;
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

interface Engine {
	pagefind: PagefindApi;
	fold: FoldTable;
	gram: number;
	/** Every filter value with its total (`pagefind.filters()`), fetched once, on first need. */
	all: () => Promise<FilterCounts>;
}

let engine: Promise<Engine> | undefined;
/** Whether every filter's chunks are loaded, so a search's filter counts are complete. */
let filtersLoaded = false;
function loadEngine(): Promise<Engine> {
	engine ??= (async () => {
		const [pagefind, config] = await Promise.all([
			import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindApi>,
			fetch(`${base}search/search-config.json`).then((r) => r.json() as Promise<{ gram: number; fold: string }>),
		]);
		// Main thread: saves fetching pagefind-worker.js (43 KB) before the first result.
		await pagefind.options({ baseUrl: base, noWorker: true, excerptLength: 0 });
		let all: Promise<FilterCounts> | undefined;
		const loadAll = () => pagefind.filters().then((counts) => ((filtersLoaded = true), counts));
		return { pagefind, fold: foldTableFromPairs(config.fold), gram: config.gram, all: () => (all ??= loadAll()) };
	})();
	return engine;
}

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('q') as HTMLInputElement;
const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
const status = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const panel = document.getElementById('search-filters') as HTMLElement;

let state: SearchState = parseSearchState(new URLSearchParams(location.search));
let run = 0;
let pending: PagefindResult[] = [];
let showMore: () => Promise<void> = async () => {};

function syncUrl(push: boolean): void {
	const params = searchStateParams(state).toString();
	const url = `${location.pathname}${params ? `?${params}` : ''}`;
	if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

async function search(push: boolean): Promise<void> {
	const mine = ++run;
	input.value = state.q;
	sortSelect.value = state.sort;
	syncUrl(push);
	document.body.dataset.searchState = 'loading';
	const { pagefind, fold, gram, all } = await loadEngine();
	const query = prepareQuery(state.q, fold, gram);
	const onFilter = (key: keyof SearchState['filters'], values: string[]) => {
		state = { ...state, filters: { ...state.filters, [key]: values } };
		void search(true);
	};
	if (!hasCriteria({ ...state, q: query.pagefind ?? '' })) {
		const totals = await all();
		if (mine !== run) return;
		renderFilterPanel(panel, totals, null, state, onFilter);
		list.replaceChildren();
		more.hidden = true;
		status.textContent = '输入检索词，或在左侧选择类别、主题、年份等筛选条件浏览。';
		document.body.dataset.searchState = 'idle';
		return;
	}
	// Results first: Pagefind loads only the index chunks of the query and the filters in use.
	// Every filter's values (~5 files) are fetched after the first results are on
	// screen, then the search runs again on what is loaded for the counts of the panel.
	const filtersReady = filtersLoaded;
	const result = await pagefind.search(query.pagefind, pagefindOptions(state));
	if (mine !== run || !result) return;
	pending = [...result.results];
	const total = result.results.length;
	list.replaceChildren();
	let shown = 0;
	let panelDone = false;
	const label = state.q ? `“${state.q}”` : '所选条件';
	showMore = async () => {
		more.disabled = true;
		const batch = pending.splice(0, PAGE_SIZE);
		const data = await Promise.all(batch.map((r) => r.data()));
		if (mine !== run) return;
		for (const d of data) {
			const item = resultItem(d, query.chars, state.q);
			if (item) {
				list.append(item);
				shown++;
			}
		}
		more.hidden = pending.length === 0;
		more.disabled = false;
		status.textContent = total
			? `${label}共找到 ${total} 条结果，已显示 ${shown} 条。`
			: `${label}没有找到结果。`;
		if (panelDone) document.body.dataset.searchState = 'done';
	};
	await showMore();
	const totals = await all();
	const counts = filtersReady ? result.filters : (await pagefind.search(query.pagefind, pagefindOptions(state)))?.filters;
	if (mine !== run || !counts) return;
	renderFilterPanel(panel, totals, counts, state, onFilter);
	panelDone = true;
	document.body.dataset.searchState = 'done';
}

form.addEventListener('submit', (event) => {
	event.preventDefault();
	const q = input.value.trim();
	// A date order the reader chose stays; relevance needs a query.
	state = { ...state, q, sort: state.sort === 'relevance' && !q ? 'date-desc' : state.sort };
	void search(true);
});
sortSelect.addEventListener('change', () => {
	state = { ...state, sort: sortSelect.value as SortOrder };
	void search(true);
});
more.addEventListener('click', () => void showMore());
window.addEventListener('popstate', () => {
	state = parseSearchState(new URLSearchParams(location.search));
	void search(false);
});
void search(false);
