/**
 * The one reader of a rendered page (the stage HTML → blocks): the headings and paragraphs of
 * a report body as `renderMdx` wrote it, or of a built page's `data-pagefind-body`, through
 * parse5. The knowledge index (`readBodyBlocks`: excerpt, practices, downloads) and search
 * (`search/page-blocks.ts`, which adds the Pagefind attributes) read the same `RenderedBlock`s.
 *
 * A block is a `<p>` or `<hN>` element, its id the one the renderer wrote (so a link built from
 * it resolves). With `allText`, text outside them (list items, table cells, bare text) forms
 * `p` blocks too, split at every block element. Text in `script`, `style`, `template`,
 * `noscript` and `hidden` subtrees is never read: a block holds the text a reader sees.
 *
 * Doesn’t compute ids, fold or tokenise. Whitespace runs become one space; empty blocks are left
 * out.
 */
import { parse, parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** A block of a rendered page. */
export interface RenderedBlock {
	/** `h1`…`h6` for a heading; `p` for a paragraph (or, with `allText`, other text). */
	tag: HeadingTag | 'p';
	/** The `<p>` or `<hN>` element's id (`p-1x2y3z`, `h-…`), null when it has none. */
	id: string | null;
	/** Visible text, whitespace runs collapsed to one space, trimmed. */
	text: string;
}

export interface ReadOptions {
	/** Text outside `<p>`/`<hN>` forms `p` blocks too (default: left out). */
	allText?: boolean;
	/** Subtrees to leave out besides the always-hidden ones (e.g. `data-pagefind-ignore`). */
	ignore?: (el: Element) => boolean;
	/** Called for every element, shown or not (e.g. to read attributes). */
	onElement?: (el: Element) => void;
}

/** Elements that end a run of text (`allText`): a block boundary. */
const BOUNDARY = new Set([
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
const HEADING = /^h[1-6]$/;

export const attr = (el: Element, name: string): string | null =>
	el.attrs.find((a) => a.name === name)?.value ?? null;
export const isElement = (node: Node): node is Element => 'tagName' in node;
export const isHeading = (block: RenderedBlock): boolean => block.tag !== 'p';

/**
 * @param root A parsed node (a document, fragment or element, itself included): its subtree is
 *   read.
 * @returns Its blocks, in document order.
 */
export function blocksOf(root: Node, options: ReadOptions = {}): RenderedBlock[] {
	const { allText = false, ignore, onElement } = options;
	const blocks: RenderedBlock[] = [];
	let current: RenderedBlock | null = null;
	const flush = () => {
		const text = current?.text.replace(/\s+/g, ' ').trim();
		if (current && text) blocks.push({ ...current, text });
		current = null;
	};
	const walk = (node: Node, visible: boolean): void => {
		if (node.nodeName === '#text') {
			if (!visible) return;
			if (!current && allText) current = { tag: 'p', id: null, text: '' };
			if (current) current.text += (node as DefaultTreeAdapterMap['textNode']).value;
			return;
		}
		if (!isElement(node)) return;
		onElement?.(node);
		const shown =
			visible && !SKIP.has(node.tagName) && attr(node, 'hidden') === null && !ignore?.(node);
		const boundary = shown && BOUNDARY.has(node.tagName);
		if (boundary) {
			flush();
			if (node.tagName === 'p' || HEADING.test(node.tagName))
				current = { tag: node.tagName as RenderedBlock['tag'], id: attr(node, 'id'), text: '' };
		}
		for (const child of node.childNodes) walk(child, shown);
		if (boundary) flush();
	};
	if (isElement(root)) walk(root, true);
	else for (const child of 'childNodes' in root ? root.childNodes : []) walk(child, true);
	flush();
	return blocks;
}

/**
 * @param html A rendered report body (`renderMdx`): an HTML fragment.
 * @returns Its headings and paragraphs, in document order, with their ids.
 */
export function readBodyBlocks(html: string): RenderedBlock[] {
	return blocksOf(parseFragment(html));
}

/** Parse a whole page (for readers of a built page's parts: `search/page-blocks.ts`). */
export const parsePage = (html: string): Node => parse(html);

/**
 * The full text of a report as the data downloads define it: the text of every heading and
 * paragraph of the rendered body, in order, joined by one blank line (`\n\n`).
 */
export function bodyText(blocks: readonly RenderedBlock[]): string {
	return blocks.map((b) => b.text).join('\n\n');
}
