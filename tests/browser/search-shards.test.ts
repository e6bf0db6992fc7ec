/**
 * An index written in shards and merged gives the search page what one index gives.
 *
 * The shared test site's index is written as one shard (16 reports < 500 per shard). Here a copy
 * of it is re-indexed by the real `scripts/index-search.ts` with 3 reports per shard (6 Pagefind
 * indexes, TOC-only records spread over them, merged into one), and the same searches are typed
 * into both sites' /search/ pages in Chromium: every order (relevance too) must list the same
 * results in the same order, with the same status line and filter counts. The date order is
 * also checked against the catalog's dates directly.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { loadAllResults, resultKeys, waitForSearch } from './search-page-helpers.ts';

const site = inject('siteDir');
const root = path.resolve(import.meta.dirname, '../..');
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{ id: string; date: string | null }>;
	tocOnly: Array<{ id: string; sourceSlug: string }>;
	sources: Array<{ slug: string; date: string | null }>;
};

const sharded = mkdtempSync(path.join(tmpdir(), 'huibian-shards-'));
cpSync(site, sharded, { recursive: true });
rmSync(path.join(sharded, 'pagefind'), { recursive: true });
const indexed = execFileSync(process.execPath, [path.join(root, 'scripts/index-search.ts'), '--site', sharded, '--catalog', path.join(sharded, 'catalog.json')], {
	cwd: root,
	env: { ...process.env, HUIBIAN_SEARCH_SHARD_REPORTS: '3' },
	encoding: 'utf8',
});
afterAll(() => rmSync(sharded, { recursive: true, force: true }));

/** Searches as URLs of the search page (its state lives in the URL). */
const searches = ['q=学习', 'q=社区', 'q=学', 'q=学习型社区', 'q=读书活动', 'q=组织部', 'category=学习型社区', 'year=未注明', 'q=学习&year=2010'].flatMap(
	(s) => ['', '&sort=date-desc', '&sort=date-asc', ...(s.startsWith('q=') ? ['&sort=relevance'] : [])].map((sort) => `${s}${sort}`),
);

async function runSearch(page: Page, url: string): Promise<{ keys: string[]; status: string; filters: string }> {
	await page.goto(url);
	await waitForSearch(page);
	await loadAllResults(page);
	return {
		keys: await resultKeys(page),
		status: (await page.locator('#search-status').textContent()) ?? '',
		filters: await page.locator('#search-filters').innerText(),
	};
}

describe.skipIf(!browserAvailable)('search over a sharded index', () => {
	const one = useServedSite(site);
	const many = useServedSite(sharded);

	test('the copy was written as 6 indexes and merged into one', () => {
		expect(indexed).toMatch(/\(6 shards merged in [\d.]+ s, \d+ chunks\)/);
		expect(readdirSync(sharded).filter((n) => n.startsWith('pagefind'))).toEqual(['pagefind']);
		const names = readdirSync(path.join(sharded, 'pagefind'));
		expect(names.filter((n) => n.startsWith('part-'))).toEqual([]);
		expect(names).toEqual(expect.arrayContaining(['pagefind.js', 'wasm.unknown.pagefind', 'index', 'filter', 'fragment']));
		const entry = JSON.parse(readFileSync(path.join(sharded, 'pagefind/pagefind-entry.json'), 'utf8'));
		const full = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as { reports: unknown[]; tocOnly: unknown[] };
		expect(entry.languages.und.page_count).toBe(full.reports.length + full.tocOnly.length);
		const config = JSON.parse(readFileSync(path.join(sharded, 'search/search-config.json'), 'utf8')) as Record<string, unknown>;
		expect(Object.keys(config).sort()).toEqual(['fold', 'gram']);
	});

	test('same results, order and filter counts as one index', { timeout: 240_000 }, async () => {
		const pageOne = await one.browser.newPage();
		const pageMany = await many.browser.newPage();
		const errors: string[] = [];
		pageMany.on('pageerror', (e) => errors.push(String(e)));
		pageMany.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		// A TOC-only entry sorts by its compilation's date (the site's counting rule, issue 18).
		const sourceDate = new Map(catalog.sources.map((s) => [s.slug, s.date ?? '']));
		const dateKey = new Map([
			...catalog.reports.map((r): [string, string] => [`report:${r.id}`, r.date ?? '']),
			...catalog.tocOnly.map((t): [string, string] => [`toc:${t.id}`, sourceDate.get(t.sourceSlug) ?? '']),
		]);
		let nonEmpty = 0;
		for (const search of searches) {
			const a = await runSearch(pageOne, `${one.server.url}search/?${search}`);
			const b = await runSearch(pageMany, `${many.server.url}search/?${search}`);
			expect(b.status, search).toBe(a.status);
			expect(b.filters, search).toBe(a.filters);
			const byRelevance = search.includes('relevance') || (search.startsWith('q=') && !search.includes('sort='));
			expect(b.keys, search).toEqual(a.keys);
			if (!byRelevance) {
				// records in date order (undated last when newest first)
				const dates = b.keys.map((k) => dateKey.get(k) ?? '');
				const sorted = [...dates].sort();
				expect(dates, search).toEqual(search.includes('date-asc') ? sorted : sorted.reverse());
			}
			if (b.keys.length > 0) nonEmpty++;
		}
		expect(nonEmpty).toBeGreaterThan(searches.length / 2);
		expect(errors).toEqual([]);
	});
});
