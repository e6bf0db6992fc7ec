/**
 * The built search index: one Pagefind record per report page and per TOC-only entry, with
 * filters and a sort key on every record, and the browser’s search config beside it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import { tocOnlyUrl } from '../../scripts/lib/search-index.ts';

const site = inject('siteDir');
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{ url: string; category: string }>;
	tocOnly: Array<{ id: string; sourceSlug: string; title: string }>;
};
interface Fragment {
	url: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	sort?: Record<string, string>;
}
const fragmentDir = path.join(site, 'pagefind/fragment');
const fragments: Fragment[] = existsSync(fragmentDir)
	? readdirSync(fragmentDir).map((name) => {
			const text = gunzipSync(readFileSync(path.join(fragmentDir, name))).toString('utf8');
			return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
		})
	: [];

describe('search index', () => {
	test('has one index, not segmented as Chinese, with one record per report page and TOC-only entry', () => {
		const entry = JSON.parse(
			readFileSync(path.join(site, 'pagefind/pagefind-entry.json'), 'utf8'),
		) as {
			languages: Record<string, { page_count: number }>;
		};
		// a single language: the zh-CN search page falls back to it
		const languages = Object.keys(entry.languages);
		expect(languages).toHaveLength(1);
		expect(languages[0]).not.toMatch(/^zh/);
		expect(entry.languages[languages[0]!]?.page_count).toBe(
			catalog.reports.length + catalog.tocOnly.length,
		);
		expect(fragments.map((f) => f.url).sort()).toEqual(
			[
				...catalog.reports.map((r) => r.url),
				...catalog.tocOnly.map((t) => tocOnlyUrl(t.sourceSlug, t.id)),
			].sort(),
		);
	});

	test('indexes TOC-only entries by title, marked as such', () => {
		expect(catalog.tocOnly.length).toBeGreaterThan(0);
		for (const entry of catalog.tocOnly) {
			const record = fragments.find((f) => f.url === tocOnlyUrl(entry.sourceSlug, entry.id));
			expect(record?.meta.title).toBe(entry.title);
			expect(record?.meta.kind).toBe('toc');
		}
	});

	test('gives every record a category, a year (未注明 when undated) and a date sort key', () => {
		for (const f of fragments) {
			expect(f.filters.category?.length, f.url).toBe(1);
			expect(f.filters.year?.[0], f.url).toMatch(/^(\d{4}|未注明)$/);
		}
		for (const report of catalog.reports) {
			expect(fragments.find((f) => f.url === report.url)?.filters.category).toEqual([
				report.category,
			]);
		}
	});

	test('writes the browser search config with a fold table for the corpus', () => {
		const config = JSON.parse(
			readFileSync(path.join(site, 'search/search-config.json'), 'utf8'),
		) as { gram: number; fold: string };
		expect(config.gram).toBeGreaterThanOrEqual(2);
		expect(config.fold).toContain('學学');
		expect([...config.fold].length % 2).toBe(0);
	});

	test('report pages declare their filters, metadata and sort key in the indexed body', () => {
		const html = readFileSync(path.join(site, catalog.reports[0]!.url, 'index.html'), 'utf8');
		expect(html).toContain('data-pagefind-filter="category[data-value]"');
		expect(html).toContain('data-pagefind-sort="date[data-value]"');
	});
});
