/**
 * Read what search indexes from a built report page: the text blocks of its
 * `data-pagefind-body` (headings with their ids, paragraphs, list items …) and the Pagefind
 * filters, metadata and sort keys declared in attribute form (`data-pagefind-filter="k[data-value]"`).
 *
 * Skips `data-pagefind-ignore` subtrees, `hidden` elements, scripts and styles: a block holds
 * exactly the text a reader sees in the body. Doesn’t fold or tokenise.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { PagefindAttributes } from './attributes.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface TextBlock {
	/** `h1`…`h6` or `p` (any other block element). */
	tag: string;
	text: string;
	/** Element id (heading anchors for sub-results), or null. */
	id: string | null;
}

export interface PageRecord {
	blocks: TextBlock[];
	attributes: PagefindAttributes;
}

const BLOCK = new Set([
	'p',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'blockquote',
	'dt',
	'dd',
	'td',
	'th',
	'figcaption',
	'pre',
	'div',
	'section',
	'header',
	'footer',
	'article',
	'aside',
	'ul',
	'ol',
	'table',
	'tr',
]);
const SKIP = new Set(['script', 'style', 'template', 'noscript']);

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value ?? null;
const isElement = (node: Node): node is Element => 'tagName' in node;

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
	const body = findBody(parse(html));
	if (!body) return null;
	const blocks: TextBlock[] = [];
	const attributes: PagefindAttributes = { filters: {}, meta: {}, sort: {} };
	let current: TextBlock | null = null;
	const flush = () => {
		if (current && current.text.trim())
			blocks.push({ ...current, text: current.text.replace(/\s+/g, ' ').trim() });
		current = null;
	};
	const walk = (node: Node, visible: boolean): void => {
		if (node.nodeName === '#text') {
			if (!visible) return;
			current ??= { tag: 'p', text: '', id: null };
			current.text += (node as DefaultTreeAdapterMap['textNode']).value;
			return;
		}
		if (!isElement(node)) return;
		readAttribute(node, 'data-pagefind-filter', (k, v) => (attributes.filters[k] ??= []).push(v));
		readAttribute(node, 'data-pagefind-meta', (k, v) => (attributes.meta[k] = v));
		readAttribute(node, 'data-pagefind-sort', (k, v) => (attributes.sort[k] = v));
		// Attributes inside hidden markup still count; its text does not.
		const shown =
			visible &&
			!SKIP.has(node.tagName) &&
			attr(node, 'hidden') === null &&
			attr(node, 'data-pagefind-ignore') === null;
		const block = shown && BLOCK.has(node.tagName);
		if (block) {
			flush();
			if (/^h[1-6]$/.test(node.tagName))
				current = { tag: node.tagName, text: '', id: attr(node, 'id') };
		}
		for (const child of node.childNodes) walk(child, shown);
		if (block) flush();
	};
	walk(body, true);
	flush();
	return { blocks, attributes };
}
