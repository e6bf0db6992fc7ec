/**
 * The pages of issue 18's stable ids and reprints in Chromium, on the scratch site of
 * tests/helpers/ids-scratch-site.ts (served on loopback):
 * - the old URL of a moved report takes the browser to the new page (the real meta refresh);
 * - axe finds nothing serious on the moved page, the removed page and a reprint page, light and
 *   dark, phone (390 px) and desktop.
 * The moved page is checked where it stands: the request its refresh makes is answered with
 * ERR_ABORTED, which Chromium cancels without leaving the page (the request is still seen).
 *
 * With HUIBIAN_SCREENS=<dir>, light screenshots of the moved page and a reprint page, phone and
 * desktop, are written there (for the closing note; the test asserts nothing about them).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe } from '../helpers/axe.ts';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { DEVICES } from '../helpers/devices.ts';
import { buildIdsScratchSite, type IdsScratchSite } from '../helpers/ids-scratch-site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const screens = process.env.HUIBIAN_SCREENS;

describe.skipIf(!browserAvailable)('moved, removed and reprinted reports in Chromium', () => {
	let site: IdsScratchSite;
	let server: StaticServer;
	let browser: Browser;
	let ids: { moved: string; now: string; removed: string; reprint: string; canonical: string };
	beforeAll(async () => {
		site = await buildIdsScratchSite();
		if (site.run.code !== 0) throw new Error(site.run.output);
		server = await serveStatic(site.dist);
		browser = await launchBrowser();
		const catalog = JSON.parse(await (await fetch(`${server.url}catalog.json`)).text()) as {
			reports: Array<{ id: string; title: string; source: string; reprintOf?: string }>;
		};
		const old = (title: string) =>
			site.before.reports.find((r) => r.title === title && r.source === 'shifan.txt')!.id;
		const reprint = catalog.reports.find((r) => r.reprintOf)!;
		ids = {
			moved: old('以学促干 建设学习型企业'),
			now: catalog.reports.find((r) => r.title === '以学促干 建设学习型企业')!.id,
			removed: old('书香校园 润泽心灵'),
			reprint: reprint.id,
			canonical: reprint.reprintOf!,
		};
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		await server?.close();
		if (site) await rm(site.tmp, { recursive: true, force: true });
	});

	test('the old URL of a moved report lands on its new page', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}reports/${ids.moved}/`);
		await page.waitForURL(`${server.url}reports/${ids.now}/`, { timeout: 10_000 });
		expect(await page.locator('h1').textContent()).toBe('以学促干 建设学习型企业');
		await page.close();
	});

	/** Open the moved page and keep it: its refresh's request is seen, then cancelled. */
	async function openMoved(page: Page): Promise<string[]> {
		const seen: string[] = [];
		await page.route(`**/reports/${ids.now}/`, (route) => {
			seen.push(route.request().url());
			return route.abort('aborted');
		});
		await page.goto(`${server.url}reports/${ids.moved}/`);
		await expect.poll(() => seen.length, { timeout: 10_000 }).toBeGreaterThan(0);
		expect(page.url()).toBe(`${server.url}reports/${ids.moved}/`);
		return seen;
	}

	for (const [device, options] of Object.entries(DEVICES)) {
		for (const scheme of ['light', 'dark'] as const) {
			test(`axe finds nothing serious on the moved, removed and reprint pages (${device}, ${scheme})`, async () => {
				const context = await browser.newContext({ ...options, colorScheme: scheme });
				const page = await context.newPage();
				expect(await openMoved(page)).toEqual([`${server.url}reports/${ids.now}/`]);
				expect(await page.locator('main h1').textContent()).toBe('本文已移至新地址');
				expect(await axe(page)).toEqual([]);
				if (screens && scheme === 'light')
					await page.screenshot({
						path: path.join(screens, `ids-redirect-${device}-light.png`),
						fullPage: true,
					});
				for (const id of [ids.removed, ids.reprint]) {
					const response = await page.goto(`${server.url}reports/${id}/`);
					expect(response?.status()).toBe(200);
					expect(await axe(page)).toEqual([]);
				}
				if (screens && scheme === 'light') {
					await page.screenshot({
						path: path.join(screens, `ids-reprint-report-${device}-light.png`),
						fullPage: true,
					});
					await page.goto(`${server.url}reports/${ids.removed}/`);
					await page.screenshot({
						path: path.join(screens, `ids-removed-${device}-light.png`),
						fullPage: true,
					});
					await page.goto(`${server.url}reports/${ids.canonical}/`);
					await page.screenshot({
						path: path.join(screens, `ids-canonical-report-${device}-light.png`),
						fullPage: true,
					});
				}
				await context.close();
			});
		}
	}

	test('the reprint page’s 另见 link opens the canonical copy', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}reports/${ids.reprint}/`);
		await page.getByRole('link', { name: '《北岗县学习型组织建设经验汇编》所收版本' }).click();
		await page.waitForURL(`${server.url}reports/${ids.canonical}/`);
		expect(await page.locator('.reprint-note').textContent()).toContain('亦收录于：');
		await page.close();
	});
});
