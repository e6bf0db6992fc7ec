/**
 * Hostile text on the BUILT site (issue 6): the real pipeline builds tests/fixtures/robust-site
 * (Markdown/MDX/HTML syntax at line starts, `3~5天`, URLs before Chinese punctuation,
 * backslashes, backticks, a 1 MB line, a 100,000-line file) plus every committed source saved
 * in GB18030, UTF-16 LE/BE with BOM, UTF-8 with BOM, CRLF and CR.
 *
 * - every report page shows, in its body, exactly the ingest's cleaned text (`pages[i].text`);
 * - no text from a source becomes markup: no script, event handler or element of its own;
 * - each encoding variant gives the same record, MDX and page as the UTF-8 original.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runIngest } from '../../scripts/lib/run-ingest.ts';
import type { Catalog, GeneratedPage } from '../../src/lib/ingest/types.ts';
import { encodings, makeRobustSources, variantName } from '../fixtures/robust-site/make-sources.ts';
import { root, runBuild, type BuildRun } from '../fixtures/robust-site/run-build.ts';
import { elementText } from '../helpers/html-text.ts';

type Node = {
	nodeName: string;
	tagName?: string;
	value?: string;
	childNodes?: Node[];
	attrs?: Array<{ name: string; value: string }>;
	content?: Node;
};

let tmp: string;
let dist: string;
let reportsDir: string;
let sources: string;
let build: BuildRun;
let pages: GeneratedPage[];
let catalog: Catalog;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-robust-'));
	sources = path.join(tmp, 'sources');
	dist = path.join(tmp, 'dist');
	reportsDir = path.join(tmp, 'reports');
	await makeRobustSources(sources);
	build = await runBuild({ sources, out: dist, reportsDir, cache: path.join(tmp, 'cache') });
	const run = await runIngest({
		sources,
		dryRun: true,
		vocabulary: path.join(root, 'content/vocabulary.yaml'),
		overrides: path.join(root, 'content/overrides.yaml'),
	});
	pages = run.result.pages;
	catalog = run.result.catalog;
}, 300_000);

afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

const html = (id: string) => readFile(path.join(dist, 'reports', id, 'index.html'), 'utf8');
const hasClass = (name: string) => (n: { attrs?: Array<{ name: string; value: string }> }) =>
	n.attrs?.some((a) => a.name === 'class' && a.value.split(/\s+/).includes(name)) ?? false;

describe('the hostile site builds', () => {
	test('the build succeeds and prints one line per stage', () => {
		expect(build.code, build.output).toBe(0);
		for (const stage of ['ingest:', 'astro:', 'search:', 'build:'])
			expect(build.output).toMatch(new RegExp(`^${stage} `, 'm'));
		expect(build.output).toMatch(/^ingest: \d+ sources, \d+ reports/m);
	});

	test('every source gave pages, the big ones included', () => {
		expect(new Set(pages.map((p) => p.frontmatter.source)).size).toBe(catalog.sources.length);
		const long = pages.find((p) => p.frontmatter.source === 'robust-long-line.txt');
		expect(
			Math.max(...(long?.text.split('\n').map((l) => Buffer.byteLength(l)) ?? [0])),
		).toBeGreaterThanOrEqual(1 << 20);
		const many = pages.find((p) => p.frontmatter.source === 'robust-many-lines.txt');
		expect(many?.text.split('\n').length).toBeGreaterThanOrEqual(99_990);
	});
});

describe('each report page shows exactly the cleaned source text', () => {
	test('the body part of data-pagefind-body equals pages[i].text, for every report', async () => {
		expect(pages.length).toBeGreaterThan(20);
		for (const page of pages) {
			const doc = await html(page.id);
			const body = elementText(doc, hasClass('report-main'));
			expect(body, page.id).not.toBeNull();
			// Compare as lines, so a failure names the first line that differs, not a 3 MB blob.
			const shown = body!.split('\n');
			const expected = page.text.split('\n');
			for (let i = 0; i < Math.max(shown.length, expected.length); i++) {
				if (shown[i] !== expected[i])
					expect({ id: page.id, line: i + 1, shown: shown[i]?.slice(0, 200) }).toEqual({
						id: page.id,
						line: i + 1,
						shown: expected[i]?.slice(0, 200),
					});
			}
			const title = elementText(doc, (n) => n.nodeName === 'h1');
			expect(title, page.id).toBe(page.frontmatter.title);
		}
	});
});

/** Every element of a parsed document (template contents included). */
function* elements(node: Node): Generator<Node> {
	if (node.tagName) yield node;
	for (const child of node.childNodes ?? []) yield* elements(child);
	if (node.content) yield* elements(node.content);
}

describe('no source text becomes markup', () => {
	test('scripts are only the site’s own; no event handler, no foreign element', async () => {
		// Tags that appear in the fixtures as text; the site's own markup uses none of them.
		const foreign = new Set(['img', 'component', 'iframe', 'object']);
		const findings: string[] = [];
		// Every page of the site: report pages, listings with excerpts, compilations, search, 404.
		const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
		expect(files.length).toBeGreaterThan(pages.length);
		for (const file of files) {
			const doc = parse(await readFile(path.join(dist, file), 'utf8')) as unknown as Node;
			for (const el of elements(doc)) {
				const attrs = el.attrs ?? [];
				if (foreign.has(el.tagName!)) findings.push(`${file}: <${el.tagName}>`);
				for (const a of attrs)
					if (/^on/i.test(a.name)) findings.push(`${file}: <${el.tagName} ${a.name}>`);
				if (el.tagName === 'script') {
					const src = attrs.find((a) => a.name === 'src')?.value;
					const text = (el.childNodes ?? []).map((c) => c.value ?? '').join('');
					const type = attrs.find((a) => a.name === 'type')?.value;
					// The site's own scripts: Astro's bundles, Pagefind, and the two pre-paint files in public/js/.
					if (
						src !== undefined &&
						!(/^\/(_astro|pagefind|js)\/[\w.-]+\.js$/.test(src) && existsSync(path.join(dist, src)))
					)
						findings.push(`${file}: script src=${src}`);
					if (type === 'application/ld+json') {
						// Data, not code: it must parse whole (a `</script>` in a title would cut it short).
						try {
							JSON.parse(text);
						} catch {
							findings.push(`${file}: JSON-LD cut short: ${text.slice(-60)}`);
						}
					} else if (/alert|pwned|标题里的脚本|evil\.example|document\.title/.test(text))
						findings.push(`${file}: inline script from text`);
				}
			}
		}
		expect(findings).toEqual([]);
	});

	test('a title made of a script tag is shown as text in the title, heading and breadcrumbs', async () => {
		const page = pages.find((p) => p.frontmatter.title.includes('<script>'));
		expect(page, 'the fixture has a report titled with <script>').toBeDefined();
		const doc = await html(page!.id);
		expect(elementText(doc, (n) => n.nodeName === 'title')).toContain(page!.frontmatter.title);
		// Structured data, when the page has it, carries the title whole.
		const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(doc);
		if (ld)
			expect(JSON.stringify(JSON.parse(ld[1]!))).toContain(
				JSON.stringify(page!.frontmatter.title).slice(1, -1),
			);
		expect(elementText(doc, (n) => n.nodeName === 'nav' && hasClass('breadcrumbs')(n))).toContain(
			page!.frontmatter.title,
		);
	});
});

describe('every encoding gives the same records and pages', () => {
	const originals = ['robust-single.txt', 'robust-toc.txt'];
	const cases = originals.flatMap((file) =>
		Object.keys(encodings).map((encoding) => [file, encoding] as const),
	);
	/** Replace what the file name of a variant shows through (slug, file name) by the original's. */
	const asOriginal = (text: string, file: string, encoding: string) => {
		const variant = variantName(file, encoding);
		const slug = (f: string) => catalog.sources.find((s) => s.file === f)!.slug;
		return text.replaceAll(variant, file).replaceAll(slug(variant), slug(file));
	};
	// The variants are one report printed in several sources: all copies but one are reprints of
	// it (issue 18), so the reprint field and the 另见 / 亦收录于 note differ between them; the
	// record, the text and the rest of the page must not.
	const article = (doc: string) =>
		doc
			.slice(doc.indexOf('<header class="report-head">'), doc.indexOf('</article>'))
			.replace(/<p class="reprint-note[^]*?<\/p>/g, '');
	const noReprint = (mdx: string) => mdx.replace(/^reprintOf: .*\n/m, '');

	test.each(cases)('%s saved as %s', async (file, encoding) => {
		const variant = variantName(file, encoding);
		const mine = pages.filter((p) => p.frontmatter.source === file);
		const theirs = pages.filter((p) => p.frontmatter.source === variant);
		expect(mine.length).toBeGreaterThan(0);
		expect(theirs.length).toBe(mine.length);
		const source = (f: string) => JSON.stringify(catalog.sources.find((s) => s.file === f));
		expect(asOriginal(source(variant), file, encoding)).toBe(source(file));
		for (let i = 0; i < mine.length; i++) {
			// the generated MDX as written by the build, and the page's searchable article
			const mdx = (id: string) => readFile(path.join(reportsDir, `${id}.mdx`), 'utf8');
			expect(noReprint(asOriginal(await mdx(theirs[i]!.id), file, encoding))).toBe(
				noReprint(await mdx(mine[i]!.id)),
			);
			expect(asOriginal(article(await html(theirs[i]!.id)), file, encoding)).toBe(
				article(await html(mine[i]!.id)),
			);
		}
	});
});
