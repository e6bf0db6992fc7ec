/**
 * Visible text of HTML, parsed with parse5 (the HTML standard's parser, as a browser does).
 * Block elements (p, h1–h6, li, …) are separated by '\n'; `hidden` elements and scripts are skipped.
 */
import { parse, parseFragment } from 'parse5';

type Node = {
	nodeName: string;
	value?: string;
	childNodes?: Node[];
	attrs?: Array<{ name: string; value: string }>;
	content?: Node;
};

const blocks = new Set([
	'p',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'div',
	'section',
	'article',
	'br',
	'tr',
	'dt',
	'dd',
	'blockquote',
	'pre',
	'header',
	'footer',
	'nav',
	'main',
]);
const skipped = new Set(['script', 'style', 'template', 'noscript']);

function walk(node: Node, out: string[]): void {
	if (node.nodeName === '#text') {
		out.push(node.value ?? '');
		return;
	}
	if (skipped.has(node.nodeName)) return;
	if (node.attrs?.some((a) => a.name === 'hidden')) return;
	const block = blocks.has(node.nodeName);
	if (block) out.push('\n');
	for (const child of node.childNodes ?? []) walk(child, out);
	if (block) out.push('\n');
}

/** Text of an HTML fragment (e.g. a rendered report body). */
export function fragmentText(html: string): string {
	const out: string[] = [];
	walk(parseFragment(html) as unknown as Node, out);
	return out
		.join('')
		.replace(/\n+/g, '\n')
		.replace(/^\n|\n$/g, '');
}

/** Find the first element matching a predicate in a full document and return its text. */
export function elementText(html: string, match: (node: Node) => boolean): string | null {
	const stack: Node[] = [parse(html) as unknown as Node];
	while (stack.length) {
		const node = stack.shift() as Node;
		if (match(node)) {
			const out: string[] = [];
			for (const child of node.childNodes ?? []) walk(child, out);
			return out
				.join('')
				.replace(/\n+/g, '\n')
				.replace(/^\n|\n$/g, '');
		}
		stack.push(...(node.childNodes ?? []));
	}
	return null;
}

/** Matcher for an element carrying the given attribute. */
export const hasAttr = (name: string) => (node: Node) =>
	node.attrs?.some((a) => a.name === name) ?? false;

/**
 * The blocks of a rendered report body (`<p>` and `<h2>`–`<h6>`), each as its visible text,
 * headings prefixed with `#` × depth (`## 一、标题`). Parsed with parse5, entities decoded.
 */
export function renderedBlocks(html: string): string[] {
	const out: string[] = [];
	const visit = (node: Node) => {
		const heading = /^h([2-6])$/.exec(node.nodeName);
		if (node.nodeName === 'p' || heading) {
			const parts: string[] = [];
			for (const child of node.childNodes ?? []) walk(child, parts);
			const text = parts.join('');
			out.push(heading ? `${'#'.repeat(Number(heading[1]))} ${text}` : text);
			return;
		}
		for (const child of node.childNodes ?? []) visit(child);
	};
	visit(parseFragment(html) as unknown as Node);
	return out;
}
