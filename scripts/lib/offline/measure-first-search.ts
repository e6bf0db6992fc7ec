/**
 * The offline edition's first search as a reader meets it: a fresh Chromium profile opens
 * `search/index.html?q=<query>` from the file system (every request that is not `file://` is
 * aborted), and waits until a result linking to a report page is on screen. Measures the time
 * and what was read from disk before that moment (the files the page had started to load, by
 * their size on disk). Like scripts/lib/bench/first-search.ts, for the served site.
 */
import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../tests/helpers/browser.ts';

export interface FirstSearchFromDisk {
	ms: number;
	/** Files read before the first result was on screen, and their bytes on disk. */
	files: number;
	bytes: number;
	/** Bytes of the packaged search files (`_offline/files/…`) among them. */
	packagedBytes: number;
	results: number;
	/** Requests that were not file:// (must be 0). */
	outside: number;
}

/** A search result on screen: a link to a report page (relative, as the edition writes it). */
const RESULT_LINK = 'main a[href*="reports/"]';

/** Before the page's scripts run: note the moment a result link is inserted, on its clock. */
async function watchFirstResult(page: Page): Promise<void> {
	await page.addInitScript((selector: string) => {
		const w = window as unknown as { __firstResultAt?: number };
		new MutationObserver((_, observer) => {
			if (document.querySelector(selector)) {
				w.__firstResultAt = performance.now();
				observer.disconnect();
			}
		}).observe(document, { childList: true, subtree: true });
	}, RESULT_LINK);
}

/** The files of the `file://` requests started by `firstAt` (wall clock), with their bytes. */
function diskReads(
	requests: ReadonlyArray<{ url: string; at: number }>,
	firstAt: number,
): Pick<FirstSearchFromDisk, 'files' | 'bytes' | 'packagedBytes'> {
	const started = requests
		.filter((r) => r.at <= firstAt && r.url.startsWith('file:'))
		.map((r) => r.url.split(/[?#]/)[0] ?? '');
	const sizes = started.map((u) => ({ u, bytes: statSync(fileURLToPath(u)).size }));
	return {
		files: sizes.length,
		bytes: sizes.reduce((s, f) => s + f.bytes, 0),
		packagedBytes: sizes
			.filter((f) => f.u.includes('/_offline/files/'))
			.reduce((s, f) => s + f.bytes, 0),
	};
}

export async function measureFirstSearchFromDisk(
	edition: string,
	query: string,
	timeoutMs = 120_000,
): Promise<FirstSearchFromDisk> {
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext();
		let outside = 0;
		await context.route('**', (route) =>
			route.request().url().startsWith('file:') ? route.continue() : (outside++, route.abort()),
		);
		const page = await context.newPage();
		const requests: Array<{ url: string; at: number }> = [];
		page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
		await watchFirstResult(page);
		const searchPage = pathToFileURL(path.join(edition, 'search/index.html')).href;
		const url = `${searchPage}?q=${encodeURIComponent(query)}`;
		const t0 = performance.now();
		await page.goto(url);
		await page.waitForFunction(
			(selector) => document.querySelectorAll(selector).length > 0,
			RESULT_LINK,
			{ timeout: timeoutMs, polling: 'raf' },
		);
		const ms = Math.round(performance.now() - t0);
		// Resource Timing lists no file:// loads: take the requests Playwright saw start before the
		// first result, on the wall clock (the page's time origin + its first-result time).
		const firstAt = await page.evaluate(
			() =>
				performance.timeOrigin +
				((window as unknown as { __firstResultAt?: number }).__firstResultAt ?? performance.now()),
		);
		const read = diskReads(requests, firstAt);
		const results = await page.locator(RESULT_LINK).count();
		await context.close();
		return { ms, ...read, results, outside };
	} finally {
		await browser.close();
	}
}
