/**
 * Things that should be written in one module and are spelled elsewhere: site routes (outside
 * `src/lib/site/routes.ts`) and environment reads (outside the config module).
 */
import ts from 'typescript';
import { nodeLine, walk, type ParsedFile } from './source-code.ts';

/** One place a thing is spelled: `path:line` and what was found there. */
export interface Finding {
	path: string;
	line: number;
	what: string;
}

/**
 * A site route in a string: a path segment the site emits (`/reports/`, `/categories/`, …, also
 * after a `${base}`), a TOC-entry anchor (`#entry-`, `entry-${…}`), or a route's data file.
 * `content/reports` (a folder) doesn't match: the segment must not follow a word character; nor
 * does `entry-point` (an anchor is `#entry-…` or a template's `entry-${…}`).
 */
const ROUTE =
	/(?:^|[^\w.-])\/(?:reports|categories|themes|units|compilations|years|practices|stats|search|data)(?:\/|\.|$)|#entry-|^entry-$/;

function literalTexts(node: ts.Node): string[] {
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
	if (ts.isTemplateExpression(node))
		return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
	return [];
}

/**
 * Routes spelled in string and template literals, and in any quoted text of an `.astro` template
 * (attributes and `{…}` expressions, line by line).
 */
export function spelledRoutes(file: ParsedFile): Finding[] {
	const found: Finding[] = [];
	for (const p of file.pieces) {
		walk(p.source, (node) => {
			const hit = literalTexts(node).find((t) => ROUTE.test(t));
			if (hit !== undefined)
				found.push({ path: file.path, line: nodeLine(p, node.getStart()), what: hit });
		});
	}
	const lines = file.template.split('\n');
	const offset = templateFirstLine(file);
	lines.forEach((line, i) => {
		for (const m of line.matchAll(/(["'`])((?:(?!\1).)*)\1/g)) {
			const text = m[2] ?? '';
			if (ROUTE.test(text)) found.push({ path: file.path, line: offset + i, what: text });
		}
	});
	return found;
}

function templateFirstLine(file: ParsedFile): number {
	const front = file.pieces.find((p) => p.source.fileName.endsWith('.frontmatter.ts'));
	return front ? front.firstLine + front.source.getLineStarts().length + 1 : 1;
}

function isProcessEnv(node: ts.Node): boolean {
	return (
		ts.isPropertyAccessExpression(node) &&
		node.name.text === 'env' &&
		ts.isIdentifier(node.expression) &&
		node.expression.text === 'process'
	);
}

/**
 * Reads of one variable: `process.env.NAME`, `process.env['NAME']`. Astro's build-time
 * `import.meta.env.BASE_URL` is not an environment read, and `{ ...process.env }` (handing the
 * environment to a child process) reads no variable.
 */
export function envReads(file: ParsedFile): Finding[] {
	const found: Finding[] = [];
	for (const p of file.pieces) {
		walk(p.source, (node) => {
			let name: string | undefined;
			if (ts.isPropertyAccessExpression(node) && isProcessEnv(node.expression))
				name = node.name.text;
			if (ts.isElementAccessExpression(node) && isProcessEnv(node.expression)) {
				name = node.argumentExpression.getText();
			}
			if (name !== undefined)
				found.push({ path: file.path, line: nodeLine(p, node.getStart()), what: name });
		});
	}
	return found;
}
