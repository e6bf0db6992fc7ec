/**
 * Render a generated report MDX body to HTML with unified (remark-parse + remark-mdx →
 * remark-rehype → rehype-stringify). This is THE renderer of report pages: the site's content
 * loader calls it, so the parser that reads the MDX is the same one the tests check escaping
 * against, and no per-page JavaScript module is bundled.
 *
 * Adds stable ASCII ids: headings `h-<hash>` and paragraphs `p-<hash>`, each hashed from the
 * block's own text (plus an occurrence counter for repeats), so an anchor survives unrelated edits.
 *
 * Doesn’t accept JSX, expressions or ESM in the body: generated pages never contain them, and
 * one found is an error (it would mean the serialiser failed to escape something).
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { anchorId } from './anchor-id.ts';
import type { ReportHeading } from '../frontmatter.ts';
import { stripFrontmatter } from './split-frontmatter.ts';

export interface RenderedReport {
	html: string;
	headings: ReportHeading[];
}

/** GFM tables only (the ingest writes a document's tables as GFM tables; no other GFM syntax). */
function remarkGfmTable(this: Processor) {
	const data = this.data();
	(data.micromarkExtensions ??= []).push(gfmTable());
	(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

function rejectMdxSyntax() {
	return (tree: MdastRoot) => {
		visit(tree, (node) => {
			if (node.type.startsWith('mdx')) {
				const where = node.position
					? `${node.position.start.line}:${node.position.start.column}`
					: '?';
				throw new Error(
					`Unexpected MDX syntax (${node.type}) at ${where}: report bodies are plain text`,
				);
			}
		});
	};
}

function textOf(node: Element): string {
	let out = '';
	visit(node, 'text', (t) => {
		out += t.value;
	});
	return out;
}

/** Adds the ids and records the headings in `file.data.headings` (one list per file). */
function rehypeAnchors() {
	return (tree: HastRoot, file: VFile) => {
		const headings: ReportHeading[] = [];
		file.data.headings = headings;
		const seen = new Map<string, number>();
		visit(tree, 'element', (node) => {
			const heading = /^h([2-6])$/.exec(node.tagName);
			if (!heading && node.tagName !== 'p') return;
			const text = textOf(node);
			const id = anchorId(heading ? 'h' : 'p', text, seen);
			node.properties = { ...node.properties, id };
			if (heading) headings.push({ depth: Number(heading[1]), text, slug: id });
		});
	};
}

// One frozen processor for every call: building and freezing the pipeline per body cost a
// tenth of a render (docs/scale/README.md). Plugins keep no state between files.
const processor = unified()
	.use(remarkParse)
	.use(remarkMdx)
	.use(remarkGfmTable)
	.use(rejectMdxSyntax)
	.use(remarkRehype)
	.use(rehypeAnchors)
	.use(rehypeStringify)
	.freeze();

/**
 * Render the body of a generated MDX file.
 * @param mdx The whole file or just its body (frontmatter is skipped).
 * @returns HTML and the list of headings (depth, text, id) in order.
 */
export function renderMdx(mdx: string): RenderedReport {
	const file = processor.processSync(stripFrontmatter(mdx));
	return {
		html: String(file),
		headings: (file.data.headings as ReportHeading[] | undefined) ?? [],
	};
}
