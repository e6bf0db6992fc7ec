/**
 * One search result as DOM nodes: title link, 正文未收录 mark, unit · date · category line,
 * the excerpt from the report's own text with every match marked, and up to three heading
 * sub-results, each with its own passage. Text goes in through `textContent` only: record text
 * and metadata are never parsed as HTML. Block boundaries and cuts are empty elements whose mark
 * (¶, …) is drawn by CSS, so an excerpt's text is only the report's text.
 */
import { TOC_ONLY_KIND } from '../../lib/search/attributes';
import {
	occurrences,
	passage,
	textMap,
	type Occurrence,
	type Piece,
	type TextMap,
} from '../../lib/search/excerpt';
import type { PagefindData } from './pagefind-types';

const MAIN_RADIUS = 40;
const SUB_RADIUS = 24;
const MAX_SUBS = 3;

function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className?: string,
	text?: string,
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

function excerptNode(pieces: Piece[]): HTMLParagraphElement {
	const p = el('p', 'search-excerpt');
	for (const piece of pieces) {
		if (piece.kind === 'sep') p.append(el('span', 'search-sep'));
		else if (piece.kind === 'cut') p.append(el('span', 'search-cut'));
		else
			p.append(
				piece.mark ? el('mark', undefined, piece.text) : document.createTextNode(piece.text),
			);
	}
	return p;
}

/** Link target of a result: the page, with one `?hl=` per term so the report page highlights them. */
function targetUrl(url: string, terms: readonly string[]): string {
	const target = new URL(url, location.href);
	for (const term of terms) target.searchParams.append('hl', term);
	return target.pathname + target.search + target.hash;
}

/** Blocks that are the record's title, subtitle or unit (the result shows those already). */
function headBlocks(map: TextMap, meta: PagefindData['meta']): Set<number> {
	const head = new Set(
		[meta.title, meta.subtitle, meta.unit]
			.filter(Boolean)
			.map((t) => t!.replace(/\s+/gu, ' ').trim()),
	);
	return new Set(map.blocks.flatMap((text, i) => (head.has(text) ? [i] : [])));
}

/**
 * @param data The result’s Pagefind data (its content is the report's text, one block a line).
 * @param terms Folded characters of each query term ([] when browsing by filters).
 * @param typed The terms as typed (for `?hl=`).
 * @param fold Folds one character.
 * @returns The `<li>`, or null when the record lacks a term (never shown).
 */
export function resultItem(
	data: PagefindData,
	terms: ReadonlyArray<readonly string[]>,
	typed: readonly string[],
	fold: (ch: string) => string,
): HTMLLIElement | null {
	const map = textMap(data.content, fold);
	const found = occurrences(map, terms);
	if (terms.some((_, t) => !found.some((o) => o.term === t))) return null;
	const li = el('li', 'search-result');
	const heading = el('h2', 'search-result-title');
	const link = el('a', undefined, data.meta.title ?? data.url);
	link.href = targetUrl(data.url, typed);
	heading.append(link);
	if (data.meta.kind === TOC_ONLY_KIND)
		heading.append(' ', el('span', 'search-toc-only', '正文未收录'));
	li.append(heading);
	const facts = [data.meta.unit, data.meta.date, data.meta.category].filter(Boolean).join(' · ');
	li.append(el('p', 'search-result-meta', facts));
	const head = headBlocks(map, data.meta);
	const inHead = (o: Occurrence) => head.has(map.places[o.start]!.block);
	const center = found.find((o) => !inHead(o)) ?? found[0];
	if (center) {
		// A body passage doesn't reach back into the title, subtitle or unit shown above it.
		let first = map.places[center.start]!.block;
		while (first > 0 && !inHead(center) && !head.has(first - 1)) first--;
		li.append(
			excerptNode(
				passage(map, center, found, MAIN_RADIUS, [map.blockStarts[first]!, map.chars.length]),
			),
		);
	} else if (data.meta.subtitle) li.append(el('p', 'search-excerpt', data.meta.subtitle));
	if (center) {
		const subs = subResults(data, map, found, center);
		if (subs.length) {
			const list = el('ul', 'search-sub-results');
			for (const sub of subs) {
				const item = el('li');
				const a = el('a', undefined, sub.title);
				a.href = targetUrl(`${data.url.split('#')[0]}#${sub.id}`, typed);
				item.append(a, excerptNode(passage(map, sub.at, found, SUB_RADIUS, sub.range)));
				list.append(item);
			}
			li.append(list);
		}
	}
	return li;
}

/**
 * Sections under the record's headings (Pagefind's anchors: id, text, position) that hold a
 * match, other than the section of the main excerpt, in reading order.
 */
function subResults(
	data: PagefindData,
	map: TextMap,
	found: readonly Occurrence[],
	main: Occurrence,
) {
	const anchors = (data.anchors ?? [])
		.filter((a) => a.id && /^h[1-6]$/i.test(a.element))
		.sort((a, b) => a.location - b.location);
	const sections = anchors.map((a, i) => ({
		id: a.id,
		title: a.text,
		range: [a.location, anchors[i + 1]?.location ?? map.chars.length] as [number, number],
	}));
	const within = (o: Occurrence, [from, to]: [number, number]) => o.start >= from && o.start < to;
	const out: Array<{ id: string; title: string; at: Occurrence; range: [number, number] }> = [];
	for (const section of sections) {
		if (within(main, section.range)) continue;
		const at = found.find((o) => within(o, section.range));
		if (at) out.push({ ...section, at });
		if (out.length === MAX_SUBS) break;
	}
	return out;
}
