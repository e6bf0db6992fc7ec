/**
 * Serialise a report (frontmatter + body blocks) to an MDX file through a syntax tree.
 *
 * Text never goes through string concatenation into MDX: each block becomes an mdast node and
 * `mdast-util-to-markdown` with the MDX extension escapes what MDX would otherwise read as
 * syntax (`{`, `<`, `#`, `*`, leading spaces …). The frontmatter is YAML from js-yaml.
 *
 * @example
 *   block { type: 'paragraph', text: '<script>{x}</script> 3~5天' }
 *   → `\<script>\{x}\</script> 3~5天`
 *
 * A table block becomes an mdast `table` (its first row the header row), written as a GFM table
 * by `mdast-util-gfm-table` (cells escaped like any text, `|` included).
 *
 * Doesn’t validate the frontmatter: the caller checks it against `reportSchema` first.
 */
import type { Heading, Paragraph, Root, Table } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { dump } from 'js-yaml';
import { serializeFrontmatter } from './serialize-frontmatter.ts';
import { plainMarkdown } from './plain-markdown.ts';

export type MdxBlock =
	| { type: 'heading'; depth: 2 | 3 | 4 | 5 | 6; text: string }
	| { type: 'paragraph'; text: string }
	| { type: 'table'; rows: readonly (readonly string[])[] };

/** A table block → an mdast table: rows of cells of one text node each (an empty cell has none). */
function tableNode(rows: readonly (readonly string[])[]): Table {
	return {
		type: 'table',
		align: (rows[0] ?? []).map(() => null),
		children: rows.map((row) => ({
			type: 'tableRow',
			children: row.map((cell) => ({
				type: 'tableCell',
				children: cell ? [{ type: 'text', value: cell }] : [],
			})),
		})),
	};
}

/**
 * Build the mdast tree of a report body.
 * @param blocks Headings, paragraphs and tables in reading order; text is plain (no markup).
 * @returns An mdast `Root` whose text nodes hold the text verbatim.
 */
function blocksToMdast(blocks: readonly MdxBlock[]): Root {
	return {
		type: 'root',
		children: blocks.map((block): Heading | Paragraph | Table =>
			block.type === 'table'
				? tableNode(block.rows)
				: block.type === 'heading'
					? { type: 'heading', depth: block.depth, children: [{ type: 'text', value: block.text }] }
					: { type: 'paragraph', children: [{ type: 'text', value: block.text }] },
		),
	};
}

const OPTIONS: Options = {
	extensions: [mdxToMarkdown()],
	bullet: '-',
	emphasis: '_',
	fences: true,
	resourceLink: true,
	// mdast-util-mdx does not declare ESM as unsafe: a paragraph that starts with `import` or
	// `export` would be read back as an ESM block. Escape the first letter as a character reference.
	unsafe: [
		{ character: 'i', atBreak: true, after: 'mport\\b' },
		{ character: 'e', atBreak: true, after: 'xport\\b' },
	],
};

// Tables need the GFM table extension; the other blocks are written without it, as before
// tables existed (it would escape a `|` at a paragraph's start: same page, other bytes).
const TABLE_OPTIONS: Options = {
	...OPTIONS,
	extensions: [mdxToMarkdown(), gfmTableToMarkdown({ tablePipeAlign: false })],
};

const optionsFor = (blocks: readonly MdxBlock[]) =>
	blocks.some((b) => b.type === 'table') ? TABLE_OPTIONS : OPTIONS;

/**
 * Serialise frontmatter and body blocks to the text of one `.mdx` file.
 * @param frontmatter Plain JSON-compatible object; key order is kept (deterministic output).
 * @param blocks Body blocks.
 * @returns `---\n<yaml>---\n\n<markdown>` (one flat string), byte for byte what `toMarkdown` makes of the whole
 *   tree (blocks are written one by one, plain text without the escaping pass) and what js-yaml
 *   makes of the frontmatter (see `serialize-frontmatter.ts`).
 */
export function toMdx(frontmatter: Record<string, unknown>, blocks: readonly MdxBlock[]): string {
	const pieces = [`---\n${serializeFrontmatter(frontmatter)}---`];
	for (const block of blocks) {
		const plain = plainMarkdown(block);
		if (plain !== null) pieces.push(plain);
		else if (block.type === 'table')
			pieces.push(toMarkdown(blocksToMdast([block]), TABLE_OPTIONS).slice(0, -1));
		// An empty block or one with a line break (the ingest makes none of these): the whole
		// tree, as `toMarkdown` joins it.
		else if (block.text.length === 0 || /[\r\n]/.test(block.text))
			return `${pieces[0]}\n\n${toMarkdown(blocksToMdast(blocks), optionsFor(blocks))}`;
		else pieces.push(toMarkdown(blocksToMdast([block]), OPTIONS).slice(0, -1));
	}
	if (blocks.length === 0) return `${pieces[0]}\n\n${toMarkdown(blocksToMdast(blocks), OPTIONS)}`;
	pieces[pieces.length - 1] += '\n';
	// One join makes one flat string: a chain of `+` would stay a tree of ~100 string nodes,
	// which every later GC of the run copies and traces.
	return pieces.join('\n\n');
}

/** The reference serialiser: the whole tree through `toMarkdown` (for tests of `toMdx`). */
export function toMdxSlow(
	frontmatter: Record<string, unknown>,
	blocks: readonly MdxBlock[],
): string {
	const head = dump(frontmatter, { lineWidth: -1, noRefs: true, sortKeys: false });
	return `---\n${head}---\n\n${toMarkdown(blocksToMdast(blocks), optionsFor(blocks))}`;
}
