/**
 * What a reader sees of search results, on the real build in Chromium: excerpts in the report's
 * own words with every match marked, terms ANDed, title matches first, and result links whose
 * fragment lands on an element with that id.
 *
 * Oracles, computed here from independent sources: a report's text is what Chromium renders in
 * its `data-pagefind-body` (without `data-pagefind-ignore` parts); a TOC-only entry's is its
 * title, subtitle and unit in catalog.json; folding for comparison is OpenCC tw → cn and
 * lower-casing, whitespace removed (not the site's fold table).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { DESKTOP } from '../helpers/devices.ts';
import { useServedSite } from '../helpers/served-site.ts';
import {
	loadAllResults,
	reportBodyText,
	resultKeys,
	waitForSearch,
} from './search-page-helpers.ts';

const site = inject('siteDir');
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{
		id: string;
		url: string;
		title: string;
		subtitle: string | null;
		unit: string | null;
		author?: string | null;
	}>;
	tocOnly: Array<{ id: string; title: string; subtitle: string | null; unit: string | null }>;
};
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const norm = (text: string) => toSimplified(text).toLowerCase().replace(/\s+/g, '');
const termsOf = (query: string) =>
	[...query.matchAll(/"([^"]+)"|\S+/g)].map((m) => norm(m[1] ?? m[0])).filter(Boolean);
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Excerpt {
	/** Text between block separators and cuts, as shown. */
	pieces: string[];
	/** Text of each <mark>. */
	marks: string[];
	/** Unmarked runs of text (between marks, separators and cuts). */
	unmarked: string[];
}

/** Every excerpt on the page (main and sub-results) with its result's key. */
async function readExcerpts(
	page: Page,
): Promise<Array<{ key: string; sub: boolean; excerpt: Excerpt }>> {
	const raw = await page.locator('#search-results > li').evaluateAll((items) =>
		items.flatMap((li) => {
			const href = (li.querySelector('h2 a') as HTMLAnchorElement).href;
			return [...li.querySelectorAll('.search-excerpt')].map((p) => {
				const pieces: string[] = [''];
				const marks: string[] = [];
				const unmarked: string[] = [''];
				for (const node of p.childNodes) {
					const el = node instanceof HTMLElement ? node : null;
					if (el && (el.classList.contains('search-sep') || el.classList.contains('search-cut'))) {
						pieces.push('');
						unmarked.push('');
					} else if (el && el.tagName === 'MARK') {
						marks.push(el.textContent ?? '');
						pieces[pieces.length - 1] += el.textContent ?? '';
						unmarked.push('');
					} else {
						pieces[pieces.length - 1] += node.textContent ?? '';
						unmarked[unmarked.length - 1] += node.textContent ?? '';
					}
				}
				return {
					href,
					sub: p.closest('.search-sub-results') !== null,
					excerpt: { pieces: pieces.filter((x) => x.trim()), marks, unmarked },
				};
			});
		}),
	);
	return raw.map(({ href, sub, excerpt }) => {
		const url = new URL(href);
		const report = /\/reports\/([^/]+)\/$/.exec(url.pathname);
		return {
			key: report ? `report:${report[1]}` : `toc:${url.hash.slice(1).replace(/^entry-/, '')}`,
			sub,
			excerpt,
		};
	});
}

describe.skipIf(!browserAvailable)('search results in the report’s own words', () => {
	const served = useServedSite(site);
	/** Record key → its displayed lines (whitespace collapsed). */
	const lines = new Map<string, string[]>();

	beforeAll(async () => {
		const page = await served.browser.newPage();
		for (const report of catalog.reports) {
			const href = new URL(report.url.slice(1), served.server.url).href;
			const text = await reportBodyText(page, href);
			lines.set(`report:${report.id}`, text.split('\n').map(collapse).filter(Boolean));
		}
		for (const entry of catalog.tocOnly) {
			lines.set(
				`toc:${entry.id}`,
				[entry.title, entry.subtitle, entry.unit]
					.filter((t): t is string => Boolean(t))
					.map(collapse),
			);
		}
		await page.close();
	});

	const search = async (query: string): Promise<Page> => {
		const page = await served.browser.newPage();
		await page.goto(`${served.server.url}search/?q=${encodeURIComponent(query)}`);
		await waitForSearch(page);
		await loadAllResults(page);
		return page;
	};

	test.each([
		'学习型社区',
		'學習型社區',
		'TRIZ',
		'triz',
		'大讲堂',
		'学习 社区',
		'读书 考核',
		'2010年',
		'“五子行动”',
		'学',
		'"终身 学习"',
	])(
		'%s: every excerpt marks every match, and every piece of it is verbatim text of its record',
		async (query) => {
			const terms = termsOf(query);
			const page = await search(query);
			const excerpts = await readExcerpts(page);
			const keys = await resultKeys(page);
			expect(keys.length).toBeGreaterThan(0);
			// every result shows an excerpt
			expect(new Set(excerpts.filter((e) => !e.sub).map((e) => e.key))).toEqual(new Set(keys));
			for (const { key, excerpt } of excerpts) {
				const where = `${query} → ${key}: ${excerpt.pieces.join(' | ')}`;
				expect(excerpt.marks.length, where).toBeGreaterThan(0);
				for (const mark of excerpt.marks)
					expect(
						terms.some((t) => norm(mark).includes(t)),
						`${where}: mark ${mark}`,
					).toBe(true);
				for (const run of excerpt.unmarked)
					for (const t of terms)
						expect(norm(run).includes(t), `${where}: unmarked ${t} in ${run}`).toBe(false);
				const own = lines.get(key)!;
				for (const piece of excerpt.pieces)
					expect(
						own.some((line) => line.includes(collapse(piece))),
						`${where}: not verbatim: ${piece}`,
					).toBe(true);
			}
			await page.close();
		},
	);

	test('the report’s script, case and punctuation are shown, not the folded index text', async () => {
		const page = await search('triz');
		const marks = await page.locator('#search-results mark').allTextContents();
		expect(marks).toContain('TRIZ');
		await page.close();
		const full = await search('学习型社区');
		const text = (await full.locator('.search-excerpt').allTextContents()).join('');
		expect(text).toMatch(/[，。（）“”]/u);
		await full.close();
	});

	test('a heading and the paragraph after it are separated; each sub-result shows its own passage', async () => {
		const page = await search('学习型社区');
		expect(await page.locator('.search-excerpt .search-sep').count()).toBeGreaterThan(0);
		const results = await page.locator('#search-results > li').evaluateAll((items) =>
			items.map((li) => ({
				main: li.querySelector(':scope > .search-excerpt')?.textContent ?? '',
				subs: [...li.querySelectorAll('.search-sub-results .search-excerpt')].map(
					(p) => p.textContent ?? '',
				),
			})),
		);
		const withSubs = results.filter((r) => r.subs.length > 0);
		expect(withSubs.length).toBeGreaterThan(0);
		for (const r of withSubs) {
			for (const sub of r.subs) expect(sub).not.toBe(r.main);
			expect(new Set(r.subs).size).toBe(r.subs.length);
		}
		await page.close();
	});

	test.each(['学习 社区', '學習 社區', '企业 组织 学习', 'TRIZ 理论'])(
		'%s returns exactly the records containing every term',
		async (query) => {
			const terms = termsOf(query);
			const page = await search(query);
			const found = await resultKeys(page);
			const expected = [...lines]
				.filter(([, ls]) => terms.every((t) => ls.some((l) => norm(l).includes(t))))
				.map(([key]) => key);
			expect(new Set(found)).toEqual(new Set(expected));
			expect(found.length).toBe(expected.length);
			expect(await page.textContent('#search-status')).toContain(terms.length > 1 ? '和' : '');
			await page.close();
		},
	);

	test.each([
		'街道',
		'学习型机关',
		'学习型党组织',
		'社区',
		'市科技局',
		'企业',
		'延庆',
		'读书',
		'大讲堂',
		'学习型社区',
		'学习',
		'创建',
		'组织',
		'机关',
		'党组织',
	])('%s: every title, subtitle or unit match ranks above every body-only match', async (query) => {
		const q = norm(query);
		const head = new Set([
			...catalog.reports
				.filter((r) =>
					[r.title, r.subtitle, r.unit ?? r.author].some((t) => t && norm(t).includes(q)),
				)
				.map((r) => `report:${r.id}`),
			...catalog.tocOnly.map((t) => `toc:${t.id}`),
		]);
		const page = await search(query);
		const found = await resultKeys(page);
		const lastHead = found.findLastIndex((key) => head.has(key));
		const firstBody = found.findIndex((key) => !head.has(key));
		expect(firstBody === -1 || lastHead < firstBody, `${query}: ${found.join(' ')}`).toBe(true);
		await page.close();
	});

	test('every result link with a fragment lands on an element with that id, scrolled into view and highlighted', async () => {
		const hrefs = new Set<string>();
		for (const query of ['街道', '学习型社区', '读书', '延庆县人民检察院', '学习型机关']) {
			const page = await search(query);
			const links = await page
				.locator('#search-results a')
				.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
			for (const href of links) if (new URL(href).hash) hrefs.add(href);
			await page.close();
		}
		expect([...hrefs].some((h) => h.includes('/compilations/'))).toBe(true);
		expect([...hrefs].some((h) => h.includes('/reports/'))).toBe(true);
		const page = await served.browser.newPage(DESKTOP);
		for (const href of hrefs) {
			await page.goto(href);
			const landed = await page.evaluate(() => {
				const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
				if (!el) return null;
				const box = el.getBoundingClientRect();
				return {
					target: el.matches(':target'),
					top: box.top,
					height: innerHeight,
					outline: getComputedStyle(el).outlineStyle,
					toc: el.classList.contains('toc-entry'),
				};
			});
			expect(landed, href).not.toBeNull();
			expect(landed!.target, href).toBe(true);
			expect(landed!.top >= -1 && landed!.top < landed!.height, `${href} at ${landed!.top}`).toBe(
				true,
			);
			if (landed!.toc) expect(landed!.outline, href).not.toBe('none');
		}
		await page.close();
	});
});
