import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { PER_PAGE } from '../../src/consts.ts';
import { unitSlug } from '../../src/lib/site/unit-slug.ts';
import { anchorHrefs, fileFor, readCatalog } from './browse-site.ts';

const site = inject('siteDir');
// The test build serves at `/`; set HUIBIAN_TEST_BASE to check a build made with another base.
const base = process.env.HUIBIAN_TEST_BASE ?? '/';
const catalog = readCatalog(site);
const page = (p: string) => path.join(site, p, 'index.html');
const read = (p: string) => readFileSync(page(p), 'utf8');

// Expected facets, derived from the catalog here (not through the site's grouping code).
const categories = new Map<string, number>();
for (const r of [...catalog.reports, ...catalog.tocOnly])
	categories.set(r.categorySlug, (categories.get(r.categorySlug) ?? 0) + 1);
const themes = new Set(catalog.reports.flatMap((r) => r.themeSlugs));
// The counting rule (issue 18): a TOC-only entry counts in its compilation's year.
const sourceDate = new Map(catalog.sources.map((s) => [s.slug, s.date]));
const years = new Set(
	[
		...catalog.reports.map((r) => r.date),
		...catalog.tocOnly.map((t) => sourceDate.get(t.sourceSlug) ?? null),
	].map((d) => (d === null ? 'undated' : d.slice(0, 4))),
);
const units = new Map<string, string>();
for (const r of [...catalog.reports, ...catalog.tocOnly]) {
	if (r.unit !== null && !r.unitAnonymized) units.set(unitSlug(r.sourceSlug, r.unit), r.unit);
}

describe('browsing pages in the build', () => {
	test('the catalog has data to browse', () => {
		expect(catalog.reports.length).toBeGreaterThan(0);
		expect(categories.size).toBeGreaterThan(0);
	});

	test.each(['', 'categories', 'themes', 'units', 'compilations', 'years'])(
		'has the index /%s/',
		(p) => {
			expect(existsSync(page(p))).toBe(true);
		},
	);

	test('has a page for every category, each index page linking to it', () => {
		const index = read('categories');
		for (const slug of categories.keys()) {
			expect(existsSync(page(`categories/${slug}`)), slug).toBe(true);
			expect(index).toContain(`href="${base}categories/${slug}/"`);
		}
	});

	test('paginates a category at PER_PAGE items, with every page built', () => {
		for (const [slug, n] of categories) {
			const pages = Math.ceil(n / PER_PAGE);
			for (let i = 2; i <= pages; i++)
				expect(existsSync(page(`categories/${slug}/${i}`)), `${slug} p${i}`).toBe(true);
			expect(existsSync(page(`categories/${slug}/${pages + 1}`))).toBe(false);
		}
	});

	test('has a page for every theme of a report', () => {
		for (const slug of themes) expect(existsSync(page(`themes/${slug}`)), slug).toBe(true);
	});

	test('has a page for every year of a report (undated included) and none for other years', () => {
		for (const key of years) expect(existsSync(page(`years/${key}`)), key).toBe(true);
		expect(existsSync(page('years/undated'))).toBe(years.has('undated'));
	});

	test('has a page for every compilation, showing its title', () => {
		for (const s of catalog.sources)
			expect(read(`compilations/${s.slug}`)).toContain(s.title.replace(/&/g, '&amp;'));
	});

	test('has a page for every named unit, and none for anonymised units', () => {
		for (const [slug, name] of units)
			expect(read(`units/${slug}`), slug).toContain(name.replace(/&/g, '&amp;'));
		for (const r of catalog.reports.filter((x) => x.unit !== null && x.unitAnonymized)) {
			expect(existsSync(page(`units/${unitSlug(r.sourceSlug, r.unit ?? '')}`))).toBe(false);
		}
	});

	test('every report page is built', () => {
		for (const r of catalog.reports)
			expect(fileFor(site, base + r.url.slice(1), base), r.url).not.toBeNull();
	});

	test('every TOC-only entry is listed, marked 正文未收录, on its category pages', () => {
		const listing = (slug: string) => {
			let html = '';
			for (let i = 1; existsSync(page(`categories/${slug}${i === 1 ? '' : `/${i}`}`)); i++) {
				html += read(`categories/${slug}${i === 1 ? '' : `/${i}`}`);
			}
			return html;
		};
		const cache = new Map<string, string>();
		for (const t of catalog.tocOnly) {
			if (!cache.has(t.categorySlug)) cache.set(t.categorySlug, listing(t.categorySlug));
			const html = cache.get(t.categorySlug) ?? '';
			const at = html.indexOf(`>${t.title.replace(/&/g, '&amp;')}</span>`);
			expect(at, t.id).toBeGreaterThan(-1);
			expect(html.slice(at, at + 200)).toContain('正文未收录');
		}
	});

	test('a compilation page lists its printed TOC in order, linking reports it contains', () => {
		for (const s of catalog.sources.filter((x) => x.toc.length > 0)) {
			const html = read(`compilations/${s.slug}`);
			const hrefs = anchorHrefs(html).filter((h) => h.startsWith(`${base}reports/`));
			const expected = s.toc
				.filter((e) => e.reportId !== null)
				.map((e) => `${base}reports/${e.reportId}/`);
			expect(hrefs.slice(0, expected.length)).toEqual(expected);
		}
	});

	test('a report page has one pagefind body, its metadata and a citation line', () => {
		for (const r of catalog.reports.slice(0, 50)) {
			const html = read(r.url.slice(1));
			expect(html.match(/data-pagefind-body/g)).toHaveLength(1);
			expect(html).toContain(`href="${base}categories/${r.categorySlug}/"`);
			expect(html).toContain(`href="${base}compilations/${r.sourceSlug}/"`);
			for (const t of r.themeSlugs) expect(html).toContain(`href="${base}themes/${t}/"`);
			expect(html).toContain('引用本文');
		}
	});

	test('listing pages are not indexed by Pagefind (no data-pagefind-body)', () => {
		for (const p of ['', 'categories', `categories/${[...categories.keys()][0]}`, 'years']) {
			expect(read(p)).not.toContain('data-pagefind-body');
		}
	});

	// A sitemap needs absolute URLs: the test build has no --site, so it has none (and links
	// none); tests/build/site-urls.test.ts checks the sitemap of a build with --site.
	test('has a 404 page, and no sitemap without --site', () => {
		expect(existsSync(path.join(site, '404.html'))).toBe(true);
		expect(existsSync(path.join(site, 'sitemap-index.xml'))).toBe(false);
		expect(read('')).not.toContain('sitemap-index.xml');
	});
});
