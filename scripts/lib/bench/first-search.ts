/**
 * The first search as a reader meets it: a fresh Chromium profile opens `/search/?q=<query>`
 * on a static server of the built site and waits until a result linking to a report page is
 * on screen. Measures the bytes served (every request the page started before that moment, as
 * the static server logged them: files are sent as stored, without HTTP compression) and the
 * time. Requests started after the first result is on screen (the filter panel's values) are
 * not part of the first search and are left out, whether or not they were served before the
 * measurement stopped.
 * `gzipBytes` is what a host that gzips text (HTML, JS, CSS, JSON, SVG) would send: Pagefind's
 * own `pf_*` and wasm files are gzip-compressed already and count as stored.
 * Doesn’t throttle the network; loopback timings show CPU cost, bytes show the slow-link cost.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../tests/helpers/browser.ts';
import { serveStatic, type StaticServer } from '../../../tests/helpers/static-server.ts';
import { sectionPath } from '../../../src/lib/site/routes.ts';

export interface FirstSearch {
	bytes: number;
	/** The same requests as a gzipping host would send them. */
	gzipBytes: number;
	ms: number;
	requests: number;
	/** Bytes of requests under `pagefind/`. */
	pagefindBytes: number;
	/** Result links on screen when measured. */
	results: number;
	/** Bytes as a gzipping host would send them, by kind of file (`kindOf`). */
	byKind: Record<string, { requests: number; gzipBytes: number }>;
}

/** Kind of a served file, for the breakdown: Pagefind's parts by their folder or suffix. */
function kindOf(urlPath: string): string {
	if (urlPath.includes('/pagefind/')) {
		if (/\.pf_meta$/.test(urlPath)) return 'pagefind meta';
		if (urlPath.includes('/index/')) return 'pagefind index chunks';
		if (urlPath.includes('/filter/')) return 'pagefind filters';
		if (urlPath.includes('/fragment/')) return 'pagefind fragments';
		if (/wasm\./.test(urlPath)) return 'pagefind wasm';
		if (/\.json(\?|$)/.test(urlPath)) return 'pagefind entry';
		return 'pagefind js';
	}
	return 'page (html, css, js, config)';
}

/** A search result on screen: a link to a report page. */
const RESULT_LINK = `main a[href*="${sectionPath('reports')}"]`;

const compressible = /\.(?:html|js|mjs|css|json|svg|xml|txt)$/u;

/** Size of one served URL path after gzip when its type is compressible, else as stored. */
function gzipSize(site: string, urlPath: string, bytes: number): number {
	let file = path.join(site, decodeURIComponent(urlPath));
	try {
		if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
		return compressible.test(file) ? gzipSync(readFileSync(file)).length : bytes;
	} catch {
		return bytes; // a 404 page or a file removed since: count it as sent
	}
}

type ServedLog = StaticServer['log'];

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

/** URL paths of the page and of every request it started until the first result was inserted. */
function requestsBeforeFirstResult(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const at =
			(window as unknown as { __firstResultAt?: number }).__firstResultAt ?? performance.now();
		const entries = performance.getEntriesByType('resource').filter((e) => e.startTime <= at);
		return [location.pathname, ...entries.map((e) => new URL(e.name).pathname)];
	});
}

/** The server's log entries of the requests `started` (each path as many times as started). */
function servedFor(log: ServedLog, started: readonly string[]): ServedLog {
	const wanted = new Map<string, number>();
	for (const p of started) wanted.set(p, (wanted.get(p) ?? 0) + 1);
	return log.filter((r) => {
		const left = wanted.get(r.path) ?? 0;
		if (left > 0) wanted.set(r.path, left - 1);
		return left > 0;
	});
}

/** The measures of the first search from what was served for it. */
function firstSearchOf(
	site: string,
	log: ServedLog,
	seen: { ms: number; results: number },
): FirstSearch {
	const byKind: FirstSearch['byKind'] = {};
	for (const r of log) {
		const kind = (byKind[kindOf(r.path)] ??= { requests: 0, gzipBytes: 0 });
		kind.requests++;
		kind.gzipBytes += gzipSize(site, r.path.replace(/\?.*$/, ''), r.bytes);
	}
	return {
		bytes: log.reduce((sum, r) => sum + r.bytes, 0),
		gzipBytes: log.reduce((sum, r) => sum + gzipSize(site, r.path, r.bytes), 0),
		ms: seen.ms,
		requests: log.length,
		pagefindBytes: log
			.filter((r) => r.path.includes('/pagefind/'))
			.reduce((sum, r) => sum + r.bytes, 0),
		results: seen.results,
		byKind,
	};
}

/**
 * @param site Built site folder (served at `/`).
 * @param query Search text, e.g. `学习型社区`.
 */
export async function measureFirstSearch(
	site: string,
	query: string,
	timeoutMs = 60_000,
): Promise<FirstSearch> {
	const server = await serveStatic(site, '/');
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		await watchFirstResult(page);
		server.log.length = 0;
		const t0 = performance.now();
		await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
		await page.waitForFunction(
			(selector) => document.querySelectorAll(selector).length > 0,
			RESULT_LINK,
			{ timeout: timeoutMs, polling: 'raf' },
		);
		const ms = Math.round(performance.now() - t0);
		const log = servedFor(server.log, await requestsBeforeFirstResult(page));
		const results = await page.locator(RESULT_LINK).count();
		await context.close();
		return firstSearchOf(site, log, { ms, results });
	} finally {
		await browser.close();
		await server.close();
	}
}
