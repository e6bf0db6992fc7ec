/**
 * Read what search indexes from a built report page: the blocks of its `data-pagefind-body`
 * (`blocksOf` with `allText`: headings with their ids, paragraphs, list items …) and the
 * Pagefind filters, metadata and sort keys declared in attribute form
 * (`data-pagefind-filter="k[data-value]"`), read even inside hidden markup.
 *
 * Skips `data-pagefind-ignore` subtrees (and, as every reader of `rendered-blocks.ts`, hidden
 * elements, scripts and styles). Doesn’t fold or tokenise.
 */
import {
	attr,
	blocksOf,
	isElement,
	parsePage,
	type Element,
	type RenderedBlock,
} from '../knowledge/rendered-blocks.ts';
import type { PagefindAttributes } from './attributes.ts';

export interface PageRecord {
	blocks: RenderedBlock[];
	attributes: PagefindAttributes;
}

type Node = ReturnType<typeof parsePage>;

function findBody(node: Node): Element | null {
	if (isElement(node) && attr(node, 'data-pagefind-body') !== null) return node;
	for (const child of 'childNodes' in node ? node.childNodes : []) {
		const found = findBody(child);
		if (found) return found;
	}
	return null;
}

function readAttribute(
	el: Element,
	name: string,
	into: (key: string, value: string) => void,
): void {
	const spec = attr(el, name);
	const match = spec === null ? null : /^([a-z0-9_-]+)\[([a-z0-9_-]+)\]$/.exec(spec);
	const value = match ? attr(el, match[2] ?? '') : null;
	if (match && value !== null) into(match[1] ?? '', value);
}

/**
 * @param html A built report page.
 * @returns Its blocks and attributes, or null when the page has no `data-pagefind-body`.
 */
export function readPageRecord(html: string): PageRecord | null {
	const body = findBody(parsePage(html));
	if (!body) return null;
	const attributes: PagefindAttributes = { filters: {}, meta: {}, sort: {} };
	const blocks = blocksOf(body, {
		allText: true,
		ignore: (el) => attr(el, 'data-pagefind-ignore') !== null,
		onElement: (el) => {
			readAttribute(el, 'data-pagefind-filter', (k, v) => (attributes.filters[k] ??= []).push(v));
			readAttribute(el, 'data-pagefind-meta', (k, v) => (attributes.meta[k] = v));
			readAttribute(el, 'data-pagefind-sort', (k, v) => (attributes.sort[k] = v));
		},
	});
	return { blocks, attributes };
}
