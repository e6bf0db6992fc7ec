/**
 * The README's Content-Security-Policy, sent on every HTML response of the shared test build:
 * browsing (home, compilation, report, theme switch), searching with a filter and opening a
 * result (Pagefind's WebAssembly, ?hl= highlighting) must raise no CSP violation at all.
 * Violations are collected from `securitypolicyviolation` events (installed before any page
 * script runs) and from console messages, across navigations.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { waitForSearch } from './search-page-helpers.ts';

/** The policy documented in the README (keep the two identical). */
const CSP = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"img-src 'self'",
	"font-src 'self'",
	"connect-src 'self'",
	"worker-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
].join('; ');

const site = inject('siteDir');
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{ id: string; title: string; sourceSlug: string; category: string }>;
};

interface Violation {
	page: string;
	what: string;
}

/** One line per distinct violation (the same inline script blocks on every page), page paths listed. */
function summary(list: Violation[]): string[] {
	const byWhat = new Map<string, Set<string>>();
	for (const v of list) {
		const what = v.what.replace(/https?:\/\/127\.0\.0\.1:\d+/g, '');
		byWhat.set(what, (byWhat.get(what) ?? new Set()).add(new URL(v.page).pathname));
	}
	return [...byWhat].map(([what, pages]) => `${what} — on ${[...pages].join(', ')}`);
}

describe.skipIf(!browserAvailable)('the site under the README’s Content-Security-Policy', () => {
	let server: StaticServer;
	let browser: Browser;
	let context: BrowserContext;
	const violations: Violation[] = [];
	const errors: string[] = [];

	beforeAll(async () => {
		server = await serveStatic(site, '/', { 'content-security-policy': CSP });
		browser = await launchBrowser();
		context = await browser.newContext();
		await context.exposeBinding('__cspViolation', ({ page }, what: string) => {
			violations.push({ page: page.url(), what });
		});
		await context.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) => {
				const where = e.sourceFile
					? ` at line ${e.lineNumber} of ${e.sourceFile === location.href ? 'the page' : new URL(e.sourceFile).pathname}`
					: '';
				const sample = e.sample ? ` (${e.sample.slice(0, 60)})` : '';
				(window as unknown as { __cspViolation: (s: string) => void }).__cspViolation(
					`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}${where}${sample}`,
				);
			});
		});
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.close();
	});

	async function open(url: string): Promise<Page> {
		const page = await context.newPage();
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text()))
				violations.push({ page: page.url(), what: `console: ${m.text()}` });
		});
		page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
		const response = await page.goto(url);
		expect(response?.headers()['content-security-policy']).toBe(CSP);
		return page;
	}

	test('the detector sees a violation when a page breaks the policy', async () => {
		const page = await open(server.url);
		const before = violations.length;
		await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__inline = 1';
			document.body.append(s);
		});
		await expect.poll(() => violations.length, { timeout: 5000 }).toBeGreaterThan(before);
		expect(
			await page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
		).toBeUndefined();
		violations.length = 0;
		errors.length = 0;
		await page.close();
	});

	test('browsing and searching raise no violation, and search still finds reports', async () => {
		const report = catalog.reports[0]!;
		// home, a compilation, a report page; the theme switch runs its script.
		let page = await open(server.url);
		await page.locator('.theme-toggle').click();
		await page.close();
		page = await open(`${server.url}compilations/${report.sourceSlug}/`);
		await page.close();
		page = await open(`${server.url}reports/${report.id}/`);
		expect(await page.locator('[data-pagefind-body] h1').textContent()).toBe(report.title);
		await page.close();

		// search: a query taken from a report title (its Chinese characters), then a filter.
		const query = [...report.title.replace(/[^\p{Script=Han}]/gu, '')].slice(0, 3).join('');
		page = await open(`${server.url}search/?q=${encodeURIComponent(query)}`);
		await waitForSearch(page);
		const results = page.locator('#search-results > li');
		expect(await results.count()).toBeGreaterThan(0);
		await page
			.locator(`#search-filters fieldset[data-filter=category] input[value="${report.category}"]`)
			.check();
		await page.waitForFunction(() => new URL(location.href).searchParams.has('category'));
		await waitForSearch(page);
		expect(await results.count()).toBeGreaterThan(0);

		// open a result: the report page highlights the query (fetches search-config.json).
		await results.first().locator('h2 a').click();
		await page.waitForURL(/\/reports\/[^/]+\/\?hl=/);
		await page.waitForFunction(() => document.body.dataset.highlighted !== undefined);
		expect(Number(await page.evaluate(() => document.body.dataset.highlighted))).toBeGreaterThan(0);
		await page.close();

		// An inline <script>/<style> or style="" in a page breaks the policy: move it to a file.
		expect(summary(violations)).toEqual([]);
		expect(errors).toEqual([]);
	});
});
