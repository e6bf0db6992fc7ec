/**
 * `node scripts/search-counts.ts --site DIR --queries 学,习,学习型社区 [--catalog FILE]`
 *
 * Types each query into the built site's /search/ page in Chromium (served from DIR on
 * loopback) and prints the status line the reader sees (`“学”共找到 5000 条结果…`): a check of
 * what the real index and Pagefind's browser code find on a large site. With `--catalog` (the
 * catalog.json the site was built from), also counts by a plain substring scan the records that
 * contain each term (folded, whitespace removed, inside one block of the page's
 * `data-pagefind-body`, or a TOC-only entry's title, subtitle or unit), prints both counts and
 * exits 1 when any differs: recall and precision against an oracle that shares no code with the
 * index but the page reader and the fold.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import { parseArgs } from './lib/args.ts';
import { searchPath } from '../src/lib/site/routes.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { foldText } from '../src/lib/search/fold.ts';
import { buildFoldTable } from '../src/lib/search/fold-table.ts';
import { readPageRecord } from '../src/lib/search/page-blocks.ts';
import type { Catalog } from '../src/lib/frontmatter.ts';

const args = parseArgs(process.argv.slice(2), ['site', 'queries', 'catalog']);
const site = args.values.get('site');
const queries = (args.values.get('queries') ?? '').split(',').filter(Boolean);
if (!site || queries.length === 0 || args.flags.size > 0) {
	console.error(
		'usage: node scripts/search-counts.ts --site DIR --queries Q1,Q2,… [--catalog FILE]',
	);
	process.exit(2);
}
// the oracle: every record's blocks, folded, whitespace removed
const catalogFile = args.values.get('catalog');
let records: string[][] | null = null;
const fold = Object.fromEntries(buildFoldTable(TSCharacters, [TWVariantsRev, HKVariantsRev]));
const squeeze = (text: string) => foldText(text, fold).replace(/\s+/gu, '');
if (catalogFile) {
	const catalog = JSON.parse(await readFile(catalogFile, 'utf8')) as Catalog;
	records = [];
	for (const report of catalog.reports) {
		const record = readPageRecord(
			await readFile(path.join(site, report.url, 'index.html'), 'utf8'),
		);
		records.push((record?.blocks ?? []).map((b) => squeeze(b.text)));
	}
	for (const entry of catalog.tocOnly)
		records.push(
			[entry.title, entry.subtitle, entry.unit].filter((t): t is string => Boolean(t)).map(squeeze),
		);
}
const server = await serveStatic(site, '/');
const browser = await launchBrowser();
try {
	const page = await browser.newPage();
	for (const q of queries) {
		await page.goto(new URL(searchPath(new URLSearchParams({ q })).slice(1), server.url).href);
		await page.waitForFunction(() => document.body.dataset.searchState === 'done', null, {
			timeout: 120_000,
		});
		const status = (await page.locator('#search-status').textContent()) ?? '';
		if (!records) {
			console.log(`${q}\t${status}`);
			continue;
		}
		const terms = q.split(/\s+/u).filter(Boolean).map(squeeze);
		const expected = records.filter((blocks) =>
			terms.every((t) => blocks.some((b) => b.includes(t))),
		).length;
		const found = Number(/共找到 (\d+) 条结果/u.exec(status)?.[1] ?? 0);
		console.log(
			`${q}\tfound ${found}\tsubstring scan ${expected}\t${found === expected ? 'same' : 'DIFFERENT'}`,
		);
		if (found !== expected) process.exitCode = 1;
	}
} finally {
	await browser.close();
	await server.close();
}
