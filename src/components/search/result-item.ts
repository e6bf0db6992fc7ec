/**
 * One search result as DOM nodes: title link, 正文未收录 mark, unit · date · category line,
 * highlighted excerpt and heading sub-results. Text goes in through `textContent` only:
 * record text and metadata are never parsed as HTML.
 */
import { TOC_ONLY_KIND } from '../../lib/search/attributes';
import { excerptSegments, locateMatch, type Segment } from '../../lib/search/excerpt';
import { decodeWords } from '../../lib/search/tokens';
import type { PagefindData } from './pagefind-types';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

function excerptNode(segments: Segment[]): HTMLParagraphElement {
	const p = el('p', 'search-excerpt');
	for (const s of segments) p.append(s.mark ? el('mark', undefined, s.text) : document.createTextNode(s.text));
	return p;
}

/** Index words of a Pagefind text (separated by spaces and the zero-width spaces it inserts). */
const words = (text: string) => text.split(/[\s\u200b]+/u).filter(Boolean);

/** Link target of a result: the page, with `?hl=` so the report page highlights the query. */
function targetUrl(url: string, q: string): string {
	const target = new URL(url, location.href);
	if (q) target.searchParams.set('hl', q);
	return target.pathname + target.search + target.hash;
}

/**
 * @param data The result’s Pagefind data.
 * @param query Folded query characters ([] when browsing by filters).
 * @param typed The query as typed (for `?hl=`).
 * @returns The `<li>`, or null when the record does not contain the query (never shown).
 */
export function resultItem(data: PagefindData, query: readonly string[], typed: string): HTMLLIElement | null {
	const chars = decodeWords(words(data.content));
	const start = query.length ? locateMatch(chars, query, data.locations[0] ?? 0) : -1;
	if (query.length && start < 0) return null;
	const li = el('li', 'search-result');
	const heading = el('h2', 'search-result-title');
	const link = el('a', undefined, data.meta.title ?? data.url);
	link.href = targetUrl(data.url, typed);
	heading.append(link);
	if (data.meta.kind === TOC_ONLY_KIND) heading.append(' ', el('span', 'search-toc-only', '正文未收录'));
	li.append(heading);
	const facts = [data.meta.unit, data.meta.date, data.meta.category].filter(Boolean).join(' · ');
	li.append(el('p', 'search-result-meta', facts));
	if (start >= 0) li.append(excerptNode(excerptSegments(chars, start, query.length)));
	else if (data.meta.subtitle) li.append(el('p', 'search-excerpt', data.meta.subtitle));
	const subs = query.length ? data.sub_results.filter((s) => s.url.includes('#')).slice(0, 3) : [];
	if (subs.length) {
		const list = el('ul', 'search-sub-results');
		for (const sub of subs) {
			const item = el('li');
			const a = el('a', undefined, decodeWords(words(sub.title)).join(''));
			a.href = targetUrl(sub.url, typed);
			item.append(a);
			const at = locateMatch(chars, query, sub.locations[0] ?? 0);
			if (at >= 0) item.append(excerptNode(excerptSegments(chars, at, query.length, 24)));
			list.append(item);
		}
		li.append(list);
	}
	return li;
}
