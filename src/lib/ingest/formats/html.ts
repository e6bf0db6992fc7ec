/**
 * An HTML document (a saved web page, or the HTML mammoth makes of a Word file) → the line model:
 * its body's text as a browser's `innerText` lays it out (`hast-util-to-text`: one line per
 * block, a blank line around paragraphs, table cells separated by TABs, rows by lines), and the
 * paragraph (1-based non-blank line) each line belongs to.
 *
 * Doesn’t drop boilerplate (navigation, copyright lines): the web-collection splitter knows those
 * and counts them. Scripts, styles and the head hold no text of the page and are not read; a picture leaves a
 * placeholder line with its caption (`［图：…］`).
 */
import type { Element, Nodes, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link']);

/** A picture's placeholder line: `［图：caption］`, or `［图］` without alt text. */
function placeholder(img: Element): Element {
	const alt = typeof img.properties.alt === 'string' ? img.properties.alt.trim() : '';
	return { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: alt ? `［图：${alt}］` : '［图］' }] };
}

// Stands for a TAB between table cells while the text is laid out (layout collapses white space).
const CELL = '\uF8FF';

/** Rows of a table → one paragraph each, its cells' texts separated by TABs. */
function tableRows(table: Element): Element {
	const rows: Element[] = [];
	const visit = (node: Element) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			if (child.tagName === 'tr') {
				const cells = child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
				const text = cells.map((c) => toText(c, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim()).join(CELL);
				rows.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] });
			} else if (child.tagName !== 'table') visit(child);
		}
	};
	visit(table);
	return { type: 'element', tagName: 'div', properties: {}, children: rows };
}

/** Remove the elements that never show text, put placeholders for pictures and rows for tables, in place. */
function prune(node: Root | Element): void {
	node.children = node.children
		.filter((child) => child.type !== 'comment' && !(child.type === 'element' && HIDDEN.has(child.tagName)))
		.map((child) => (child.type !== 'element' ? child : child.tagName === 'img' ? placeholder(child) : child.tagName === 'table' ? tableRows(child) : child));
	for (const child of node.children) if (child.type === 'element') prune(child);
}

function findBody(node: Nodes): Element | null {
	if (node.type === 'element' && node.tagName === 'body') return node;
	if (node.type === 'root' || node.type === 'element') {
		for (const child of node.children) {
			const found = findBody(child);
			if (found) return found;
		}
	}
	return null;
}

/** Lines of the text plus their paragraph numbers (blank lines take the previous paragraph's). */
export function numberParagraphs(text: string): { text: string; paragraphOfLine: number[] } {
	const lines = text.split('\n').map((l) => l.replace(/[ \t\u00a0]+$/g, ''));
	const paragraphOfLine: number[] = [];
	let n = 0;
	for (const line of lines) {
		if (line.trim() !== '') n++;
		paragraphOfLine.push(Math.max(n, 1));
	}
	return { text: lines.join('\n'), paragraphOfLine };
}

/**
 * @param html The document's source.
 * @returns its text (LF lines, non-breaking spaces kept as spaces) and the paragraph of each line.
 */
export function htmlToText(html: string): { text: string; paragraphOfLine: number[] } {
	const tree = unified().use(rehypeParse).parse(html);
	prune(tree);
	const body = findBody(tree) ?? tree;
	const text = toText(body, { whitespace: 'normal' }).replace(/\u00a0/g, ' ').replace(/\r\n?/g, '\n').replaceAll(CELL, '\t');
	return numberParagraphs(text);
}
