/**
 * The /search/ page in the browser: reads the state from the URL, runs the search
 * (`search-engine.ts`, `run-search.ts`), renders results ten at a time (`result-pages.ts`;
 * 更多结果: 正在加载… while it loads, then focus on the first new one), the filter panel with
 * counts (collapsible 筛选 on a phone, 清除筛选), and keeps the URL in step:
 * a search can be bookmarked and shared, back/forward restore it. The query runs as it is typed
 * (debounced; one history entry per burst of typing); a new query sorts by relevance.
 */
import { prepareQuery } from '../../lib/search/query';
import {
	hasCriteria,
	parseSearchState,
	searchStateParams,
	type SearchState,
	type SortOrder,
} from '../../lib/search/search-state';
import { activeFilterCount, renderFilterPanel } from './filter-panel';
import type { FilterCounts } from './pagefind-types';
import { resultPages, showNextResults, type ResultPages, type ResultsView } from './result-pages';
import type { SearchOutcome } from './run-search';
import { allFiltersLoaded, loadEngine, type Engine } from './search-engine';
import { takeFocusRequest } from './search-shortcut';

const TYPING_DELAY_MS = 250;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('q') as HTMLInputElement;
const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
const status = document.getElementById('search-status') as HTMLElement;
const hint = document.getElementById('search-hint') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const panel = document.getElementById('search-filters') as HTMLElement;
const toggle = document.getElementById('search-filters-toggle') as HTMLButtonElement;
const toggleCount = document.getElementById('search-filters-active') as HTMLElement;
const clear = document.getElementById('search-filters-clear') as HTMLButtonElement;

let state: SearchState = parseSearchState(new URLSearchParams(location.search));
let run = 0;
/** Shows the latest search's next results (更多结果); every search replaces it. */
let showMore: (focus: boolean) => Promise<void> = async () => {};
/** Whether 更多结果 is loading (the latest search or its next results): a press waits. */
let moreBusy = false;
const MORE_LABEL = '更多结果';
const BUSY_LABEL = '正在加载…';
/** Whether the current history entry was made by typing (later keystrokes replace it). */
let typingEntry = false;

function syncUrl(push: boolean): void {
	const params = searchStateParams(state).toString();
	const url = `${location.pathname}${params ? `?${params}` : ''}`;
	if (url !== `${location.pathname}${location.search}`)
		history[push ? 'pushState' : 'replaceState'](null, '', url);
}

function showFilterState(): void {
	const active = activeFilterCount(state);
	toggleCount.textContent = active ? `（已选 ${active} 项）` : '';
	clear.hidden = active === 0;
}

/**
 * 更多结果 busy or ready. Busy shows on the button (its label; aria-disabled, so it keeps the
 * keyboard focus) and on the list (aria-busy), and a press while busy changes nothing. It is
 * set by the latest search only, from its first moment (the results on screen are about to be
 * replaced: a press on them would load results no longer wanted), and every way out of that
 * search or of its next page sets it back.
 */
function setMoreBusy(busy: boolean): void {
	moreBusy = busy;
	more.textContent = busy ? BUSY_LABEL : MORE_LABEL;
	more.setAttribute('aria-disabled', String(busy));
	list.setAttribute('aria-busy', String(busy));
}

/** Where search-client's results show (result-pages.ts). */
const view: ResultsView = {
	list,
	more,
	status,
	hint,
	setMoreBusy,
	isLatest: (mine) => mine === run,
	activeFilters: () => activeFilterCount(state),
};

/** A search (or its 更多结果) that threw: say so; the button goes rather than stays dead. */
function failed(mine: number, error: unknown): void {
	console.error('search: failed', error);
	if (mine !== run) return;
	setMoreBusy(false);
	more.hidden = true;
	status.textContent = '检索未能完成，请重新搜索。';
	document.body.dataset.searchState = 'error';
}

function search(push: boolean): Promise<void> {
	const mine = ++run;
	setMoreBusy(true);
	showMore = async () => {};
	return searchAs(mine, push).catch((error: unknown) => failed(mine, error));
}

/** A filter changed in the panel: search again, with a history entry of its own. */
function chooseFilter(key: keyof SearchState['filters'], values: string[]): void {
	state = { ...state, filters: { ...state.filters, [key]: values } };
	typingEntry = false;
	void search(true);
}

/** The form, the URL and the filter summary show `state`; the page is loading. */
function showSearchStarted(push: boolean): void {
	if (document.activeElement !== input) input.value = state.q;
	sortSelect.value = state.sort;
	syncUrl(push);
	showFilterState();
	document.body.dataset.searchState = 'loading';
}

/** No query and no filter: every filter with its total, no results, an invitation to search. */
function showBrowsePrompt(totals: FilterCounts): void {
	renderFilterPanel(panel, totals, null, state, chooseFilter, true);
	list.replaceChildren();
	more.hidden = true;
	setMoreBusy(false);
	status.textContent = '输入检索词，或选择类别、主题、年份等筛选条件浏览。';
	hint.hidden = true;
	document.body.dataset.searchState = 'idle';
}

/**
 * The filter panel with this search's counts. They come with the outcome, from counting its
 * hits, or (when the filters were not all loaded as it ran) from running it again.
 */
async function showFilterCounts(
	pages: ResultPages,
	engine: Engine,
	outcome: SearchOutcome,
	filtersReady: boolean,
): Promise<void> {
	const totals = await engine.all();
	let counts = outcome.counts;
	if (counts === null) counts = await engine.runner.countFilters(outcome.hits, totals);
	else if (!filtersReady) counts = (await engine.runner.run(pages.query, state)).counts ?? counts;
	if (pages.mine !== run) return;
	renderFilterPanel(panel, totals, counts, state, chooseFilter, pages.total > 0);
	pages.panelDone = true;
	document.body.dataset.searchState = 'done';
}

async function searchAs(mine: number, push: boolean): Promise<void> {
	showSearchStarted(push);
	const engine = await loadEngine();
	const query = prepareQuery(state.q, engine.fold, engine.gram);
	if (!hasCriteria({ ...state, q: query.terms.length ? state.q : '' })) {
		const totals = await engine.all();
		if (mine === run) showBrowsePrompt(totals);
		return;
	}
	// Results first: Pagefind loads only the index chunks of the query and the filters in use.
	// Every filter's values (~5 files) are fetched after the first results are on screen.
	const filtersReady = allFiltersLoaded();
	const outcome = await engine.runner.run(query, state);
	if (mine !== run) return;
	list.replaceChildren();
	const pages = resultPages(mine, query, engine.fold, outcome.hits);
	showMore = (focus) =>
		showNextResults(view, pages, focus).catch((error: unknown) => failed(mine, error));
	await showNextResults(view, pages, false);
	await showFilterCounts(pages, engine, outcome, filtersReady);
}

/** A new query: relevance order (date order when the query is empty). */
function setQuery(q: string): boolean {
	if (q === state.q) return false;
	state = {
		...state,
		q,
		sort: q ? 'relevance' : state.sort === 'relevance' ? 'date-desc' : state.sort,
	};
	return true;
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
	clearTimeout(typingTimer);
	typingTimer = setTimeout(() => {
		if (!setQuery(input.value.trim())) return;
		void search(!typingEntry);
		typingEntry = true;
	}, TYPING_DELAY_MS);
});
form.addEventListener('submit', (event) => {
	event.preventDefault();
	clearTimeout(typingTimer);
	// Enter always searches (again, when typing already did): the reader asked for it.
	const changed = setQuery(input.value.trim());
	void search(changed && !typingEntry);
	typingEntry = false;
});
input.addEventListener('blur', () => (typingEntry = false));
sortSelect.addEventListener('change', () => {
	state = { ...state, sort: sortSelect.value as SortOrder };
	typingEntry = false;
	void search(true);
});
more.addEventListener('click', () => {
	if (!moreBusy) void showMore(true);
});
toggle.addEventListener('click', () => {
	const open = toggle.getAttribute('aria-expanded') !== 'true';
	toggle.setAttribute('aria-expanded', String(open));
});
clear.addEventListener('click', () => {
	state = { ...state, filters: {} };
	typingEntry = false;
	void search(true);
});
window.addEventListener('popstate', () => {
	state = parseSearchState(new URLSearchParams(location.search));
	typingEntry = false;
	input.value = state.q;
	void search(false);
});
if (takeFocusRequest() || !state.q) input.focus();
void search(false);
