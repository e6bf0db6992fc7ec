/**
 * What people expect of a search page, in Chromium on the real build: search as you type with
 * the URL in step (back/forward), `/` and Ctrl/⌘+K, a new query sorts by relevance, undated
 * records last in both date orders, focus after 更多结果, and help when nothing is found.
 * Dates come from catalog.json, not from the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { loadAllResults, resultKeys, waitForSearch } from './search-page-helpers.ts';

const site = inject('siteDir');
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{ id: string; url: string; date: string | null; category: string }>;
	tocOnly: Array<{ id: string; sourceSlug: string }>;
	sources: Array<{ slug: string; date: string | null }>;
};
// A TOC-only entry is dated by its compilation (the site's counting rule).
const sourceDate = new Map(catalog.sources.map((s) => [s.slug, s.date]));
const dates = new Map([
	...catalog.reports.map((r): [string, string | null] => [`report:${r.id}`, r.date]),
	...catalog.tocOnly.map((t): [string, string | null] => [
		`toc:${t.id}`,
		sourceDate.get(t.sourceSlug) ?? null,
	]),
]);

/** Hold every request matching `pattern` until `release()` (a connection that is slow on purpose). */
async function holdRequests(
	page: Page,
	pattern: string,
): Promise<{ held: () => number; release: () => void }> {
	let open!: () => void;
	const gate = new Promise<void>((resolve) => (open = resolve));
	let held = 0;
	await page.route(pattern, async (route) => {
		held++;
		await gate;
		await route.continue();
	});
	return { held: () => held, release: () => open() };
}

/** What the reader sees of 更多结果: its label, whether the results are busy, how many there are. */
function moreState(page: Page): Promise<{ label: string; busy: string | null; results: number }> {
	return page.evaluate(() => ({
		label: document.getElementById('search-more')?.textContent?.trim() ?? '',
		busy: document.getElementById('search-results')?.getAttribute('aria-busy') ?? null,
		results: document.querySelectorAll('#search-results > li').length,
	}));
}

describe.skipIf(!browserAvailable)('search page behaviour', () => {
	const served = useServedSite(site);
	const open = async (query = ''): Promise<Page> => {
		const page = await served.browser.newPage();
		await page.goto(`${served.server.url}search/${query}`);
		await waitForSearch(page);
		return page;
	};
	const params = (page: Page) => new URL(page.url()).searchParams;

	test('typing searches without Enter; the URL follows, one history entry per burst of typing', async () => {
		const page = await open();
		await page.locator('#q').pressSequentially('读书', { delay: 30 });
		await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '读书');
		await waitForSearch(page);
		expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
		await page.locator('#q').pressSequentially(' 考核', { delay: 30 });
		await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '读书 考核');
		await waitForSearch(page);
		const both = await resultKeys(page);
		expect(await page.textContent('#search-status')).toContain('“读书”和“考核”');
		await page.goBack();
		await page.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
		await waitForSearch(page);
		expect(await page.inputValue('#q')).toBe('');
		expect(await page.locator('#search-results > li').count()).toBe(0);
		await page.goForward();
		await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '读书 考核');
		await waitForSearch(page);
		expect(await page.inputValue('#q')).toBe('读书 考核');
		expect(await resultKeys(page)).toEqual(both);
		await page.close();
	});

	test('a shared URL opens the same search', async () => {
		const page = await open(`?q=${encodeURIComponent('学习 社区')}&sort=date-asc`);
		expect(await page.inputValue('#q')).toBe('学习 社区');
		expect(await page.inputValue('#search-sort')).toBe('date-asc');
		expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
		await page.close();
	});

	test('/ and Ctrl+K focus the search page’s box; elsewhere the page’s search box', async () => {
		const page = await open();
		await page.locator('h1').click();
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
		expect(await page.inputValue('#q')).toBe('');
		await page.locator('h1').click();
		await page.keyboard.press('Control+k');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
		// typing a / in the box types it
		await page.keyboard.type('a/b');
		expect(await page.inputValue('#q')).toBe('a/b');
		const report = catalog.reports[0]!;
		await page.goto(new URL(report.url.slice(1), served.server.url).href);
		const boxes = await page.locator('input[type="search"]').count();
		await page.keyboard.press('/');
		if (boxes > 0)
			expect(
				await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type),
			).toBe('search');
		await page.close();
	});

	test('on a page without a search box, / and Ctrl+K open the search page with its box focused', async () => {
		for (const key of ['/', 'Control+k']) {
			const page = await served.browser.newPage();
			await page.goto(new URL(catalog.reports[0]!.url.slice(1), served.server.url).href);
			await page.evaluate(() =>
				document.querySelectorAll('input[type="search"]').forEach((el) => el.remove()),
			);
			await Promise.all([page.waitForURL(/\/search\/$/), page.keyboard.press(key)]);
			await waitForSearch(page);
			expect(await page.evaluate(() => document.activeElement?.id), key).toBe('q');
			await page.close();
		}
	});

	test('a new query sorts by relevance, whatever date order was chosen before', async () => {
		const page = await open('?sort=date-asc');
		expect(await page.inputValue('#search-sort')).toBe('date-asc');
		await page.fill('#q', '学习型社区');
		await page.press('#q', 'Enter');
		await page.waitForFunction(
			() => new URLSearchParams(location.search).get('q') === '学习型社区',
		);
		await waitForSearch(page);
		expect(await page.inputValue('#search-sort')).toBe('relevance');
		expect(params(page).has('sort')).toBe(false);
		await page.close();
	});

	for (const sort of ['date-asc', 'date-desc'] as const) {
		test(`${sort}: dated records in order, undated ones last`, async () => {
			const page = await open(`?q=${encodeURIComponent('学习')}&sort=${sort}`);
			await loadAllResults(page);
			const keys = await resultKeys(page);
			const seen = keys.map((k) => dates.get(k) ?? null);
			const firstUndated = seen.indexOf(null);
			expect(firstUndated).toBeGreaterThan(0);
			expect(
				seen.slice(firstUndated).every((d) => d === null),
				seen.join(','),
			).toBe(true);
			const dated = seen.slice(0, firstUndated) as string[];
			const inOrder = [...dated].sort((a, b) =>
				sort === 'date-asc' ? a.localeCompare(b) : b.localeCompare(a),
			);
			expect(dated).toEqual(inOrder);
			await page.close();
		});
	}

	test('after 更多结果, focus is on the first new result', async () => {
		const page = await open(`?q=${encodeURIComponent('学')}`);
		expect(await page.locator('#search-results > li').count()).toBe(10);
		await page.click('#search-more');
		await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 10);
		const focused = await page.evaluate(() => {
			const items = [...document.querySelectorAll('#search-results > li')];
			return items.indexOf(document.activeElement?.closest('#search-results > li') as Element);
		});
		expect(focused).toBe(10);
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
		await page.close();
	});

	// A slow phone, reproduced exactly: the requests of the next step are held until the test
	// lets them go, so the press is always in flight when the page is looked at.
	test('更多结果 on a slow connection: busy at once, a second press changes nothing, then the next ten', async () => {
		const page = await open(`?q=${encodeURIComponent('学')}`);
		expect(await page.locator('#search-results > li').count()).toBe(10);
		const gate = await holdRequests(page, '**/pagefind/fragment/**');
		await page.click('#search-more');
		await expect
			.poll(gate.held, { message: 'the next ten need fragments not loaded yet' })
			.toBeGreaterThan(0);
		expect(await moreState(page)).toEqual({ label: '正在加载…', busy: 'true', results: 10 });
		await page.locator('#search-more').click({ force: true });
		gate.release();
		await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 10);
		expect(await moreState(page)).toEqual({ label: '更多结果', busy: 'false', results: 20 });
		const focused = await page.evaluate(() =>
			[...document.querySelectorAll('#search-results > li')].indexOf(
				document.activeElement?.closest('#search-results > li') as Element,
			),
		);
		expect(focused).toBe(10);
		await page.close();
	});

	test('更多结果 whose results fail to load says so, and the next press loads them', async () => {
		const page = await open(`?q=${encodeURIComponent('学')}`);
		let aborted = 0;
		await page.route('**/pagefind/fragment/**', (route) => (aborted++, route.abort()));
		await page.click('#search-more');
		await page.waitForFunction(
			() => document.getElementById('search-status')?.textContent?.includes('未能加载'),
			null,
			{ timeout: 10_000 },
		);
		expect(aborted).toBeGreaterThan(0);
		expect(await moreState(page)).toEqual({ label: '更多结果', busy: 'false', results: 10 });
		await page.unroute('**/pagefind/fragment/**');
		await page.click('#search-more');
		await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 10);
		expect(await page.locator('#search-results > li').count()).toBe(20);
		expect(await page.textContent('#search-status')).not.toContain('未能加载');
		await page.close();
	});

	test('更多结果 pressed while a new search is loading is busy until its results, never dead', async () => {
		const page = await open(`?q=${encodeURIComponent('学')}`);
		const gate = await holdRequests(page, '**/pagefind/index/**');
		await page.fill('#q', '社区');
		await page.press('#q', 'Enter');
		await expect
			.poll(gate.held, { message: 'the new query needs index chunks not loaded yet' })
			.toBeGreaterThan(0);
		// the old results are still on screen: a press now must not look like it did nothing
		await page.locator('#search-more').click({ force: true });
		expect(await moreState(page)).toEqual({ label: '正在加载…', busy: 'true', results: 10 });
		gate.release();
		await waitForSearch(page);
		const status = (await page.textContent('#search-status')) ?? '';
		expect(status).toContain('“社区”');
		const total = Number(/共找到 (\d+) 条/.exec(status)?.[1]);
		expect(total).toBeGreaterThan(10);
		expect(await moreState(page)).toEqual({ label: '更多结果', busy: 'false', results: 10 });
		await loadAllResults(page);
		expect(await page.locator('#search-results > li').count()).toBe(total);
		await page.close();
	});

	// The stall of full runs: Playwright scrolls 更多结果 into view and presses it; when the frame
	// after that scroll fell between its mousedown and mouseup (a busy machine), 回到顶部 began to
	// float, the page got a line shorter, everything moved down and the mouseup missed the
	// button: no click. Here the press is held across that frame on purpose, every run.
	test('更多结果 pressed as the page scrolls to it: nothing moves under the press, which adds the next ten', async () => {
		const page = await open(`?q=${encodeURIComponent('学习')}`);
		const buttonAt = () =>
			page.evaluate(() => {
				const r = document.getElementById('search-more')!.getBoundingClientRect();
				return {
					x: r.x + r.width / 2,
					y: r.y + r.height / 2,
					floating: document.querySelector('.back-to-top')!.classList.contains('floating'),
				};
			});
		await page.evaluate(() =>
			document.getElementById('search-more')!.scrollIntoView({ block: 'center' }),
		);
		const before = await buttonAt();
		await page.mouse.move(before.x, before.y);
		await page.mouse.down();
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
		);
		const during = await buttonAt();
		expect(during.floating, 'the page is long and scrolled past its first screen').toBe(true);
		expect(during.y, 'the button moved under the press').toBe(before.y);
		await page.mouse.up();
		await page.waitForFunction(
			() => document.querySelectorAll('#search-results > li').length > 10,
			null,
			{ timeout: 10_000 },
		);
		expect(await page.locator('#search-results > li').count()).toBe(20);
		await page.close();
	});

	test('a result of several terms opens its report with every term highlighted', async () => {
		const page = await open(`?q=${encodeURIComponent('学习 社区')}`);
		const link = page.locator('#search-results > li h2 a[href*="/reports/"]').first();
		const href = new URL((await link.getAttribute('href'))!, served.server.url);
		expect(href.searchParams.getAll('hl')).toEqual(['学习', '社区']);
		await Promise.all([page.waitForURL(/\/reports\//), link.click()]);
		await page.waitForFunction(() => document.body?.dataset.highlighted !== undefined);
		const marks = new Set(await page.locator('mark.search-hl').allTextContents());
		expect(marks.has('学习')).toBe(true);
		expect(marks.has('社区')).toBe(true);
		await page.close();
	});

	test('no results: says so, hides the empty filters, suggests fewer characters or fewer filters', async () => {
		const page = await open(`?q=${encodeURIComponent('这是不会出现的检索词组合')}`);
		expect(await page.textContent('#search-status')).toContain('没有找到结果');
		const hint = page.locator('#search-hint');
		expect(await hint.isVisible()).toBe(true);
		expect(await hint.textContent()).toContain('减少检索词的字数');
		expect(await page.locator('#search-filters .filter-option').count()).toBe(0);
		await page.close();
		const category = catalog.reports[0]!.category;
		const filtered = await open(
			`?q=${encodeURIComponent('这是不会出现的检索词组合')}&category=${encodeURIComponent(category)}`,
		);
		expect(await filtered.textContent('#search-hint')).toContain('清除筛选');
		// the selected value stays, so it can be unticked; nothing else is listed at (0)
		const options = await filtered.locator('#search-filters .filter-option').allTextContents();
		expect(options.length).toBe(1);
		expect(options[0]).toContain(category);
		await filtered.close();
	});
});
