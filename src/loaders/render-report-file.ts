/**
 * One generated MDX file → its frontmatter (as parsed YAML, not yet validated) and rendered body:
 * splits the frontmatter, renders the body with `renderMdx` and writes the HTML to `bodyFile`.
 * Runs in the report loader's worker threads (`render-pool.ts`) or, for a few files, in the
 * loader itself. Doesn’t validate the frontmatter (the loader does, with the collection's schema).
 */
import { writeFileSync } from 'node:fs';
import { load as parseYaml } from 'js-yaml';
import { renderMdx } from '../lib/mdx/render-mdx.ts';
import { splitFrontmatter } from '../lib/mdx/split-frontmatter.ts';
import type { ReportHeading } from '../lib/frontmatter.ts';

export interface RenderJob {
	/** File name, for messages (`<id>.mdx`). */
	name: string;
	/** The whole MDX file. */
	text: string;
	/** Where to write the rendered body. */
	bodyFile: string;
}

export interface RenderedFile {
	data: Record<string, unknown>;
	headings: ReportHeading[];
}

/** The page's frontmatter, parsed, and its body; errors name the file and line. */
function readPage(file: string, text: string): { data: Record<string, unknown>; body: string } {
	const page = splitFrontmatter(text);
	if (!page) throw new Error(`${file}:1:1: Expected YAML frontmatter between --- lines`);
	const data = parseYaml(page.yaml);
	if (typeof data !== 'object' || data === null)
		throw new Error(`${file}:2:1: Frontmatter is not a mapping`);
	return { data: data as Record<string, unknown>, body: page.body };
}

/**
 * Render one file and write its body.
 * NOTE: the returned strings may be slices of `job.text` (js-yaml, the parser), which keep the
 * whole text alive; a caller that keeps them must copy them (`structuredClone`, or a
 * `postMessage`, which copies).
 */
export function renderReportFile(job: RenderJob): RenderedFile {
	const { data, body } = readPage(job.name, job.text);
	const { html, headings } = renderMdx(body);
	writeFileSync(job.bodyFile, html);
	return { data, headings };
}
