/**
 * One search's results on the /search/ page (search-client.ts), shown ten at a time: each
 * press of 更多结果 loads the next batch's fragments and appends their items, then the status
 * line, the button and (for a search that found nothing) the hint say where things stand.
 */
import { foldChar, type FoldTable } from '../../lib/search/fold';
import { queryEcho, type PreparedQuery } from '../../lib/search/query';
import type { PagefindData } from './pagefind-types';
import { resultItem } from './result-item';
import type { Hit } from './run-search';

const PAGE_SIZE = 10;

/** Where the results show, and what they need to know of the page's state. */
export interface ResultsView {
	list: HTMLOListElement;
	more: HTMLButtonElement;
	status: HTMLElement;
	hint: HTMLElement;
	/** 更多结果 busy or ready (on the button and the list). */
	setMoreBusy: (busy: boolean) => void;
	/** Whether search number `mine` is still the latest. */
	isLatest: (mine: number) => boolean;
	/** How many filter values are selected now. */
	activeFilters: () => number;
}

/** One search's results as they are shown, ten at a time (更多结果). */
export interface ResultPages {
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

/** The results of search number `mine` before any is shown. */
export function resultPages(
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
function appendResults(
	view: ResultsView,
	pages: ResultPages,
	data: PagefindData[],
): HTMLAnchorElement | null {
	const terms = pages.query.terms.map((t) => t.chars);
	const typed = pages.query.terms.map((t) => t.typed);
	let firstNew: HTMLAnchorElement | null = null;
	for (const d of data) {
		const item = resultItem(d, terms, typed, pages.foldOne);
		if (item) {
			view.list.append(item);
			firstNew ??= item.querySelector('a');
			pages.shown++;
		}
	}
	return firstNew;
}

/** A batch that failed to load goes back, so 更多结果 can try again (never a dead button). */
function showBatchFailed(view: ResultsView, pages: ResultPages, batch: Hit[]): void {
	pages.pending.unshift(...batch);
	view.more.hidden = false;
	view.setMoreBusy(false);
	const { label, total, every, shown } = pages;
	view.status.textContent = `${label}共找到 ${total} 条结果${every}，已显示 ${shown} 条；其余结果未能加载，请再按“更多结果”。`;
}

/** What to try when a search found nothing. */
function noResultsHint(query: PreparedQuery, activeFilters: number): string {
	const tips = [];
	if (query.terms.some((t) => t.chars.length > 2)) tips.push('减少检索词的字数');
	if (query.terms.length > 1) tips.push('去掉一个检索词');
	if (activeFilters > 0) tips.push('清除筛选条件');
	return tips.length ? `可以试试：${tips.join('，')}。` : '可以换一个检索词试试。';
}

/** The results so far: 更多结果 while some remain, the count, a hint when there are none. */
function showResultCount(view: ResultsView, pages: ResultPages): void {
	const { label, total, every, shown } = pages;
	view.more.hidden = pages.pending.length === 0;
	view.setMoreBusy(false);
	view.status.textContent = total
		? `${label}共找到 ${total} 条结果${every}，已显示 ${shown} 条。`
		: `${label}没有找到结果。`;
	view.hint.hidden = total > 0;
	if (!total) view.hint.textContent = noResultsHint(pages.query, view.activeFilters());
}

/** Show the next results of `pages` (focus on the first new one when `focus`). */
export async function showNextResults(
	view: ResultsView,
	pages: ResultPages,
	focus: boolean,
): Promise<void> {
	view.setMoreBusy(true);
	let firstNew: HTMLAnchorElement | null = null;
	// A batch whose records all lack a term (never shown, see resultItem) is followed by the
	// next one: a press of 更多结果 shows something or hides the button, never nothing.
	while (pages.pending.length > 0 && !firstNew) {
		const batch = pages.pending.splice(0, PAGE_SIZE);
		const data = await loadBatch(batch);
		// A newer search owns 更多结果 now: it set it busy and sets it back.
		if (!view.isLatest(pages.mine)) return;
		if (data === null) {
			showBatchFailed(view, pages, batch);
			return;
		}
		firstNew = appendResults(view, pages, data);
	}
	showResultCount(view, pages);
	if (focus && firstNew) firstNew.focus();
	if (pages.panelDone) document.body.dataset.searchState = 'done';
}
