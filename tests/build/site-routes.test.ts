/**
 * `src/lib/site/routes.ts` against the sample build: every route it produces for the sample's
 * data (read from catalog.json and the reports' own .json records, not from the pages) is a file
 * in dist/, every anchor it links is an id of the target page, and every page in dist/ is one of
 * its routes (so no page is spelled outside it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { attrValues, fileFor, htmlFiles, readCatalog } from './browse-site.ts';
import {
	DATA_FILES,
	FAVICON_PATH,
	HOME_PATH,
	PUBLIC_SCRIPTS,
	SECTIONS,
	SITEMAP_PATH,
	facetPath,
	reportBlockPath,
	reportJsonPath,
	reportPath,
	reportTextPath,
	searchPath,
	sectionPath,
	tocEntryPath,
	type Facet,
} from '../../src/lib/site/routes.ts';
import { countingYear } from '../../src/lib/site/counting-year.ts';
import { pagePath } from '../../src/lib/site/paginate.ts';
import { hasUnitPage, unitSlug } from '../../src/lib/site/unit-slug.ts';
import { practiceKey, practiceSlug } from '../../src/lib/knowledge/practice-key.ts';

const site = inject('siteDir');
const base = process.env.HUIBIAN_TEST_BASE ?? '/';
const catalog = readCatalog(site);
const sources = new Map(catalog.sources.map((s) => [s.slug, s]));

/** The dist/ file a route's path (before any `#`/`?`) is served from, or null. */
const fileOf = (route: string) => fileFor(site, base + route.replace(/[?#].*$/, '').slice(1), base);
const idsOf = (file: string) =>
	new Set(attrValues(readFileSync(path.join(site, file), 'utf8'), 'id'));

// Slugs of each facet, from the data (the pages' own rule for each is named beside it).
const slugs: Record<Facet, Set<string>> = {
	categories: new Set([...catalog.reports, ...catalog.tocOnly].map((r) => r.categorySlug)),
	themes: new Set(catalog.reports.flatMap((r) => r.themeSlugs)),
	compilations: new Set(catalog.sources.map((s) => s.slug)),
	units: new Set(
		[...catalog.reports, ...catalog.tocOnly].flatMap((r) =>
			hasUnitPage(r) ? [unitSlug(r.sourceSlug, r.unit)] : [],
		),
	),
	// the counting rule: a report's own date, else its compilation's; a TOC-only entry, its compilation's
	years: new Set([
		...catalog.reports.map((r) => countingYear(r)),
		...catalog.tocOnly.map((t) => {
			const date = sources.get(t.sourceSlug)?.date ?? null;
			return countingYear({ date, dateSource: date === null ? 'none' : 'compilation' });
		}),
	]),
	practices: new Set(
		catalog.reports.flatMap((r) =>
			r.namedPractices.map(practiceKey).filter(Boolean).map(practiceSlug),
		),
	),
};
const facets = Object.keys(slugs) as Facet[];

describe('every route of routes.ts exists in the sample build', () => {
	test('the sample has something in every facet (else the checks below prove little)', () => {
		expect(catalog.reports.length).toBeGreaterThan(10);
		expect(catalog.tocOnly.length).toBeGreaterThan(0);
		for (const f of facets) expect(slugs[f].size, f).toBeGreaterThan(0);
	});

	test('home, section indexes, data files, public scripts, favicon, search with a query', () => {
		const routes = [
			HOME_PATH,
			...SECTIONS.filter((s) => s !== 'reports').map(sectionPath),
			...Object.values(DATA_FILES),
			...Object.values(PUBLIC_SCRIPTS),
			FAVICON_PATH,
			searchPath(new URLSearchParams({ q: '学习型社区', sort: 'date-asc' })),
		];
		expect(routes.filter((r) => fileOf(r) === null)).toEqual([]);
	});

	test('the sitemap exists exactly when pages link it (only with --site)', () => {
		const linked = readFileSync(path.join(site, 'index.html'), 'utf8').includes('rel="sitemap"');
		expect(fileOf(SITEMAP_PATH) !== null).toBe(linked);
	});

	test.each(facets)('every %s page', (facet) => {
		const missing = [...slugs[facet]]
			.map((s) => facetPath(facet, s))
			.filter((r) => fileOf(r) === null);
		expect(missing).toEqual([]);
	});

	test('every report: its page, its .json and its .txt', () => {
		const routes = catalog.reports.flatMap((r) => [
			reportPath(r.id),
			reportJsonPath(r.id),
			reportTextPath(r.id),
		]);
		expect(routes.filter((r) => fileOf(r) === null)).toEqual([]);
		expect(catalog.reports.map((r) => r.url)).toEqual(catalog.reports.map((r) => reportPath(r.id)));
	});

	test('every 正文未收录 entry: its anchor is an id of its compilation page', () => {
		const broken = catalog.tocOnly
			.map((t) => tocEntryPath(t.sourceSlug, t.id))
			.filter((route) => {
				const file = fileOf(route);
				return file === null || !idsOf(file).has(route.split('#')[1] ?? '');
			});
		expect(broken).toEqual([]);
	});

	test("every block of a report's record: its anchor is an id of the report page", () => {
		const broken: string[] = [];
		for (const r of catalog.reports) {
			const record = JSON.parse(
				readFileSync(path.join(site, fileOf(reportJsonPath(r.id))!), 'utf8'),
			) as {
				blocks: Array<{ id: string }>;
			};
			expect(record.blocks.length, r.id).toBeGreaterThan(0);
			const ids = idsOf(fileOf(reportPath(r.id))!);
			for (const b of record.blocks) if (!ids.has(b.id)) broken.push(reportBlockPath(r.id, b.id));
		}
		expect(broken).toEqual([]);
	});
});

test('every page in dist/ is a route of routes.ts (a listing page n ≥ 2 included)', () => {
	const known = new Set<string>([
		HOME_PATH,
		...SECTIONS.filter((s) => s !== 'reports').map(sectionPath),
	]);
	for (const r of catalog.reports) known.add(reportPath(r.id));
	for (const f of facets) for (const s of slugs[f]) known.add(facetPath(f, s));
	const others = htmlFiles(site)
		.filter((f) => f !== '404.html')
		.map((f) => `/${f.replace(/index\.html$/, '')}`)
		.filter((route) => !known.has(route))
		// page n of a listing: pagePath(facetPath(f, slug), n)
		.filter((route) => {
			const m = /^(.*\/)(\d+)\/$/.exec(route);
			return !(
				m &&
				known.has(m[1]!) &&
				Number(m[2]) >= 2 &&
				pagePath(m[1]!, Number(m[2])) === route
			);
		});
	expect(others).toEqual([]);
	expect(existsSync(path.join(site, '404.html'))).toBe(true);
});
