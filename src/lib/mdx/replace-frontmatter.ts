/**
 * Replace the YAML frontmatter of a generated `.mdx` file, keeping its body byte for byte: for a
 * field known only once every source is ingested (`reprintOf`), after the page was written.
 *
 * The new head is written by `serializeFrontmatter`, as `toMdx` writes it, so the file is what
 * `toMdx(data, blocks)` would have made. Doesn't validate `data` (the caller checks it).
 *
 * @throws Error when `mdx` doesn't start with a `---` frontmatter block (not a generated file).
 */
import { serializeFrontmatter } from './serialize-frontmatter.ts';

export function replaceFrontmatter(mdx: string, data: Record<string, unknown>): string {
	// The YAML js-yaml writes never has a line that is only `---` (such a string is quoted).
	const end = mdx.startsWith('---\n') ? mdx.indexOf('\n---', 3) : -1;
	if (end < 0) throw new Error('Expected a generated MDX file starting with --- frontmatter ---');
	return `---\n${serializeFrontmatter(data)}---${mdx.slice(end + 4)}`;
}
