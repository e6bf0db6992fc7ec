/**
 * The golden query suite (tests/fixtures/search/queries.yaml), typed into the real /search/ page.
 *
 * Oracle, computed here: a report is expected for a query when the text a reader sees in its
 * body (the page’s `data-pagefind-body`, without `data-pagefind-ignore` parts, as rendered by
 * Chromium) contains the query within one line, after OpenCC traditional → simplified
 * conversion, lower-casing and removing whitespace; a TOC-only entry (正文未收录) when its title,
 * subtitle or unit does. A query of several terms (separated by spaces; a "quoted phrase" is
 * one term, its spaces ignored) expects the records where EVERY term occurs in some line.
 * Targets: recall 100% for every query, precision 100%.
 *
 * The ranking cases (tests/fixtures/search/ranking.yaml) are written by hand: the reports whose
 * title, subtitle or unit holds the query come first, then the TOC-only entries, then the rest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { load } from 'js-yaml';
import * as OpenCC from 'opencc-js';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { reportBodyText, searchFor } from './search-page-helpers.ts';

const site = inject('siteDir');
const suite = load(
	readFileSync(path.resolve(import.meta.dirname, '../fixtures/search/queries.yaml'), 'utf8'),
) as Record<string, string[]>;
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{ id: string; url: string }>;
	tocOnly: Array<{ id: string; title: string; subtitle: string | null; unit: string | null }>;
};
const ranking = load(
	readFileSync(path.resolve(import.meta.dirname, '../fixtures/search/ranking.yaml'), 'utf8'),
) as Record<string, string[]>;
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const norm = (text: string) => toSimplified(text).toLowerCase().replace(/\s+/g, '');
/** The terms of a query, as a reader means them: quoted phrases, else space-separated words. */
const termsOf = (query: string) =>
	[...query.matchAll(/"([^"]+)"|\S+/g)].map((m) => norm(m[1] ?? m[0])).filter(Boolean);

describe.skipIf(!browserAvailable)('golden query suite in the search page', () => {
	let server: StaticServer;
	let browser: Browser;
	let page: Page;
	/** Record key → its displayed lines, normalised. */
	const corpus = new Map<string, string[]>();

	beforeAll(async () => {
		server = await serveStatic(site);
		browser = await launchBrowser();
		page = await browser.newPage();
		for (const report of catalog.reports) {
			const text = await reportBodyText(page, new URL(report.url.slice(1), server.url).href);
			corpus.set(`report:${report.id}`, text.split('\n').map(norm).filter(Boolean));
		}
		for (const entry of catalog.tocOnly) {
			corpus.set(
				`toc:${entry.id}`,
				[entry.title, entry.subtitle, entry.unit].filter((t): t is string => Boolean(t)).map(norm),
			);
		}
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	test('has at least 40 queries in the seven classes', () => {
		expect(Object.keys(suite).sort()).toEqual([
			'and',
			'common',
			'cross',
			'mixed',
			'phrase',
			'programme',
			'traditional',
			'unit',
		]);
		expect(Object.values(suite).flat().length).toBeGreaterThanOrEqual(40);
	});

	test('recall is 100% for every query and precision is 100%', async () => {
		const rows: Array<{
			cls: string;
			queries: number;
			expected: number;
			found: number;
			hits: number;
		}> = [];
		const misses: string[] = [];
		let emptyOracle = 0;
		for (const [cls, queries] of Object.entries(suite)) {
			const row = { cls, queries: queries.length, expected: 0, found: 0, hits: 0 };
			for (const query of queries) {
				const terms = termsOf(query);
				const expected = new Set(
					[...corpus]
						.filter(([, lines]) => terms.every((t) => lines.some((l) => l.includes(t))))
						.map(([key]) => key),
				);
				const found = await searchFor(page, server.url, query);
				expect(new Set(found).size, `duplicate results for ${query}`).toBe(found.length);
				const hits = found.filter((key) => expected.has(key)).length;
				for (const key of expected) if (!found.includes(key)) misses.push(`${query} → ${key}`);
				if (expected.size === 0) emptyOracle++;
				row.expected += expected.size;
				row.found += found.length;
				row.hits += hits;
			}
			rows.push(row);
		}
		const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
		const total = rows.reduce(
			(t, r) => ({
				expected: t.expected + r.expected,
				found: t.found + r.found,
				hits: t.hits + r.hits,
			}),
			{ expected: 0, found: 0, hits: 0 },
		);
		console.log(
			['class        queries  expected  found  recall   precision']
				.concat(
					rows.map(
						(r) =>
							`${r.cls.padEnd(12)} ${String(r.queries).padStart(7)} ${String(r.expected).padStart(9)} ${String(r.found).padStart(6)}  ${pct(r.hits, r.expected).padStart(6)}  ${pct(r.hits, r.found).padStart(9)}`,
					),
				)
				.concat(
					`${'ALL'.padEnd(12)} ${String(rows.reduce((n, r) => n + r.queries, 0)).padStart(7)} ${String(total.expected).padStart(9)} ${String(total.found).padStart(6)}  ${pct(total.hits, total.expected).padStart(6)}  ${pct(total.hits, total.found).padStart(9)}`,
				)
				.join('\n'),
		);
		expect(misses, 'reports containing the query but not found').toEqual([]);
		expect(total.hits, 'results that do not contain the query').toBe(total.found);
		// The suite must exercise the index: nearly every query has something to find.
		expect(emptyOracle).toBeLessThanOrEqual(Math.floor(0.1 * Object.values(suite).flat().length));
	}, 300_000);

	test.each(Object.entries(ranking))(
		'relevance order of %s: its title matches first, then TOC-only entries, then the rest',
		async (query, head) => {
			const found = await searchFor(page, server.url, query);
			expect(new Set(found.slice(0, head.length))).toEqual(new Set(head));
			const rest = found.slice(head.length);
			const firstReport = rest.findIndex((key) => key.startsWith('report:'));
			const lastToc = rest.findLastIndex((key) => key.startsWith('toc:'));
			expect(
				firstReport === -1 || lastToc < firstReport,
				`TOC-only after a body-only report: ${rest.join(' ')}`,
			).toBe(true);
			expect(rest.filter((key) => head.includes(key))).toEqual([]);
		},
	);
});
