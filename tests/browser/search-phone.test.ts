/**
 * The search page on a phone (390×844) and on a desktop (1280×800), light and dark, in Chromium on
 * the real build: results come first, the filters fold into a 筛选 panel that says how many are
 * active and can clear them, controls are touch-sized, no help text names a side, and axe finds
 * no serious or critical violation.
 */
import { describe, expect, inject, test } from 'vitest';
import { axe } from '../helpers/axe.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DESKTOP, PHONE } from '../helpers/devices.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { waitForSearch } from './search-page-helpers.ts';

const site = inject('siteDir');
/** Smallest touch target side, CSS px (WCAG 2.5.5 asks 44). */
const TOUCH = 44;

describe.skipIf(!browserAvailable)('search page layout, phone and desktop, light and dark', () => {
	const served = useServedSite(site);
	const open = async (
		device: typeof PHONE | typeof DESKTOP,
		query: string,
		colorScheme: 'light' | 'dark' = 'light',
	) => {
		const context = await served.browser.newContext({ ...device, colorScheme });
		const page = await context.newPage();
		await page.goto(`${served.server.url}search/${query}`);
		await waitForSearch(page);
		return { page, close: () => context.close() };
	};

	test.each(['学习型社区', '学习', '街道', '学习 社区'])(
		'at 390×844 the first result of %s is on the first screen',
		async (q) => {
			const { page, close } = await open(PHONE, `?q=${encodeURIComponent(q)}`);
			const box = await page.locator('#search-results > li h2').first().boundingBox();
			expect(box).not.toBeNull();
			expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.viewport.height);
			await close();
		},
	);

	test('on a phone the filters fold into 筛选, which counts the active ones and clears them', async () => {
		const { page, close } = await open(PHONE, `?q=${encodeURIComponent('学习')}`);
		const toggle = page.locator('#search-filters-toggle');
		expect(await toggle.isVisible()).toBe(true);
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		expect(await page.locator('#search-filters').isVisible()).toBe(false);
		await toggle.click();
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		const option = page.locator('#search-filters .filter-option input').first();
		expect(await option.isVisible()).toBe(true);
		await option.check();
		await page.waitForFunction(() =>
			[...new URLSearchParams(location.search).keys()].some((k) => k !== 'q'),
		);
		await waitForSearch(page);
		expect(await toggle.textContent()).toContain('已选 1 项');
		const clear = page.locator('#search-filters-clear');
		expect(await clear.isVisible()).toBe(true);
		await clear.click();
		await page.waitForFunction(() =>
			[...new URLSearchParams(location.search).keys()].every((k) => k === 'q'),
		);
		await waitForSearch(page);
		expect(await toggle.textContent()).not.toContain('已选');
		expect(await clear.isVisible()).toBe(false);
		await close();
	});

	test('on a phone the controls are touch-sized', async () => {
		const { page, close } = await open(PHONE, `?q=${encodeURIComponent('学')}`);
		await page.click('#search-filters-toggle');
		const small = await page.evaluate((min) => {
			const targets = [
				...document.querySelectorAll(
					'#search-form input, #search-form button, #search-form select, #search-filters-toggle, #search-more, #search-filters .filter-option',
				),
			];
			return targets
				.filter((el) => (el as HTMLElement).offsetParent !== null)
				.map((el) => ({
					what: el.id || el.className || el.tagName,
					h: el.getBoundingClientRect().height,
				}))
				.filter((t) => t.h < min - 0.5);
		}, TOUCH);
		expect(small).toEqual([]);
		await close();
	});

	test.each([
		['phone', PHONE],
		['desktop', DESKTOP],
	] as const)('no help text names a side (%s)', async (_name, device) => {
		for (const query of ['', `?q=${encodeURIComponent('学习')}`]) {
			const { page, close } = await open(device, query);
			const text = await page.locator('main').innerText();
			expect(text).not.toMatch(/左侧|右侧|左边|右边|上方|下方/);
			await close();
		}
	});

	test('on a desktop the filters are shown beside the results, without the 筛选 button', async () => {
		const { page, close } = await open(DESKTOP, `?q=${encodeURIComponent('学习')}`);
		expect(await page.locator('#search-filters-toggle').isVisible()).toBe(false);
		expect(await page.locator('#search-filters .filter-option').first().isVisible()).toBe(true);
		const results = await page.locator('#search-results').boundingBox();
		const filters = await page.locator('#search-filters').boundingBox();
		expect(filters!.x + filters!.width).toBeLessThanOrEqual(results!.x);
		await close();
	});

	for (const scheme of ['light', 'dark'] as const) {
		for (const [name, device] of [
			['phone', PHONE],
			['desktop', DESKTOP],
		] as const) {
			test(`axe finds no serious or critical violation in results, sub-results, open filters and no results (${name}, ${scheme})`, async () => {
				for (const query of [
					`?q=${encodeURIComponent('学习型社区')}`,
					`?q=${encodeURIComponent('学习 社区')}&sort=date-asc`,
					`?q=${encodeURIComponent('这是不会出现的检索词组合')}`,
				]) {
					const { page, close } = await open(device, query, scheme);
					if (name === 'phone') await page.click('#search-filters-toggle');
					expect(await axe(page), `${query} (${name}, ${scheme})`).toEqual([]);
					await close();
				}
			});
		}
		test(`a TOC entry a result links to is highlighted and passes axe (${scheme})`, async () => {
			const { page, close } = await open(DESKTOP, `?q=${encodeURIComponent('街道')}`, scheme);
			const href = await page
				.locator('#search-results a[href*="/compilations/"]')
				.first()
				.getAttribute('href');
			expect(href).toContain('#');
			await page.goto(new URL(href!, served.server.url).href);
			expect(
				await page.evaluate(() =>
					document.querySelector(':target')?.classList.contains('toc-entry'),
				),
			).toBe(true);
			expect(await axe(page)).toEqual([]);
			await close();
		});
	}
});
