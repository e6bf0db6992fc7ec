/**
 * The search page over a sharded index gives what it gives over one index.
 *
 * The shared test site has one index (16 reports < 500 per shard). Here a copy of it is
 * re-indexed by the real `scripts/index-search.ts` with 3 reports per shard (6 Pagefind indexes,
 * TOC-only records spread over them), and the same searches are typed into both sites'
 * /search/ pages in Chromium: date orders must list the same results in the same order,
 * relevance the same set, and the filter panel the same counts. The date order is also checked
 * against the catalog's dates directly.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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
};

const sharded = mkdtempSync(path.join(tmpdir(), 'huibian-shards-'));
cpSync(site, sharded, { recursive: true });
rmSync(path.join(sharded, 'pagefind'), { recursive: true });
execFileSync(process.execPath, [path.join(root, 'scripts/index-search.ts'), '--site', sharded, '--catalog', path.join(sharded, 'catalog.json')], {
	cwd: root,
	env: { ...process.env, HUIBIAN_SEARCH_SHARD_REPORTS: '3' },
	stdio: 'pipe',
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

	test('the copy was written as 6 indexes, the merged ones without Pagefind scripts', () => {
		const config = JSON.parse(readFileSync(path.join(sharded, 'search/search-config.json'), 'utf8')) as { shards: string[] };
		expect(config.shards).toEqual(['pagefind/part-1/', 'pagefind/part-2/', 'pagefind/part-3/', 'pagefind/part-4/', 'pagefind/part-5/']);
		for (const dir of config.shards) {
			const names = readdirSync(path.join(sharded, dir));
			expect(names).toContain('pagefind-entry.json');
			expect(names.filter((n) => n.endsWith('.js') || n.startsWith('wasm.'))).toEqual([]);
		}
		expect(existsSync(path.join(sharded, 'pagefind/wasm.unknown.pagefind'))).toBe(true);
		const shared = JSON.parse(readFileSync(path.join(site, 'search/search-config.json'), 'utf8')) as { shards: string[] };
		expect(shared.shards).toEqual([]);
	});

	test('same results, order and filter counts as one index', { timeout: 240_000 }, async () => {
		const pageOne = await one.browser.newPage();
		const pageMany = await many.browser.newPage();
		const errors: string[] = [];
		pageMany.on('pageerror', (e) => errors.push(String(e)));
		pageMany.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		const dateKey = new Map(catalog.reports.map((r) => [`report:${r.id}`, r.date ?? '']));
		let nonEmpty = 0;
		for (const search of searches) {
			const a = await runSearch(pageOne, `${one.server.url}search/?${search}`);
			const b = await runSearch(pageMany, `${many.server.url}search/?${search}`);
			expect(b.status, search).toBe(a.status);
			expect(b.filters, search).toBe(a.filters);
			const byRelevance = search.includes('relevance') || (search.startsWith('q=') && !search.includes('sort='));
			if (byRelevance) expect([...b.keys].sort(), search).toEqual([...a.keys].sort());
			else expect(b.keys, search).toEqual(a.keys);
			if (!byRelevance) {
				// reports in date order (undated last when newest first); TOC-only entries are undated
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
