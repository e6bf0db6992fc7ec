/**
 * The one way a generated report page (`content/reports/<id>.mdx`) is cut into its YAML
 * frontmatter and its body: a first line `---`, the YAML, a line `---`, then the body.
 *
 * @example splitFrontmatter('---\nid: a\n---\n\n正文') → { yaml: 'id: a', body: '\n正文', bodyLine: 4 }
 */

/** The frontmatter's YAML text (without the fences), the body, and the body's first line (1-based). */
export interface SplitPage {
	yaml: string;
	body: string;
	bodyLine: number;
}

const FENCED = /^---\n([\s\S]*?)\n---\n/;

/** Cut a page at its frontmatter fences; null when it doesn't open with a frontmatter block. */
export function splitFrontmatter(text: string): SplitPage | null {
	const match = FENCED.exec(text);
	if (!match) return null;
	const yaml = match[1] ?? '';
	return { yaml, body: text.slice(match[0].length), bodyLine: yaml.split('\n').length + 3 };
}

/** The body of a page: what follows its frontmatter, or the whole text when it has none. */
export function stripFrontmatter(text: string): string {
	return splitFrontmatter(text)?.body ?? text;
}
