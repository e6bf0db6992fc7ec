/**
 * PDF layout cases of issue 13 (tests/fixtures/formats/<case>/, printed by `make-pdf-cases.ts`
 * from the hand-written HTML of `pdf-cases.ts`): headings from font size, the outline as the TOC.
 * Every expectation is written by hand from `pdf-cases.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { outlineToc } from '../../src/lib/ingest/structure/outline-toc.ts';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';
import { pdfAssets } from '../../scripts/lib/pdf-assets.ts';
import type { OutlineEntry } from '../../src/lib/ingest/types.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/formats');
const vocab = parseVocabulary(readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'));

const results = new Map<string, ReturnType<typeof ingestAll>>();
async function ingestPdf(name: string) {
	if (!results.has(name)) {
		const input = await extractSource({ file: `${name}.pdf`, bytes: new Uint8Array(readFileSync(path.join(root, name, 'book.pdf'))) }, pdfAssets);
		results.set(name, ingestAll([input], vocab, {}));
	}
	return results.get(name)!;
}

/** The headings of a page as its renderer makes them: `h<depth> text`. */
const headingsOf = (mdx: string) => renderMdx(mdx).headings.map((h) => `h${h.depth} ${h.text}`);

describe('pdf-headings-outline: headings set larger, no printed TOC, an outline', { timeout: 60_000 }, () => {
	test('the outline names the three reports: each is a report, the third too (no dated sign-off before it)', async () => {
		const result = await ingestPdf('pdf-headings-outline');
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const source = result.catalog.sources[0]!;
		expect(source.shape).toBe('toc-compilation');
		expect(source.toc.map((t) => [t.kind, t.title, t.page])).toEqual([
			['report', '书香机关建设的实践', null],
			['report', '关于社区教育的几点体会', null],
			['report', '让读书成为机关干部的习惯', null],
		]);
		expect(source.title).toBe('机关学习文集');
		expect(result.pages.map((p) => [p.frontmatter.title, p.frontmatter.subtitle, p.frontmatter.unit, p.frontmatter.author, p.frontmatter.date])).toEqual([
			['书香机关建设的实践', '——市水利局创建学习型机关工作汇报', '市水利局', null, '2013-03-10'],
			['关于社区教育的几点体会', null, null, '李红梅', '2013-05'],
			['让读书成为机关干部的习惯', null, null, '王建国', '2013-05'],
		]);
		// (The A5 print: the cover, report 1 on page 2, reports 2 and 3 on page 3; as pdftotext splits it at form feeds.)
		expect(result.pages.map((p) => p.frontmatter.pdfPages)).toEqual([[2, 2], [3, 3], [3, 3]]);
	});

	test('a short line set larger than the body is a heading, the larger the higher; run-in （一）… sentences are not', async () => {
		const result = await ingestPdf('pdf-headings-outline');
		expect(result.pages.map((p) => headingsOf(p.mdx))).toEqual([
			['h2 健全学习制度', 'h3 每周一次集中学习', 'h3 每年一次读书交流', 'h2 创新学习载体'],
			['h2 社区教育要贴近居民需求', 'h2 社区教育要整合各方资源'],
			['h2 从每天读书半小时做起'],
		]);
		const first = result.pages[0]!.text.split('\n');
		expect(first).toContain('（一）领导带头学。局党组中心组每月学习一次，党组成员每人每年撰写调研报告一篇以上。');
		expect(first.slice(-2)).toEqual(['市水利局', '二〇一三年三月十日']);
	});
});

describe('outlineToc', () => {
	const entry = (title: string, items: OutlineEntry[] = []): OutlineEntry => ({ title, page: 1, items });

	test('a section entry holds reports; another top-level entry is a report and its children its headings', () => {
		const toc = outlineToc([
			entry('第一部分 学习型机关', [entry('书香机关建设的实践', [entry('健全学习制度')]), entry('强化理论武装')]),
			entry('关于社区教育的几点体会', [entry('社区教育要贴近居民需求')]),
		]);
		expect(toc?.items.map((i) => [i.kind, i.title, i.section])).toEqual([
			['section', '学习型机关', null],
			['report', '书香机关建设的实践', '学习型机关'],
			['report', '强化理论武装', '学习型机关'],
			['report', '关于社区教育的几点体会', null],
		]);
	});

	test('a single top entry (the book) is read from its children; fewer than two reports is no TOC', () => {
		expect(outlineToc([entry('机关学习文集', [entry('甲报告'), entry('乙报告')])])?.items.map((i) => i.title)).toEqual(['甲报告', '乙报告']);
		expect(outlineToc([entry('机关学习文集', [entry('甲报告')])])).toBeNull();
		expect(outlineToc([])).toBeNull();
	});
});

describe('pdf-picture: a photograph inside a page of text', { timeout: 60_000 }, () => {
	test('leaves a placeholder line where it stands, counted; an ornament and a background leave none', async () => {
		const result = await ingestPdf('pdf-picture');
		expect(result.issues.filter((i) => i.severity === 'error' || i.ruleId.startsWith('text:'))).toEqual([]);
		expect(result.catalog.sources[0]!.repairs['picture-placeholder']).toBe(1);
		expect(result.pages).toHaveLength(1);
		expect(result.pages[0]!.text.split('\n')).toEqual([
			'北街社区书屋建成于二〇一〇年，面积八十平方米，藏书三千余册，每天开放八小时，成为居民读书学习的好去处。',
			'［图］',
			'图1社区书屋一角',
			'书屋实行志愿者管理，由社区离退休党员轮流值班，居民凭借阅证免费借阅图书，全年借阅图书一万二千余册次。',
			'社区还在书屋开办了亲子阅读班，每周六上午由志愿者带领孩子和家长一起读书，深受居民欢迎。',
			'北街社区居委会',
			'二〇一一年十二月',
		]);
	});
});
