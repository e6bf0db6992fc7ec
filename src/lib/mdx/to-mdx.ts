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
import { frontmatterYaml } from './frontmatter-yaml.ts';

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

// Text that `toMarkdown` writes out unchanged, but for a backslash before each `[` and `*` (a
// link or emphasis could open at any of them, wherever they stand: `\[1]`, `\*\*\*街道`). It
// starts with a non-ASCII character (or digits and then one: `2008年`; or digits, `.` or `、` and
// then one: `1.现代`; or `(`, as in `(一)`; or one of the two escaped characters), so no
// line-start construct applies (`# `, `- `, `1. `, `> `, `import`); after that it holds no other
// ASCII character that Markdown or MDX reads as syntax in running text (`<`, `{`, `_`, `` ` ``,
// `\\`, `&`, `/` of `http:/`, `|`, `~`, `#`), no line break, no trailing space and neither `](`
// nor `![` (there `(` or `!` would be escaped: they could make a link or an image). `=` and `>`
// are syntax only at a line start. Everything else takes the mdast path.
// tests/unit/ingest-mdx-fast-path.test.ts checks this against the mdast path.
const NON_ASCII = '[^\\u0000-\\u007f\\u2028\\u2029\\u0085]';
// After the first character: any character but other ASCII syntax, control characters and line
// breaks (what is left of ASCII: digits, letters, space and `,%.:;()"?+-[]*!=>`).
const REST = '[^\\u0000-\\u001f#$&\'/<@\\\\^_`{|}~\\u007f\\u0085\\u2028\\u2029]*';
const PLAIN = new RegExp(`^(?:${NON_ASCII}|[0-9]+[.、]?${NON_ASCII}|[(\\[*])${REST}$`, 'u');
const UNSAFE_PAIR = /\]\(|!\[| $/;
const ESCAPED = /[[*]/g;

/** A plain block as `toMarkdown` writes it; null for any other block. */
function plainMarkdown(block: MdxBlock): string | null {
	if (!PLAIN.test(block.text) || UNSAFE_PAIR.test(block.text)) return null;
	const text = block.text.replace(ESCAPED, '\\$&');
	return block.type === 'heading' ? `${'#'.repeat(block.depth)} ${text}` : text;
}

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
 *   makes of the frontmatter (see `frontmatter-yaml.ts`).
 */
export function toMdx(frontmatter: Record<string, unknown>, blocks: readonly MdxBlock[]): string {
	const pieces = [`---\n${frontmatterYaml(frontmatter)}---`];
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
