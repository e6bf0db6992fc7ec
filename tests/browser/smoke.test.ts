import { describe, expect, inject, test } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';

describe.skipIf(!browserAvailable)('home → report → search, in Chromium', () => {
	const served = useServedSite(inject('siteDir'));

	test('home page links lead to a report page', async () => {
		const page = await served.browser.newPage();
		await page.goto(served.server.url);
		const link = page.locator('a[href*="/reports/"]').first();
		const title = (await link.textContent())?.trim() ?? '';
		expect(title.length).toBeGreaterThan(0);
		await link.click();
		await page.waitForURL(/\/reports\/[a-z0-9-]+\/$/);
		expect(await page.locator('h1').first().textContent()).toContain(title);
		await page.close();
	});

	test('typing 学习型 into the search page shows results linking to reports', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.server.url}search/`);
		await page.fill('input[type=search]', '学习型');
		await page.keyboard.press('Enter');
		const results = page.locator('#search-results a[href*="/reports/"]');
		await results.first().waitFor({ timeout: 20_000 });
		expect(await results.count()).toBeGreaterThan(0);
		const href = await results.first().getAttribute('href');
		await page.goto(new URL(href ?? '', served.server.url).href);
		expect(await page.locator('[data-pagefind-body]').count()).toBe(1);
		await page.close();
	});
});
