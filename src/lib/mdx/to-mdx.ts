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
 * Doesn’t validate the frontmatter: the caller checks it against `reportSchema` first.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { dump } from 'js-yaml';
import { serializeFrontmatter } from './serialize-frontmatter.ts';
import { plainMarkdown } from './plain-markdown.ts';

export type MdxBlock =
	| { type: 'heading'; depth: 2 | 3 | 4 | 5 | 6; text: string }
	| { type: 'paragraph'; text: string };

/**
 * Build the mdast tree of a report body.
 * @param blocks Headings and paragraphs in reading order; text is plain (no markup).
 * @returns An mdast `Root` whose text nodes hold the text verbatim.
 */
export function blocksToMdast(blocks: readonly MdxBlock[]): Root {
	return {
		type: 'root',
		children: blocks.map((block): Heading | Paragraph =>
			block.type === 'heading'
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

/** One block as `toMarkdown` writes it, without the blank line that separates blocks. */
export function blockToMarkdown(block: MdxBlock): string {
	return plainMarkdown(block) ?? toMarkdown(blocksToMdast([block]), OPTIONS).slice(0, -1);
}

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
		// An empty block or one with a line break (the ingest makes none of these): the whole
		// tree, as `toMarkdown` joins it.
		else if (block.text.length === 0 || /[\r\n]/.test(block.text)) return `${pieces[0]}\n\n${toMarkdown(blocksToMdast(blocks), OPTIONS)}`;
		else pieces.push(toMarkdown(blocksToMdast([block]), OPTIONS).slice(0, -1));
	}
	if (blocks.length === 0) return `${pieces[0]}\n\n${toMarkdown(blocksToMdast(blocks), OPTIONS)}`;
	pieces[pieces.length - 1] += '\n';
	// One join makes one flat string: a chain of `+` would stay a tree of ~100 string nodes,
	// which every later GC of the run copies and traces.
	return pieces.join('\n\n');
}

/** The reference serialiser: the whole tree through `toMarkdown` (for tests of `toMdx`). */
export function toMdxSlow(frontmatter: Record<string, unknown>, blocks: readonly MdxBlock[]): string {
	const head = dump(frontmatter, { lineWidth: -1, noRefs: true, sortKeys: false });
	return `---\n${head}---\n\n${toMarkdown(blocksToMdast(blocks), OPTIONS)}`;
}
