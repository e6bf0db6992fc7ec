/**
 * Site polish of issue 18, checked on the shared test build: one counting rule for years
 * (years pages, statistics, search meta), Chinese wording (licence, 404, theme button), the
 * plain-text download of each report, and the header markup the phone menu needs.
 *
 * Oracles: counts from catalog.json by the rule as the pages state it (a report by its own
 * date, else its compilation's; a TOC-only entry by its compilation's); body text from the
 * rendered report page parsed with parse5, not from the code that writes the text file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { elementText } from '../helpers/html-text.ts';
import { anchorHrefs, readCatalog } from './browse-site.ts';

const site = inject('siteDir');
const catalog = readCatalog(site);
const read = (rel: string) => readFileSync(path.join(site, rel), 'utf8');
const page = (url: string) => read(path.join(url, 'index.html'));
const hasClass = (name: string) => (n: { attrs?: Array<{ name: string; value: string }> }) =>
	n.attrs?.some((a) => a.name === 'class' && a.value.split(/\s+/).includes(name)) ?? false;
const visible = (html: string) => elementText(html, (n) => n.nodeName === 'main') ?? '';

const sourceDate = new Map(catalog.sources.map((s) => [s.slug, s.date]));
const yearOf = (date: string | null) => (date === null ? 'undated' : date.slice(0, 4));
const expected = new Map<string, { reports: number; tocOnly: number }>();
for (const r of catalog.reports) {
	const e = expected.get(yearOf(r.date)) ?? { reports: 0, tocOnly: 0 };
	e.reports++;
	expected.set(yearOf(r.date), e);
}
for (const t of catalog.tocOnly) {
	const key = yearOf(sourceDate.get(t.sourceSlug) ?? null);
	const e = expected.get(key) ?? { reports: 0, tocOnly: 0 };
	e.tocOnly++;
	expected.set(key, e);
}

/** Row totals of the statistics page's year × category table. */
function statsYearTotals(): Map<string, number> {
	const html = page('/stats/');
	const table =
		/<caption>报告篇数：行为年份，列为类别<\/caption>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
	const totals = new Map<string, number>();
	for (const row of table.matchAll(
		/<tr><th scope="row">([^<]*)<\/th>((?:<td>\d+<\/td>)+)<\/tr>/g,
	)) {
		const sum = [...row[2]!.matchAll(/<td>(\d+)<\/td>/g)].reduce((a, m) => a + Number(m[1]), 0);
		totals.set(row[1] === '未注明' ? 'undated' : row[1]!, sum);
	}
	return totals;
}

describe('one counting rule for years', () => {
	test('the sample has TOC-only entries dated by their compilation (the case the rule is about)', () => {
		expect([...expected.values()].some((e) => e.tocOnly > 0 && e.reports > 0)).toBe(true);
	});

	test('each /years/<y>/ page, the /years/ bars and the statistics table give the same count', () => {
		const stats = statsYearTotals();
		const bars = new Map(
			[
				...page('/years/').matchAll(
					/<a href="\/years\/([^/]+)\/">[^<]*<\/a><svg[\s\S]*?<span class="count">(\d+) 篇<\/span>/g,
				),
			].map((m) => [m[1]!, Number(m[2])]),
		);
		expect(new Set(stats.keys())).toEqual(new Set(expected.keys()));
		expect(new Set(bars.keys())).toEqual(new Set(expected.keys()));
		for (const [year, { reports, tocOnly }] of expected) {
			expect(stats.get(year), year).toBe(reports + tocOnly);
			expect(bars.get(year), year).toBe(reports + tocOnly);
			const lead = visible(page(`/years/${year}/`));
			expect(lead, year).toContain(
				`共 ${reports} 篇报告${tocOnly > 0 ? `，另有 ${tocOnly} 篇仅见于汇编目录（正文未收录）` : '。'}`,
			);
		}
	});

	test('the rule is stated on the years pages and the statistics page', () => {
		for (const url of ['/years/', `/years/${[...expected.keys()][0]}/`, '/stats/']) {
			expect(visible(page(url)), url).toMatch(
				/计数规则：.*仅见于汇编目录、正文未收录的条目同样按汇编日期计入/,
			);
		}
	});

	test('a TOC-only entry of a dated compilation is listed with 收录于 and its compilation date', () => {
		const entry = catalog.tocOnly.find((t) => sourceDate.get(t.sourceSlug));
		expect(entry).toBeDefined();
		const date = sourceDate.get(entry!.sourceSlug)!;
		const [y, m] = date.split('-');
		const label = `收录于 ${y}年${m ? `${Number(m)}月` : ''}`;
		expect(visible(page(`/years/${y}/`))).toContain(label);
	});
});

describe('wording', () => {
	test('the data page says 未注明 for a source without a licence, never unknown', () => {
		const text = visible(page('/data/'));
		const undeclared = catalog.sources.filter((s) => !s.licence);
		expect(undeclared.length).toBeGreaterThan(0);
		for (const s of undeclared) expect(text).toContain(`《${s.title}》：未注明`);
		expect(text.replace('licence 字段此时为 unknown', '')).not.toMatch(/unknown/i);
	});

	test('the 404 page offers its sections in natural Chinese', () => {
		const main = /<main[\s\S]*<\/main>/.exec(read('404.html'))?.[0] ?? '';
		const links = [...main.matchAll(/<li><a href="[^"]*">([^<]*)<\/a><\/li>/g)].map((m) => m[1]);
		expect(links).toEqual([
			'返回首页',
			'按类别浏览',
			'按主题浏览',
			'按单位浏览',
			'按汇编浏览',
			'按年份浏览',
			'按做法浏览',
			'统计',
			'全文搜索',
		]);
	});

	test('the theme button has no aria-pressed and no fixed state word outside its label', () => {
		const html = page('/');
		expect(html).toContain(
			'<button type="button" class="theme-toggle" hidden><span class="visually-hidden">切换到</span><span class="theme-label">深色模式</span></button>',
		);
		expect(html).not.toContain('aria-pressed');
	});
});

describe('plain-text download of each report', () => {
	test('every report has /reports/<id>.txt: UTF-8 with BOM, CRLF, title first, every body block in order', () => {
		expect(catalog.reports.length).toBeGreaterThan(5);
		for (const r of catalog.reports) {
			const bytes = readFileSync(path.join(site, `reports/${r.id}.txt`));
			expect([...bytes.subarray(0, 3)], r.id).toEqual([0xef, 0xbb, 0xbf]);
			const text = bytes.toString('utf8').slice(1);
			expect(text.replace(/\r\n/g, ''), r.id).not.toMatch(/[\r\n]/);
			const lines = text.split('\r\n');
			expect(lines[0]).toBe(r.title);
			if (r.subtitle) expect(lines[1]).toBe(r.subtitle);
			expect(lines.filter((l) => l.startsWith(`出处：《${r.compilationTitle}》`))).toHaveLength(1);
			if (r.tocPage !== null)
				expect(lines.find((l) => l.startsWith('出处：'))).toMatch(
					new RegExp(`，第 ${r.tocPage}(-\\d+)? 页$`),
				);
			if (r.unit) expect(lines).toContain(`单位：${r.unit}`);
			// The body as the page shows it: each block of .report-main, in order, one line each.
			const blocks = (elementText(page(r.url), hasClass('report-main')) ?? '')
				.split('\n')
				.map((l) => l.replace(/\s+/g, ' ').replace(/¶$/, '').trim())
				.filter(Boolean);
			expect(blocks.length, r.id).toBeGreaterThan(0);
			let at = 0;
			for (const block of blocks) {
				const found = lines.indexOf(block, at);
				expect(found, `${r.id}: ${block.slice(0, 30)}`).toBeGreaterThan(at - 1);
				at = found + 1;
			}
			expect(lines.at(-1)).toBe('');
		}
	});

	test('each report page links its TXT beside its JSON, as a download', () => {
		for (const r of catalog.reports) {
			const html = page(r.url);
			expect(anchorHrefs(html)).toEqual(
				expect.arrayContaining([`/reports/${r.id}.json`, `/reports/${r.id}.txt`]),
			);
			expect(html).toContain(`download="${r.id}.txt"`);
		}
	});
});

describe('header, back-to-top and copy-link markup', () => {
	test('the menu button is a disclosure of the menu, and the menu holds the navigation', () => {
		const html = page('/categories/');
		expect(html).toMatch(
			/<button type="button" class="menu-toggle" aria-expanded="true" aria-controls="site-menu">菜单<\/button><div class="site-menu" id="site-menu"><nav class="site-nav" aria-label="主导航">/,
		);
	});

	test('every page has a back-to-top link to #top (the body), which works without JavaScript', () => {
		for (const url of ['/', '/stats/', catalog.reports[0]!.url]) {
			const html = page(url);
			expect(html).toContain('<body id="top">');
			expect(html).toContain('<a class="back-to-top" href="#top">');
		}
	});

	test('a report page has the copy-link button, kept out of the search index', () => {
		expect(page(catalog.reports[0]!.url)).toContain(
			'<p class="copy-link" data-pagefind-ignore><button type="button" class="copy-link-button" hidden>复制本文链接</button>',
		);
	});
});
