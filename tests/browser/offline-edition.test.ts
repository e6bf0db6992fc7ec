/**
 * The offline edition of the sample site opened from the file system (`file://`), every request
 * that is not `file://` aborted and recorded: browsing by clicking, styles, dark mode, print, and
 * search with the same results as the same site served online (compared in this test, against
 * the served build, never against hard-coded numbers).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { loadAllResults, waitForSearch } from './search-page-helpers.ts';

const site = inject('siteDir');
const root = path.resolve(import.meta.dirname, '../..');

function run(args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		let text = '';
		child.stdout.on('data', (c: Buffer) => (text += c.toString()));
		child.stderr.on('data', (c: Buffer) => (text += c.toString()));
		child.on('close', (code) =>
			code === 0 ? resolve(text) : reject(new Error(`exit ${code}:\n${text}`)),
		);
	});
}

/** Result keys and the status line of the search page, every result loaded. */
async function results(page: Page): Promise<{ keys: string[]; status: string; filters: string }> {
	await waitForSearch(page);
	await loadAllResults(page);
	const hrefs = await page
		.locator('#search-results > li h2 a')
		.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	const keys = hrefs.map((href) => {
		const url = new URL(href);
		// online /reports/<id>/, offline …/reports/<id>/index.html
		const report = /\/reports\/([^/]+)\/(?:index\.html)?$/.exec(url.pathname);
		return report ? `report:${report[1]}` : `toc:${url.hash.slice(1)}`;
	});
	return {
		keys,
		status: (await page.locator('#search-status').textContent()) ?? '',
		filters: (await page.locator('#search-filters').textContent()) ?? '',
	};
}

describe.skipIf(!browserAvailable)('the offline edition from file://', () => {
	const served = useServedSite(site);
	let work: string;
	let edition: string;
	let home: string;
	const outside: string[] = [];
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		work = await mkdtemp(path.join(tmpdir(), 'huibian-offline-'));
		edition = path.join(work, 'U 盘', '知识库');
		await run([path.join(root, 'scripts/offline.ts'), '--site', site, '--out', edition]);
		home = pathToFileURL(path.join(edition, 'index.html')).href;
	});
	afterAll(async () => {
		for (const c of contexts) await c.close();
		if (work) await rm(work, { recursive: true, force: true });
	});

	/** A browser context in which every request that is not file:// is aborted and recorded. */
	async function offlineContext(
		options: Parameters<typeof served.browser.newContext>[0] = {},
	): Promise<BrowserContext> {
		const context = await served.browser.newContext(options);
		contexts.push(context);
		await context.route('**', (route) => {
			const url = route.request().url();
			if (url.startsWith('file:')) return route.continue();
			outside.push(url);
			return route.abort();
		});
		return context;
	}

	test('home → category → report by clicking, styled, with no request but file://', async () => {
		const page = await (await offlineContext()).newPage();
		await page.goto(home);
		await page.locator('.site-nav a', { hasText: '类别' }).click();
		await page.waitForURL(new URL('categories/index.html', home).href);
		await page.locator('main .group-list a').first().click();
		await page.waitForURL(/\/categories\/[^/]+\/index\.html$/);
		await page.locator('main a[href*="reports/"]').first().click();
		await page.waitForURL(/\/reports\/[^/]+\/index\.html$/);
		await expect.poll(() => page.locator('h1').count()).toBe(1);
		// the site's stylesheet applies: the header's layout and the body's colour are the online ones
		const online = await served.browser.newPage();
		await online.goto(
			`${served.server.url}${new URL(page.url()).pathname.slice(new URL('.', home).pathname.length).replace(/index\.html$/, '')}`,
		);
		const style = (p: Page) =>
			p.evaluate(() => {
				const body = getComputedStyle(document.body);
				const header = getComputedStyle(
					document.querySelector('.site-header .wrap') ?? document.body,
				);
				return {
					bg: body.backgroundColor,
					font: body.fontFamily,
					header: header.display,
					maxWidth: header.maxWidth,
				};
			});
		const offlineStyle = await style(page);
		expect(offlineStyle.bg).not.toBe('rgba(0, 0, 0, 0)');
		expect(offlineStyle).toEqual(await style(online));
		await online.close();
		expect(outside).toEqual([]);
	});

	test('dark mode, the theme switch and print look as online', async () => {
		const look = async (context: BrowserContext, url: string) => {
			const page = await context.newPage();
			await page.goto(url);
			const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			const dark = await bg();
			await page.locator('.theme-toggle').click();
			const toggled = await bg();
			const theme = await page.evaluate(() => document.documentElement.dataset.theme);
			await page.emulateMedia({ media: 'print' });
			const printed = await page.evaluate(() => [
				getComputedStyle(document.body).backgroundColor,
				getComputedStyle(document.querySelector('.site-header')!).display,
			]);
			await page.close();
			return { dark, toggled, theme, printed };
		};
		const offline = await look(
			await offlineContext({ colorScheme: 'dark' }),
			new URL('search/index.html', home).href,
		);
		const onlineContext = await served.browser.newContext({ colorScheme: 'dark' });
		const online = await look(onlineContext, `${served.server.url}search/`);
		await onlineContext.close();
		expect(offline.dark).not.toBe(offline.toggled);
		expect(offline.theme).toBe('light');
		expect(offline.printed[1]).toBe('none');
		expect(offline).toEqual(online);
		expect(outside).toEqual([]);
	});

	test.each(['学习型社区', '學習型社區'])(
		'searching %s finds what the served site finds',
		async (query) => {
			const page = await (await offlineContext()).newPage();
			await page.goto(home);
			// the home page's search box (a form that GETs search/index.html)
			const form = page.locator('main form[role=search]');
			await form.locator('input[name=q]').fill(query);
			await form.locator('button[type=submit]').click();
			// waits for the search page to load (a URL check alone would race the navigation)
			await page.waitForURL(
				`${new URL('search/index.html', home).href}?q=${encodeURIComponent(query)}`,
			);
			const offline = await results(page);
			const online = await served.browser.newPage();
			await online.goto(`${served.server.url}search/?q=${encodeURIComponent(query)}`);
			const expected = await results(online);
			await online.close();
			expect(expected.keys.length).toBeGreaterThan(0);
			expect(offline.keys).toEqual(expected.keys);
			expect(offline.status).toBe(expected.status);
			expect(offline.filters).toBe(expected.filters);
			// a result opens its report, with the query highlighted (the page fetches search-config.json)
			// (the first result may be a 正文未收录 entry whose title matches: it links to its compilation)
			await page.locator('#search-results > li h2 a[href*="reports/"]').first().click();
			await page.waitForURL(/\/reports\/[^/]+\/index\.html\?hl=/);
			await page.waitForFunction(() => document.body?.dataset.highlighted !== undefined);
			expect(Number(await page.evaluate(() => document.body.dataset.highlighted))).toBeGreaterThan(
				0,
			);
			expect(outside).toEqual([]);
		},
	);

	test('a filter and a date order give the served site’s results, in its order', async () => {
		const context = await offlineContext();
		const page = await context.newPage();
		await page.goto(`${new URL('search/index.html', home).href}?q=${encodeURIComponent('学习')}`);
		await results(page);
		// the first category the panel offers, clicked like a reader would
		await page.locator('#search-filters input[type=checkbox]').first().check();
		await waitForSearch(page);
		await page.selectOption('#search-sort', 'date-asc');
		const offline = await results(page);
		const params = new URL(page.url()).search;
		expect(params).toContain('sort=date-asc');
		const online = await served.browser.newPage();
		await online.goto(`${served.server.url}search/${params}`);
		const expected = await results(online);
		await online.close();
		expect(expected.keys.length).toBeGreaterThan(0);
		expect(offline.keys).toEqual(expected.keys);
		expect(offline.status).toBe(expected.status);
		expect(outside).toEqual([]);
	});

	test('a page whose data is missing says so in Chinese instead of failing silently', async () => {
		const broken = path.join(work, 'broken');
		await cp(edition, broken, { recursive: true });
		await rm(path.join(broken, '_offline/files/pagefind/pagefind-entry.json.js'));
		const page = await (await offlineContext()).newPage();
		await page.goto(
			`${pathToFileURL(path.join(broken, 'search/index.html')).href}?q=${encodeURIComponent('学习型社区')}`,
		);
		const notice = page.locator('[role=alert][data-offline-notice]').first();
		await notice.waitFor();
		expect(await notice.textContent()).toContain('离线版');
		expect(await notice.textContent()).toContain('pagefind/pagefind-entry.json');
		expect(outside).toEqual([]);
	});

	test('a script that needs the network is refused, recorded, and says so on the page', async () => {
		const page = await (await offlineContext()).newPage();
		await page.goto(home);
		await page.evaluate(() => fetch('https://example.org/data.json').catch(() => undefined));
		const notice = page.locator('[role=alert][data-offline-notice]').first();
		await notice.waitFor();
		expect(await notice.textContent()).toBe(
			'本页的部分功能需要联网，离线版中无法使用（example.org）。',
		);
		// the recorder of the tests above sees what leaves the machine
		expect(outside).toEqual(['https://example.org/data.json']);
	});
});
