import { describe, expect, test } from 'vitest';
import {
	citeCompilation,
	citeReport,
	cslText,
	type CiteSource,
} from '../../src/lib/knowledge/cite-report.ts';
import { formatPages, pageRange } from '../../src/lib/knowledge/page-range.ts';
import type { SourceRecord } from '../../src/lib/frontmatter.ts';

type Toc = SourceRecord['toc'];
const entry = (
	reportId: string | null,
	page: number | null,
	kind: 'report' | 'section' = 'report',
): Toc[number] => ({
	kind,
	title: reportId ?? 'x',
	subtitle: null,
	unit: null,
	page,
	reportId,
});
const toc: Toc = [
	entry(null, null, 'section'),
	entry('a', 1),
	entry('b', 4),
	entry(null, 6), // a report known only from the TOC: still ends b's range
	entry(null, null, 'section'),
	entry('c', 9),
	entry('d', 9),
	entry('e', 12),
];

describe('pageRange', () => {
	test.each([
		['a', { first: 1, last: 3 }],
		['b', { first: 4, last: 5 }],
		['c', { first: 9, last: null }],
		['d', { first: 9, last: 11 }],
		['e', { first: 12, last: null }],
	])('report %s', (id, range) => expect(pageRange(toc, id)).toEqual(range));

	test('a PDF report cites the folios printed on its pages, not the TOC', () => {
		expect(pageRange(toc, 'a', ['5', '7'])).toEqual({ first: 5, last: 7 });
		expect(pageRange(toc, 'a', ['5', '5'])).toEqual({ first: 5, last: 5 });
		expect(pageRange(toc, 'a', ['5', null])).toEqual({ first: 5, last: null });
		// A page without a printed folio (or a roman one) falls back to the TOC.
		expect(pageRange(toc, 'a', [null, '7'])).toEqual({ first: 1, last: 3 });
		expect(pageRange(toc, 'a', ['iv', 'v'])).toEqual({ first: 1, last: 3 });
	});

	test('is null without an entry or a page number', () => {
		expect(pageRange(toc, 'zz')).toBeNull();
		expect(pageRange([entry('a', null)], 'a')).toBeNull();
	});

	test('formats a range, one page, or a first page only', () => {
		expect(formatPages({ first: 4, last: 5 })).toBe('4-5');
		expect(formatPages({ first: 4, last: 4 })).toBe('4');
		expect(formatPages({ first: 12, last: null }, '--')).toBe('12');
		expect(formatPages({ first: 4, last: 7 }, '--')).toBe('4--7');
	});
});

const report = {
	id: 'b',
	title: '建设学习团队',
	subtitle: '——市财政局经验材料',
	unit: '市财政局',
	author: null,
	date: '2010-12',
	dateSource: 'compilation' as const,
	compilationTitle: '经验汇编',
	sourceSlug: 's',
};
const full: CiteSource = {
	slug: 's',
	title: '经验汇编',
	editor: '王编',
	publisher: '市委宣传部',
	place: '大庆',
	date: '2010-12',
	toc,
	url: null,
};

describe('citeReport', () => {
	test('GB/T 7714-2015 with editor, place, publisher, year and the TOC page range', () => {
		expect(citeReport(report, full, 'https://x.org/reports/b/').gbt).toBe(
			'市财政局. 建设学习团队: 市财政局经验材料[G]//王编. 经验汇编. 大庆: 市委宣传部, 2010: 4-5.',
		);
	});

	test.each([
		[
			'no place',
			{ place: null },
			'市财政局. 建设学习团队: 市财政局经验材料[G]//王编. 经验汇编. 市委宣传部, 2010: 4-5.',
		],
		[
			'no publisher, no editor',
			{ publisher: null, editor: null },
			'市财政局. 建设学习团队: 市财政局经验材料[G]//经验汇编. 大庆, 2010: 4-5.',
		],
		[
			'nothing but the title',
			{ publisher: null, editor: null, place: null, date: null, toc: [] },
			'市财政局. 建设学习团队: 市财政局经验材料[G]//经验汇编.',
		],
	])('leaves out what is unknown: %s', (_name, patch, expected) => {
		const gbt = citeReport(report, { ...full, ...patch }, 'u').gbt;
		expect(gbt).toBe(expected);
		expect(gbt).not.toMatch(/null|undefined|不详|s\.n\./);
	});

	test('the last TOC entry cites its first page only', () => {
		expect(citeReport({ ...report, id: 'e' }, full, 'u').gbt).toMatch(/, 2010: 12\.$/);
	});

	test('without a compilation record, cites the title the report records', () => {
		expect(citeReport(report, undefined, 'u').gbt).toBe(
			'市财政局. 建设学习团队: 市财政局经验材料[G]//经验汇编.',
		);
	});

	test('BibTeX: incollection, corporate author kept whole, braces escaped, pages with --', () => {
		const bib = citeReport({ ...report, unit: '甲{乙}局' }, full, 'https://x.org/r/').bibtex;
		expect(bib.split('\n')).toEqual([
			'@incollection{b,',
			'  author = {{甲\\{乙\\}局}},',
			'  title = {建设学习团队: 市财政局经验材料},',
			'  booktitle = {经验汇编},',
			'  editor = {{王编}},',
			'  publisher = {市委宣传部},',
			'  address = {大庆},',
			'  year = {2010},',
			'  pages = {4--5},',
			'  url = {https://x.org/r/},',
			'  language = {chinese}',
			'}',
		]);
	});

	test('CSL-JSON: a chapter in its container, issued from the compilation when the date is inherited', () => {
		const csl = citeReport(report, full, 'https://x.org/r/').csl;
		expect(csl).toEqual({
			id: 'b',
			type: 'chapter',
			title: '建设学习团队: 市财政局经验材料',
			author: [{ literal: '市财政局' }],
			'container-title': '经验汇编',
			editor: [{ literal: '王编' }],
			publisher: '市委宣传部',
			'publisher-place': '大庆',
			issued: { 'date-parts': [[2010, 12]] },
			page: '4-5',
			URL: 'https://x.org/r/',
			language: 'zh-CN',
		});
	});
});

describe('citations without a site URL (a build without --site)', () => {
	test('BibTeX and CSL-JSON leave the URL out instead of inventing a host', () => {
		const c = citeReport(report, full, null);
		expect(c.bibtex).not.toMatch(/\burl\s*=/);
		expect(c.csl).not.toHaveProperty('URL');
		expect(c.gbt).toBe(citeReport(report, full, 'https://x.org/r/').gbt);
		const book = citeCompilation(full, null);
		expect(book.bibtex).not.toMatch(/\burl\s*=/);
		expect(book.csl).not.toHaveProperty('URL');
	});
});

describe('cslText', () => {
	test('is a CSL-JSON array of the item, date parts on one line', () => {
		const csl = citeReport(report, full, 'u').csl;
		const text = cslText(csl);
		expect(JSON.parse(text)).toEqual([csl]);
		expect(text).toContain('"date-parts": [[2010, 12]]');
	});
});

describe('citeCompilation', () => {
	test('cites the whole book in the three forms', () => {
		const c = citeCompilation(full, 'https://x.org/c/');
		expect(c.gbt).toBe('王编. 经验汇编[G]. 大庆: 市委宣传部, 2010.');
		expect(c.bibtex.startsWith('@collection{s,\n  editor = {{王编}},\n  title = {经验汇编},')).toBe(
			true,
		);
		expect(c.csl).toMatchObject({
			type: 'book',
			title: '经验汇编',
			issued: { 'date-parts': [[2010, 12]] },
		});
		expect(
			citeCompilation({ ...full, editor: null, publisher: null, place: null, date: null }, 'u').gbt,
		).toBe('经验汇编[G].');
	});
});
