/**
 * An HTML document (a saved web page, or the HTML mammoth makes of a Word file) → the line model:
 * its body's text as a browser's `innerText` lays it out (`hast-util-to-text`: one line per
 * block, a blank line around paragraphs, table cells separated by TABs, rows by lines), the
 * paragraph (1-based non-blank line) each line belongs to, and the row lines of each table (the
 * report stage makes a table of them).
 *
 * Site chrome (`nav`, `footer`, `header`, `aside`, or an element whose class or id says nav,
 * footer, copyright, breadcrumb, pager…) becomes one line each, listed in `frameLines`: the page
 * stage removes them as counted `frame-line` repairs. Doesn’t drop other boilerplate (`版权声明
 * 我要投稿` lines): the web-collection splitter knows those and counts them. Scripts, styles and the head hold no text of the page and are not read; a picture leaves a
 * placeholder line with its caption (`［图：…］`).
 */
import type { Element, Nodes, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const HIDDEN = new Set([
	'script',
	'style',
	'noscript',
	'template',
	'head',
	'title',
	'meta',
	'link',
]);

/** A picture's placeholder line: `［图：caption］`, or `［图］` without alt text. */
function placeholder(img: Element): Element {
	const alt = typeof img.properties.alt === 'string' ? img.properties.alt.trim() : '';
	return {
		type: 'element',
		tagName: 'p',
		properties: {},
		children: [{ type: 'text', value: alt ? `［图：${alt}］` : '［图］' }],
	};
}

// Stands for a TAB between table cells while the text is laid out (layout collapses white space).
const CELL = '\uF8FF';
// Mark the first row of a table, and its other rows, while the text is laid out.
const TABLE_START = '\uF8FC';
const TABLE_ROW = '\uF8FD';

/**
 * Rows of a table → one paragraph each, its cells' texts separated by TABs, marked as rows of
 * one table. A row with no text in any cell holds nothing to keep and makes no line.
 */
function tableRows(table: Element): Element {
	const rows: Element[] = [];
	const visit = (node: Element) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			if (child.tagName === 'tr') {
				const cells = child.children.filter(
					(c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'),
				);
				const texts = cells.map((c) =>
					toText(c, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim(),
				);
				if (texts.every((t) => t === '')) continue;
				const mark = rows.length === 0 ? TABLE_START : TABLE_ROW;
				rows.push({
					type: 'element',
					tagName: 'p',
					properties: {},
					children: [{ type: 'text', value: mark + texts.join(CELL) }],
				});
			} else if (child.tagName !== 'table') visit(child);
		}
	};
	visit(table);
	return { type: 'element', tagName: 'div', properties: {}, children: rows };
}

// Marks the line of a frame element (site chrome) while the text is laid out.
const FRAME_MARK = '\uF8FE';
const FRAME_TAGS = new Set(['nav', 'footer', 'header', 'aside']);
const FRAME_NAMES =
	/(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|header|copyright|breadcrumbs?|crumbs?|sidebar|pager|pagination|share)(?:$|[\s_-])/i;

/** Site chrome: `nav`/`footer`/`header`/`aside`, or an element whose class or id names one. */
function isFrame(el: Element): boolean {
	if (FRAME_TAGS.has(el.tagName)) return true;
	const names = [el.properties.className, el.properties.id]
		.flat()
		.filter((v) => typeof v === 'string')
		.join(' ');
	return names !== '' && FRAME_NAMES.test(names);
}

/** A frame element → one marked line of its text (kept, so its removal is counted). */
function frameLine(el: Element): Element {
	const text = toText(el, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
	return {
		type: 'element',
		tagName: 'p',
		properties: {},
		children: [{ type: 'text', value: text ? FRAME_MARK + text : '' }],
	};
}

/** Remove the elements that never show text, mark frames, put placeholders for pictures and rows for tables, in place. */
function prune(node: Root | Element): void {
	node.children = node.children
		.filter(
			(child) =>
				child.type !== 'comment' && !(child.type === 'element' && HIDDEN.has(child.tagName)),
		)
		.map((child) => {
			if (child.type !== 'element') return child;
			if (isFrame(child)) return frameLine(child);
			if (child.tagName === 'img') return placeholder(child);
			if (child.tagName === 'table') return tableRows(child);
			return child;
		});
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

export interface HtmlText {
	text: string;
	/** 1-based paragraph (non-blank line) of each line; blank lines take the previous one's. */
	paragraphOfLine: number[];
	/** 0-based indexes of the lines that are site chrome (navigation, footer, pager). */
	frameLines: number[];
	/** Per table, the 0-based indexes of its row lines. */
	tables: number[][];
}

/** Lines of the laid-out text, their paragraph numbers, the marked frame lines and table rows. */
function numberParagraphs(text: string): HtmlText {
	const lines = text.split('\n').map((l) => l.replace(/[ \t\u00a0]+$/g, ''));
	const paragraphOfLine: number[] = [];
	const frameLines: number[] = [];
	const tables: number[][] = [];
	let n = 0;
	lines.forEach((line, i) => {
		if (line.includes(FRAME_MARK)) {
			frameLines.push(i);
			lines[i] = line.replaceAll(FRAME_MARK, '');
		}
		const start = lines[i]!.indexOf(TABLE_START);
		const row = start < 0 ? lines[i]!.indexOf(TABLE_ROW) : -1;
		if (start >= 0 || (row >= 0 && tables.length > 0)) {
			if (start >= 0) tables.push([]);
			tables[tables.length - 1]!.push(i);
		}
		if (start >= 0 || row >= 0)
			lines[i] = lines[i]!.replace(/^[ \u00a0]+/, '')
				.replaceAll(TABLE_START, '')
				.replaceAll(TABLE_ROW, '');
		if (line.trim() !== '') n++;
		paragraphOfLine.push(Math.max(n, 1));
	});
	return { text: lines.join('\n'), paragraphOfLine, frameLines, tables };
}

/**
 * @param html The document's source.
 * @returns its text (LF lines, non-breaking spaces as spaces), each line's paragraph, the frame lines.
 */
export function htmlToText(html: string): HtmlText {
	const tree = unified().use(rehypeParse).parse(html);
	prune(tree);
	const body = findBody(tree) ?? tree;
	const text = toText(body, { whitespace: 'normal' })
		.replace(/\u00a0/g, ' ')
		.replace(/\r\n?/g, '\n')
		.replaceAll(CELL, '\t');
	return numberParagraphs(text);
}
