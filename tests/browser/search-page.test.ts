/**
 * The /search/ page: URL state, filters-only browsing with counts, date sort, 更多结果, the
 * 正文未收录 mark, simplified/traditional equivalence and highlighting on the report page.
 * Expected sets come from catalog.json (the data the site was built from), not from the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { loadAllResults, resultKeys, searchFor, waitForSearch } from './search-page-helpers.ts';

const site = inject('siteDir');
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{ id: string; category: string; date: string | null; themes: string[] }>;
	tocOnly: Array<{ id: string; category: string; unit: string | null; sourceSlug: string }>;
	sources: Array<{ slug: string; date: string | null }>;
};

describe.skipIf(!browserAvailable)('search page', () => {
	const served = useServedSite(site);
	let page: Page;
	const open = async (query: string) => {
		page = await served.browser.newPage();
		await page.goto(`${served.server.url}search/${query}`);
		await waitForSearch(page);
		return page;
	};

	test('/search/?q=学习型社区 opens with the query in the box and results', async () => {
		await open(`?q=${encodeURIComponent('学习型社区')}`);
		expect(await page.inputValue('#q')).toBe('学习型社区');
		expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
		expect(await page.locator('#search-results mark').first().textContent()).toBe('学习型社区');
		await page.close();
	});

	test('typing a query puts it in the URL', async () => {
		await open('');
		await searchFor(page, served.server.url, '读书');
		expect(new URL(page.url()).searchParams.get('q')).toBe('读书');
		await page.close();
	});

	test('a traditional query finds what the simplified one finds', async () => {
		await open('');
		const simplified = await searchFor(page, served.server.url, '学习型组织');
		const traditional = await searchFor(page, served.server.url, '學習型組織');
		expect(simplified.length).toBeGreaterThan(0);
		expect(traditional).toEqual(simplified);
		await page.close();
	});

	test('browsing a category without a query lists every record of it, counts match', async () => {
		const category = catalog.reports[0]!.category;
		const expected = [
			...catalog.reports.filter((r) => r.category === category).map((r) => `report:${r.id}`),
			...catalog.tocOnly.filter((t) => t.category === category).map((t) => `toc:${t.id}`),
		].sort();
		await open(`?category=${encodeURIComponent(category)}`);
		await loadAllResults(page);
		expect((await resultKeys(page)).sort()).toEqual(expected);
		const box = page.locator(
			`#search-filters fieldset[data-filter=category] input[value="${category}"]`,
		);
		expect(await box.isChecked()).toBe(true);
		const count = await page
			.locator(`label[for="${await box.getAttribute('id')}"] .filter-count`)
			.textContent();
		expect(count).toBe(`(${expected.length})`);
		await page.close();
	});

	test('ticking a filter narrows the results to its count and writes it into the URL', async () => {
		await open(`?q=${encodeURIComponent('学习')}`);
		const option = page
			.locator('#search-filters fieldset[data-filter=year] .filter-option')
			.first();
		const count = Number(
			/\((\d+)\)/.exec((await option.locator('.filter-count').textContent()) ?? '')?.[1],
		);
		const value = await option.locator('input').getAttribute('value');
		await page.evaluate(() => (document.body.dataset.searchState = 'typed'));
		await option.locator('input').check();
		await waitForSearch(page);
		await loadAllResults(page);
		expect(new URL(page.url()).searchParams.getAll('year')).toEqual([value]);
		expect(await page.locator('#search-results > li').count()).toBe(count);
		await page.close();
	});

	test('sorting by date keeps undated records (at the end) and orders the rest', async () => {
		const category = catalog.reports[0]!.category;
		await open(`?category=${encodeURIComponent(category)}&sort=date-desc`);
		await loadAllResults(page);
		const keys = await resultKeys(page);
		// A TOC-only entry sorts by its compilation's date (the site's counting rule, issue 18).
		const sourceDate = new Map(catalog.sources.map((s) => [s.slug, s.date ?? '']));
		const dates = new Map([
			...catalog.reports.map((r): [string, string] => [`report:${r.id}`, r.date ?? '']),
			...catalog.tocOnly.map((t): [string, string] => [
				`toc:${t.id}`,
				sourceDate.get(t.sourceSlug) ?? '',
			]),
		]);
		const seen = keys.map((k) => dates.get(k) ?? '');
		const expected = [...seen].sort((a, b) => b.localeCompare(a));
		expect(seen).toEqual(expected);
		expect(keys.length).toBe(
			catalog.reports.filter((r) => r.category === category).length +
				catalog.tocOnly.filter((t) => t.category === category).length,
		);
		await page.close();
	});

	test('更多结果 loads the rest, ten at a time, until all results are shown', async () => {
		await open(`?q=${encodeURIComponent('学习')}`);
		const total = Number(
			/共找到 (\d+) 条/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1],
		);
		expect(total).toBeGreaterThan(10);
		expect(await page.locator('#search-results > li').count()).toBe(10);
		await loadAllResults(page);
		expect(await page.locator('#search-results > li').count()).toBe(total);
		await page.close();
	});

	test('TOC-only entries are found by unit and marked 正文未收录', async () => {
		const entry = catalog.tocOnly.find(
			(t) => t.unit && t.unit.length >= 4 && !t.unit.includes('*'),
		);
		expect(entry).toBeDefined();
		await open('');
		const keys = await searchFor(page, served.server.url, entry!.unit!);
		const index = keys.indexOf(`toc:${entry!.id}`);
		expect(index).toBeGreaterThanOrEqual(0);
		expect(
			await page
				.locator('#search-results > li')
				.nth(index)
				.locator('.search-toc-only')
				.textContent(),
		).toBe('正文未收录');
		await page.close();
	});

	test('clicking a result opens the report with the query highlighted', async () => {
		await open(`?q=${encodeURIComponent('學習型社區')}`);
		const link = page.locator('#search-results > li h2 a[href*="/reports/"]').first();
		await link.click();
		await page.waitForURL(/\/reports\/.+hl=/);
		await page.waitForFunction(() => document.body.dataset.highlighted !== undefined);
		const marks = await page.locator('[data-pagefind-body] mark.search-hl').allTextContents();
		expect(marks.length).toBeGreaterThan(0);
		for (const text of marks) expect(text.replace(/\s/g, '')).toBe('学习型社区');
		await page.close();
	});
});
