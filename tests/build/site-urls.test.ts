/**
 * True URLs (issue 18). Without `--site` (the shared test build) nothing names a host: no
 * canonical link, Open Graph tag or sitemap; citations and Dublin Core leave the URL out; the
 * JSON-LD and data say site-relative paths; and the build prints ONE warning naming `--site`.
 * With `--site` (and `--base`), every page has its canonical URL and Open Graph tags, and the
 * citations, JSON-LD, Dublin Core, sitemap, data package and text downloads say absolute URLs.
 *
 * Expected URLs are written from the catalog's ids and the flags given here, not by the site code.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { root, runBuild, type BuildRun } from '../fixtures/robust-site/run-build.ts';
import { htmlFiles, readCatalog, urlOf } from './browse-site.ts';

const SITE = 'https://huibian.test';
const BASE = '/kb/';

const head = (html: string) => /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
const canonicals = (html: string) =>
	[...head(html).matchAll(/<link rel="canonical" href="([^"]*)"/g)].map((m) => m[1]);
const og = (html: string, prop: string) =>
	[...head(html).matchAll(new RegExp(`<meta property="og:${prop}" content="([^"]*)"`, 'g'))].map(
		(m) => m[1],
	);
const bibtexOf = (html: string) =>
	/<pre id="cite-bibtex"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '';
const cslOf = (html: string) =>
	JSON.parse(
		(/<pre id="cite-csl"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '[]')
			.replace(/&quot;/g, '"')
			.replace(/&amp;/g, '&')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&#39;/g, "'"),
	) as Array<Record<string, unknown>>;
const jsonLdOf = (html: string) =>
	JSON.parse(
		/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null',
	) as Record<string, unknown>;
const dcIdentifier = (html: string) =>
	/<meta name="DC.identifier" content="([^"]*)"/.exec(html)?.[1] ?? null;

/** Every text file of a built site (not the search index's binary files), relative path → text. */
async function textFiles(dir: string): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!e.isFile() || !/\.(html|json|jsonl|csv|txt|xml|js|css)$/.test(e.name)) continue;
		const full = path.join(e.parentPath, e.name);
		out.set(path.relative(dir, full), await readFile(full, 'utf8'));
	}
	return out;
}

describe('without --site (the shared test build)', () => {
	const site = inject('siteDir');
	const catalog = readCatalog(site);
	const page = (url: string) => readFileSync(path.join(site, url, 'index.html'), 'utf8');

	test('no generated file names a made-up host', async () => {
		const files = await textFiles(site);
		expect(files.size).toBeGreaterThan(50);
		const offending = [...files]
			.filter(([, t]) => /example\.org|localhost:\d+|127\.0\.0\.1/.test(t))
			.map(([f]) => f);
		expect(offending).toEqual([]);
	});

	test('no page has a canonical link or Open Graph tags, and there is no sitemap', () => {
		for (const file of htmlFiles(site)) {
			const html = readFileSync(path.join(site, file), 'utf8');
			expect(canonicals(html), file).toEqual([]);
			expect(head(html), file).not.toContain('property="og:');
			expect(html, file).not.toContain('sitemap-index.xml');
		}
	});

	test('citations and Dublin Core leave the URL out; the JSON-LD says the site-relative path', () => {
		for (const r of catalog.reports) {
			const html = page(r.url);
			expect(bibtexOf(html)).toContain(`@incollection{${r.id},`);
			expect(bibtexOf(html)).not.toMatch(/\burl = /);
			expect(cslOf(html)[0]).not.toHaveProperty('URL');
			expect(dcIdentifier(html)).toBeNull();
			expect(jsonLdOf(html)).toMatchObject({
				'@id': `/reports/${r.id}/`,
				url: `/reports/${r.id}/`,
			});
		}
		for (const s of catalog.sources)
			expect(bibtexOf(page(`/compilations/${s.slug}/`))).not.toMatch(/\burl = /);
	});

	test('datapackage.json has no homepage; the text downloads have no address line', () => {
		expect(
			JSON.parse(readFileSync(path.join(site, 'data/datapackage.json'), 'utf8')),
		).not.toHaveProperty('homepage');
		for (const r of catalog.reports)
			expect(readFileSync(path.join(site, `reports/${r.id}.txt`), 'utf8')).not.toContain('网址：');
	});

	test('the build prints exactly one warning, naming --site', async () => {
		const tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-nosite-'));
		try {
			const run = await runBuild({
				sources: path.join(root, 'tests/fixtures/robust-site/sources'),
				out: path.join(tmp, 'dist'),
				reportsDir: path.join(tmp, 'reports'),
				cache: path.join(tmp, 'cache'),
			});
			expect(run.code, run.output).toBe(0);
			const lines = run.output.split('\n').filter((l) => l.includes('--site'));
			expect(lines).toEqual([
				'build: warning: no --site given: pages, citations and data use site-relative URLs, with no canonical link, Open Graph tags or sitemap; --site https://host sets absolute URLs',
			]);
		} finally {
			await rm(tmp, { recursive: true, force: true });
		}
	}, 180_000);
});

describe(`with --site ${SITE} --base ${BASE}`, () => {
	let tmp: string;
	let dist: string;
	let run: BuildRun;
	beforeAll(async () => {
		// Vitest puts Vite's BASE_URL=/ into process.env, and Astro would take it over --base in the
		// child build: a build run outside vitest has no such variable.
		delete process.env.BASE_URL;
		tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-site-'));
		dist = path.join(tmp, 'dist');
		run = await runBuild({
			sources: path.join(root, 'content/sources'),
			out: dist,
			reportsDir: path.join(tmp, 'reports'),
			cache: path.join(tmp, 'cache'),
			extra: ['--site', SITE, '--base', BASE],
		});
	}, 240_000);
	afterAll(async () => {
		if (tmp) await rm(tmp, { recursive: true, force: true });
	});
	const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
	const pageAt = (url: string) => read(path.join(url, 'index.html'));

	test('the build succeeds and does not warn about --site', () => {
		expect(run.code, run.output).toBe(0);
		expect(run.output).not.toContain('--site');
	});

	test('every page but the 404 has its own canonical URL and Open Graph tags', () => {
		const files = htmlFiles(dist);
		expect(files.length).toBeGreaterThan(50);
		for (const file of files) {
			const html = read(file);
			if (file === '404.html') {
				expect(canonicals(html)).toEqual([]);
				expect(head(html)).not.toContain('property="og:');
				continue;
			}
			const url = `${SITE}${urlOf(file, BASE)}`;
			expect(canonicals(html), file).toEqual([url]);
			expect(og(html, 'url'), file).toEqual([url]);
			expect(og(html, 'title')[0], file).toBeTruthy();
			expect(og(html, 'site_name'), file).toEqual(['学习型组织建设汇编知识库']);
			expect(og(html, 'locale'), file).toEqual(['zh_CN']);
			expect(og(html, 'type'), file).toEqual([file.startsWith('reports/') ? 'article' : 'website']);
		}
	});

	test('citations, JSON-LD, Dublin Core and the text download say the absolute URL', () => {
		const catalog = readCatalog(dist);
		for (const r of catalog.reports) {
			const url = `${SITE}${BASE}reports/${r.id}/`;
			const html = pageAt(r.url);
			expect(bibtexOf(html)).toContain(`  url = {${url}}`);
			expect(cslOf(html)[0]?.URL).toBe(url);
			expect(dcIdentifier(html)).toBe(url);
			expect(jsonLdOf(html)).toMatchObject({ '@id': url, url });
			expect(read(`reports/${r.id}.txt`)).toContain(`网址：${url}\r\n`);
		}
		for (const s of catalog.sources)
			expect(bibtexOf(pageAt(`/compilations/${s.slug}/`))).toContain(
				`  url = {${SITE}${BASE}compilations/${s.slug}/}`,
			);
	});

	test('the sitemap lists every report page by absolute URL; the data package names the homepage', () => {
		const catalog = readCatalog(dist);
		expect(read('sitemap-index.xml')).toContain(`<loc>${SITE}${BASE}sitemap-0.xml</loc>`);
		const sitemap = read('sitemap-0.xml');
		for (const r of catalog.reports)
			expect(sitemap).toContain(`<loc>${SITE}${BASE}reports/${r.id}/</loc>`);
		expect(pageAt('/')).toContain(`<link rel="sitemap" href="${BASE}sitemap-index.xml">`);
		expect(JSON.parse(read('data/datapackage.json')).homepage).toBe(`${SITE}${BASE}`);
	});
});
