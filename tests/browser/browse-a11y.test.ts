import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { axe } from '../helpers/axe.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';

const site = inject('siteDir');
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{ url: string; categorySlug: string; themeSlugs: string[]; sourceSlug: string }>;
};
// A report with themes, so its page shows every part of the report layout.
const report = catalog.reports.find((r) => r.themeSlugs.length > 0) ?? catalog.reports[0];
const pages = {
	home: '',
	category: `categories/${report?.categorySlug}/`,
	theme: `themes/${report?.themeSlugs[0] ?? ''}/`,
	compilation: `compilations/${report?.sourceSlug}/`,
	report: report?.url.slice(1) ?? '',
	search: 'search/',
};

describe.skipIf(!browserAvailable)('accessibility of browsing pages, in Chromium', () => {
	const served = useServedSite(site);

	for (const scheme of ['light', 'dark'] as const) {
		test.each(Object.entries(pages))(
			`axe finds no serious or critical violation on %s (${scheme})`,
			async (_name, p) => {
				const context = await served.browser.newContext({ colorScheme: scheme });
				const page = await context.newPage();
				const response = await page.goto(served.server.url + p);
				expect(response?.status()).toBe(200);
				expect(await axe(page)).toEqual([]);
				await context.close();
			},
		);
	}

	test('Tab reaches the skip link first, and it moves focus to <main>', async () => {
		const page = await served.browser.newPage();
		await page.goto(served.server.url + pages.report);
		await page.keyboard.press('Tab');
		const first = await page.evaluate(() => ({
			text: document.activeElement?.textContent?.trim(),
			href: document.activeElement?.getAttribute('href'),
			visible: (document.activeElement as HTMLElement | null)?.getBoundingClientRect().top ?? -1,
		}));
		expect(first.href).toBe('#main');
		expect(first.text).toBe('跳到正文');
		expect(first.visible).toBeGreaterThanOrEqual(0);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		// The next Tab goes into the content, past the header's navigation.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
		await page.close();
	});

	test('keyboard alone follows links: home → a category → a report', async () => {
		const page = await served.browser.newPage();
		await page.goto(served.server.url);
		const category = page.locator('main a[href*="/categories/"]').first();
		await category.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/categories\/[a-z0-9-]+\/$/);
		const link = page.locator('main .report-list a[href*="/reports/"]').first();
		await link.focus();
		const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(outline).not.toBe('none');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/reports\/[a-z0-9-]+\/$/);
		expect(await page.locator('[data-pagefind-body] h1').count()).toBe(1);
		await page.close();
	});

	test('the theme switch toggles dark mode and remembers it', async () => {
		const context = await served.browser.newContext({ colorScheme: 'light' });
		const page = await context.newPage();
		await page.goto(served.server.url);
		const button = page.locator('.theme-toggle');
		await expect.poll(() => button.isVisible()).toBe(true);
		const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const light = await bg();
		await button.click();
		// The label says what the next press does (issue 18), not a fixed 深色模式 with aria-pressed.
		expect(await button.locator('.theme-label').textContent()).toBe('浅色模式');
		expect(await bg()).not.toBe(light);
		await page.goto(`${served.server.url}categories/`);
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		await context.close();
	});
});
