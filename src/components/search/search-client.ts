/**
 * The /search/ page in the browser: reads the state from the URL, runs the search
 * (`run-search.ts`), renders results ten at a time (更多结果: 正在加载… while it loads, then
 * focus on the first new one), the filter panel with counts (collapsible 筛选 on a phone,
 * 清除筛选), and keeps the URL in step:
 * a search can be bookmarked and shared, back/forward restore it. The query runs as it is typed
 * (debounced; one history entry per burst of typing); a new query sorts by relevance.
 */
import { foldChar, type FoldTable } from '../../lib/search/fold';
import {
	foldTableFromPairs,
	prepareQuery,
	queryEcho,
	type PreparedQuery,
} from '../../lib/search/query';
import {
	hasCriteria,
	parseSearchState,
	searchStateParams,
	type SearchState,
	type SortOrder,
} from '../../lib/search/search-state';
import { activeFilterCount, renderFilterPanel } from './filter-panel';
import type { FilterCounts, PagefindApi, PagefindData } from './pagefind-types';
import { resultItem } from './result-item';
import { SearchRunner, type Hit, type SearchOutcome } from './run-search';
import { takeFocusRequest } from './search-shortcut';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
const base = import.meta.env.BASE_URL.endsWith('/')
	? import.meta.env.BASE_URL
	: `${import.meta.env.BASE_URL}/`;

interface Engine {
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
function loadEngine(): Promise<Engine> {
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

/** One search's results as they are shown, ten at a time (更多结果). */
interface ResultPages {
	/** The search's number (`run` when it started). */
	mine: number;
	query: PreparedQuery;
	/** The hits not shown yet, in order. */
	pending: Hit[];
	total: number;
	shown: number;
	/** Whether the filter panel has its counts (the search is done once both are on screen). */
	panelDone: boolean;
	/** How the status line names the search: the query as typed, or 所选条件. */
	label: string;
	/** The status line's note that every result has every term ('' for one term). */
	every: string;
	/** Folds one character (for resultItem). */
	foldOne: (ch: string) => string;
}

function resultPages(
	mine: number,
	query: PreparedQuery,
	fold: FoldTable,
	hits: Hit[],
): ResultPages {
	return {
		mine,
		query,
		pending: [...hits],
		total: hits.length,
		shown: 0,
		panelDone: false,
		label: query.terms.length ? queryEcho(query) : '所选条件',
		every: query.terms.length > 1 ? '（每篇都包含全部检索词）' : '',
		foldOne: (ch: string) => foldChar(ch, fold),
	};
}

/**
 * The Pagefind data of each hit of `batch`. A fragment that fails to load is asked for once
 * more; null when one fails again.
 */
function loadBatch(batch: Hit[]): Promise<PagefindData[] | null> {
	return Promise.all(batch.map((h) => h.result.data().catch(() => h.result.data()))).catch(
		(error: unknown) => {
			console.error('search: a result failed to load', error);
			return null;
		},
	);
}

/** Append the items of `data` to the list (records lacking a term have none); the first link. */
function appendResults(pages: ResultPages, data: PagefindData[]): HTMLAnchorElement | null {
	const terms = pages.query.terms.map((t) => t.chars);
	const typed = pages.query.terms.map((t) => t.typed);
	let firstNew: HTMLAnchorElement | null = null;
	for (const d of data) {
		const item = resultItem(d, terms, typed, pages.foldOne);
		if (item) {
			list.append(item);
			firstNew ??= item.querySelector('a');
			pages.shown++;
		}
	}
	return firstNew;
}

/** A batch that failed to load goes back, so 更多结果 can try again (never a dead button). */
function showBatchFailed(pages: ResultPages, batch: Hit[]): void {
	pages.pending.unshift(...batch);
	more.hidden = false;
	setMoreBusy(false);
	const { label, total, every, shown } = pages;
	status.textContent = `${label}共找到 ${total} 条结果${every}，已显示 ${shown} 条；其余结果未能加载，请再按“更多结果”。`;
}

/** What to try when a search found nothing. */
function noResultsHint(query: PreparedQuery): string {
	const tips = [];
	if (query.terms.some((t) => t.chars.length > 2)) tips.push('减少检索词的字数');
	if (query.terms.length > 1) tips.push('去掉一个检索词');
	if (activeFilterCount(state) > 0) tips.push('清除筛选条件');
	return tips.length ? `可以试试：${tips.join('，')}。` : '可以换一个检索词试试。';
}

/** The results so far: 更多结果 while some remain, the count, a hint when there are none. */
function showResultCount(pages: ResultPages): void {
	const { label, total, every, shown } = pages;
	more.hidden = pages.pending.length === 0;
	setMoreBusy(false);
	status.textContent = total
		? `${label}共找到 ${total} 条结果${every}，已显示 ${shown} 条。`
		: `${label}没有找到结果。`;
	hint.hidden = total > 0;
	if (!total) hint.textContent = noResultsHint(pages.query);
}

/** Show the next results of `pages` (focus on the first new one when `focus`). */
async function showNextResults(pages: ResultPages, focus: boolean): Promise<void> {
	setMoreBusy(true);
	let firstNew: HTMLAnchorElement | null = null;
	// A batch whose records all lack a term (never shown, see resultItem) is followed by the
	// next one: a press of 更多结果 shows something or hides the button, never nothing.
	while (pages.pending.length > 0 && !firstNew) {
		const batch = pages.pending.splice(0, PAGE_SIZE);
		const data = await loadBatch(batch);
		// A newer search owns 更多结果 now: it set it busy and sets it back.
		if (pages.mine !== run) return;
		if (data === null) {
			showBatchFailed(pages, batch);
			return;
		}
		firstNew = appendResults(pages, data);
	}
	showResultCount(pages);
	if (focus && firstNew) firstNew.focus();
	if (pages.panelDone) document.body.dataset.searchState = 'done';
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
	const filtersReady = filtersLoaded;
	const outcome = await engine.runner.run(query, state);
	if (mine !== run) return;
	list.replaceChildren();
	const pages = resultPages(mine, query, engine.fold, outcome.hits);
	showMore = (focus) =>
		showNextResults(pages, focus).catch((error: unknown) => failed(mine, error));
	await showNextResults(pages, false);
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
