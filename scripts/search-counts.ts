/**
 * `node scripts/search-counts.ts --site DIR --queries 学,习,学习型社区`
 *
 * Types each query into the built site's /search/ page in Chromium (served from DIR on
 * loopback) and prints the status line the reader sees (`“学”共找到 5000 条结果…`): a check of
 * what the real index and Pagefind's browser code find, e.g. one-character recall on a large
 * site (docs/scale/merge-index.md).
 */
import { parseArgs } from './lib/args.ts';
import { searchPath } from '../src/lib/site/routes.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const args = parseArgs(process.argv.slice(2), ['site', 'queries']);
const site = args.values.get('site');
const queries = (args.values.get('queries') ?? '').split(',').filter(Boolean);
if (!site || queries.length === 0 || args.flags.size > 0) {
	console.error('usage: node scripts/search-counts.ts --site DIR --queries Q1,Q2,…');
	process.exit(2);
}
const server = await serveStatic(site, '/');
const browser = await launchBrowser();
try {
	const page = await browser.newPage();
	for (const q of queries) {
		await page.goto(new URL(searchPath(new URLSearchParams({ q })).slice(1), server.url).href);
		await page.waitForFunction(() => document.body.dataset.searchState === 'done', null, { timeout: 120_000 });
		console.log(`${q}\t${(await page.locator('#search-status').textContent()) ?? ''}`);
	}
} finally {
	await browser.close();
	await server.close();
}
