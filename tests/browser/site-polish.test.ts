/**
 * Issue 18 in real Chromium against the real build, at desktop 1280×800 and phone 390×844:
 * the phone header (one line ≤ 64 px, a disclosure menu that works by mouse, keyboard and
 * without JavaScript, no control within 8 px of the screen edge), the theme button's label, back
 * to top, the current section in the page TOC, the copy-link control on touch screens, and axe
 * (no serious or critical violation) in light and dark with the menu open.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { axe } from '../helpers/axe.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DESKTOP, PHONE } from '../helpers/devices.ts';
import { useServedSite } from '../helpers/served-site.ts';

const site = inject('siteDir');
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{ url: string; id: string }>;
};
// The report with the most text: a long page with a table of contents.
const longest = [...catalog.reports]
	.map((r) => ({ r, size: readFileSync(path.join(site, r.url, 'index.html')).length }))
	.sort((a, b) => b.size - a.size)[0]!.r;
const reportPath = longest.url.slice(1);

/** Visible controls (links, buttons, inputs, summaries) closer than 8 px to the left or right edge. */
function controlsNearEdge(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const near: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('a, button, input, select, summary')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
			if (el.classList.contains('skip-link') && r.bottom <= 0) continue; // off-screen until focused
			if (r.left < 8 || r.right > width - 8)
				near.push(
					`${el.tagName.toLowerCase()}.${el.className} “${el.textContent?.trim().slice(0, 12)}” ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`,
				);
		}
		return near;
	});
}

const headerHeight = (page: Page) =>
	page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height);

describe.skipIf(!browserAvailable)('site polish, in Chromium', () => {
	const served = useServedSite(site);

	describe('phone header (390×844)', () => {
		test.each(['', 'categories/', reportPath])(
			'one line ≤ 64 px, a 菜单 button, no control within 8 px of the edge: /%s',
			async (p) => {
				const context = await served.browser.newContext(PHONE);
				const page = await context.newPage();
				await page.goto(served.server.url + p);
				const button = page.locator('.menu-toggle');
				await expect.poll(() => button.isVisible()).toBe(true);
				expect(await headerHeight(page)).toBeLessThanOrEqual(64);
				const rows = await page
					.locator('.site-header .brand, .site-header .menu-toggle')
					.evaluateAll((els) =>
						els.map((e) =>
							Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2),
						),
					);
				expect(Math.abs(rows[0]! - rows[1]!)).toBeLessThanOrEqual(4); // brand and button on one line
				expect(await page.locator('.site-nav').isVisible()).toBe(false);
				expect(await controlsNearEdge(page)).toEqual([]);
				await button.click();
				expect(await controlsNearEdge(page)).toEqual([]);
				await context.close();
			},
		);

		test('the menu is a disclosure: aria-expanded, aria-controls, Enter/Space, Escape returns focus', async () => {
			const context = await served.browser.newContext(PHONE);
			const page = await context.newPage();
			await page.goto(served.server.url + 'categories/');
			const button = page.locator('.menu-toggle');
			await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
			expect(await button.getAttribute('aria-controls')).toBe('site-menu');
			expect(await page.locator('#site-menu').count()).toBe(1);
			// Its accessible name and role, as a screen reader gets them.
			expect(await page.getByRole('button', { name: '菜单' }).count()).toBe(1);
			// Keyboard: Tab from the skip link reaches the brand, then the button.
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.className)).toBe('menu-toggle');
			await page.keyboard.press('Enter');
			expect(await button.getAttribute('aria-expanded')).toBe('true');
			const nav = page.getByRole('navigation', { name: '主导航' });
			expect(await nav.isVisible()).toBe(true);
			// The next Tab goes into the menu it opened.
			await page.keyboard.press('Tab');
			expect(
				await page.evaluate(() => document.activeElement?.closest('#site-menu') !== null),
			).toBe(true);
			await page.keyboard.press('Escape');
			expect(await button.getAttribute('aria-expanded')).toBe('false');
			expect(await page.evaluate(() => document.activeElement?.className)).toBe('menu-toggle');
			expect(await nav.isVisible()).toBe(false);
			await page.keyboard.press(' ');
			expect(await button.getAttribute('aria-expanded')).toBe('true');
			// A link of the open menu works.
			await page.getByRole('link', { name: '年份', exact: true }).click();
			await page.waitForURL(/\/years\/$/);
			await context.close();
		});

		test('without JavaScript the navigation is shown and the button is not', async () => {
			const context = await served.browser.newContext({ ...PHONE, javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(served.server.url + reportPath);
			expect(await page.locator('.menu-toggle').isVisible()).toBe(false);
			expect(await page.locator('.site-nav').isVisible()).toBe(true);
			expect(await page.locator('.site-nav a').count()).toBe(8);
			expect(await page.locator('#site-q').isVisible()).toBe(true);
			expect(await controlsNearEdge(page)).toEqual([]);
			await context.close();
		});

		for (const scheme of ['light', 'dark'] as const) {
			test.each(['', reportPath])(
				`axe finds no serious or critical violation with the menu closed and open: /%s (${scheme})`,
				async (p) => {
					const context = await served.browser.newContext({ ...PHONE, colorScheme: scheme });
					const page = await context.newPage();
					await page.goto(served.server.url + p);
					await expect.poll(() => page.locator('.menu-toggle').isVisible()).toBe(true);
					expect(await axe(page)).toEqual([]);
					await page.locator('.menu-toggle').click();
					expect(await axe(page)).toEqual([]);
					await context.close();
				},
			);
		}
	});

	describe('desktop header (1280×800)', () => {
		test('no menu button: navigation, search box and theme switch in one bar', async () => {
			const context = await served.browser.newContext(DESKTOP);
			const page = await context.newPage();
			await page.goto(served.server.url + reportPath);
			await expect.poll(() => page.locator('.theme-toggle').isVisible()).toBe(true);
			expect(await page.locator('.menu-toggle').isVisible()).toBe(false);
			expect(await page.locator('.site-nav').isVisible()).toBe(true);
			expect(await page.locator('#site-q').isVisible()).toBe(true);
			expect(await headerHeight(page)).toBeLessThanOrEqual(64);
			expect(await controlsNearEdge(page)).toEqual([]);
			await context.close();
		});
	});

	describe('the theme button says what a press does', () => {
		test.each([
			['light', '深色模式', '浅色模式', 'dark'],
			['dark', '浅色模式', '深色模式', 'light'],
		] as const)('in %s mode it reads %s, then %s', async (scheme, first, second, next) => {
			const context = await served.browser.newContext({ ...DESKTOP, colorScheme: scheme });
			const page = await context.newPage();
			await page.goto(served.server.url);
			const button = page.locator('.theme-toggle');
			await expect.poll(() => button.isVisible()).toBe(true);
			expect(await button.locator('.theme-label').textContent()).toBe(first);
			expect(
				await page.getByRole('button', { name: new RegExp(`^切换到\\s*${first}$`) }).count(),
			).toBe(1);
			await button.click();
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(next);
			expect(await button.locator('.theme-label').textContent()).toBe(second);
			// Remembered on the next page, and the label follows.
			await page.goto(`${served.server.url}stats/`);
			expect(await page.locator('.theme-toggle .theme-label').textContent()).toBe(second);
			await context.close();
		});
	});

	describe('back to top', () => {
		for (const [name, options] of [
			['desktop', DESKTOP],
			['phone', PHONE],
		] as const) {
			test(`floats on a long report page once scrolled, and jumps to the top (${name})`, async () => {
				const context = await served.browser.newContext(options);
				const page = await context.newPage();
				await page.goto(served.server.url + reportPath);
				const link = page.locator('.back-to-top');
				await page.waitForLoadState('load');
				expect(
					await page.evaluate(() => document.documentElement.scrollHeight > 2 * innerHeight),
				).toBe(true);
				expect(await link.evaluate((el) => el.classList.contains('floating'))).toBe(false);
				await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
				await expect
					.poll(() => link.evaluate((el) => el.classList.contains('floating')))
					.toBe(true);
				const box = (await link.boundingBox())!;
				const vp = page.viewportSize()!;
				expect(box.y + box.height).toBeLessThanOrEqual(vp.height - 8);
				expect(box.x + box.width).toBeLessThanOrEqual(vp.width - 8);
				expect(box.y).toBeGreaterThan(0);
				await link.click();
				await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
				// Focus moved to the top: the next Tab is the skip link.
				await page.keyboard.press('Tab');
				expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
				await context.close();
			});
		}

		test('works without JavaScript as a link in the footer', async () => {
			const context = await served.browser.newContext({ ...PHONE, javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(served.server.url + reportPath);
			await page.locator('.back-to-top').scrollIntoViewIfNeeded();
			expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
			await page.locator('.back-to-top').click();
			await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
			await context.close();
		});
	});

	describe('the page TOC marks the section being read', () => {
		test('scrolling to a heading marks its TOC link, one at a time (desktop)', async () => {
			const context = await served.browser.newContext(DESKTOP);
			const page = await context.newPage();
			await page.goto(served.server.url + reportPath);
			const links = page.locator('.page-toc a');
			const n = await links.count();
			expect(n).toBeGreaterThan(2);
			expect(await page.locator('.page-toc a[aria-current="true"]').count()).toBe(0);
			// Headings that can be scrolled to the top of the window with the next one at least half a
			// window further down: with such a heading at the top, its section is the one being read.
			const ids = await links.evaluateAll((els) =>
				els.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))),
			);
			const clear = await page.evaluate((list) => {
				const tops = list.map(
					(id) => document.getElementById(id)!.getBoundingClientRect().top + scrollY,
				);
				const max = document.documentElement.scrollHeight - innerHeight;
				return list.filter(
					(_id, i) =>
						tops[i]! - 40 <= max &&
						(i + 1 === list.length || tops[i + 1]! - tops[i]! > innerHeight / 2),
				);
			}, ids);
			expect(clear.length).toBeGreaterThan(1);
			for (const id of [clear[0]!, clear.at(-1)!]) {
				await page.evaluate((target) => {
					const el = document.getElementById(target)!;
					scrollTo(0, el.getBoundingClientRect().top + scrollY - 40);
				}, id);
				await expect
					.poll(() =>
						page
							.locator('.page-toc a[aria-current="true"]')
							.evaluate((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))),
					)
					.toBe(id);
				expect(await page.locator('.page-toc a[aria-current="true"]').count()).toBe(1);
				const weight = await page
					.locator('.page-toc a[aria-current="true"]')
					.evaluate((el) => getComputedStyle(el).fontWeight);
				expect(Number(weight)).toBeGreaterThanOrEqual(700);
				// The marked link is in view in the sticky side column.
				const visible = await page.locator('.page-toc a[aria-current="true"]').evaluate((el) => {
					const r = el.getBoundingClientRect();
					return r.top >= 0 && r.bottom <= innerHeight;
				});
				expect(visible).toBe(true);
			}
			await context.close();
		});
	});

	describe('copy link on a touch screen (phone)', () => {
		test('the 复制本文链接 button is visible and copies the page address without #…', async () => {
			const context = await served.browser.newContext(PHONE);
			await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
				origin: served.server.url,
			});
			const page = await context.newPage();
			await page.goto(`${served.server.url}${reportPath}#main`);
			expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(true);
			const button = page.getByRole('button', { name: '复制本文链接' });
			await expect.poll(() => button.isVisible()).toBe(true);
			const box = (await button.boundingBox())!;
			expect(box.height).toBeGreaterThanOrEqual(24);
			await button.tap();
			await expect
				.poll(() => page.locator('[data-copy-link-status]').textContent())
				.toBe('已复制本文链接');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
				`${served.server.url}${reportPath}`,
			);
			await context.close();
		});

		test('heading anchors are visible without hover, and a tapped ¶ copies its block link', async () => {
			const context = await served.browser.newContext(PHONE);
			await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
				origin: served.server.url,
			});
			const page = await context.newPage();
			await page.goto(served.server.url + reportPath);
			const anchor = page
				.locator('.report-main h2 > .block-anchor, .report-main h3 > .block-anchor')
				.first();
			await expect.poll(() => anchor.count()).toBe(1);
			expect(Number(await anchor.evaluate((el) => getComputedStyle(el).opacity))).toBeGreaterThan(
				0.4,
			);
			const hash = (await anchor.getAttribute('href'))!;
			await anchor.tap();
			await expect
				.poll(() => page.locator('[data-copy-link-status]').textContent())
				.toBe('已复制本节链接');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
				`${served.server.url}${reportPath}${hash}`,
			);
			await context.close();
		});
	});
});
