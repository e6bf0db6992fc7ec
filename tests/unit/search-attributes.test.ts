import { describe, expect, test } from 'vitest';
import {
	dateSortKey,
	pagefindAttributes,
	tocOnlyAttributes,
} from '../../src/lib/search/attributes.ts';
import type { ReportFrontmatter, TocOnlyEntry } from '../../src/lib/frontmatter.ts';

const report = {
	id: 'a',
	title: '强素质 促发展',
	subtitle: '——延庆县农经站创建学习型机关自评报告',
	unit: '延庆县农经站',
	unitParts: ['延庆县农经站'],
	unitAnonymized: false,
	author: null,
	category: '学习型机关',
	categorySlug: 'jiguan',
	reportType: '自评报告',
	date: '2009-01-18',
	datePrecision: 'day',
	dateSource: 'report',
	themes: ['读书活动', '学习制度'],
	themeSlugs: ['dushu', 'zhidu'],
	namedPractices: [],
	abstract: null,
	keywords: [],
	source: 's.txt',
	sourceSlug: 's',
	compilationTitle: '建设学习型延庆',
	order: 0,
	tocPage: 1,
	section: null,
	lines: [1, 2],
	truncated: false,
} satisfies ReportFrontmatter;

describe('Pagefind attributes', () => {
	test.each([
		['2009-01-18', '2009-01-18'],
		['2010-08', '2010-08-00'],
		['2010', '2010-00-00'],
		[null, '0000-00-00'],
	])('date %s sorts as %s', (date, key) => expect(dateSortKey(date)).toBe(key));

	test('a report gets category, themes, year, compilation and type filters', () => {
		const { filters, meta, sort } = pagefindAttributes(report);
		expect(filters).toEqual({
			category: ['学习型机关'],
			theme: ['读书活动', '学习制度'],
			year: ['2009'],
			compilation: ['建设学习型延庆'],
			type: ['自评报告'],
		});
		expect(meta).toMatchObject({
			title: '强素质 促发展',
			unit: '延庆县农经站',
			date: '2009年1月18日',
			kind: 'report',
		});
		expect(sort).toEqual({ date: '2009-01-18' });
	});

	test('an undated report still has a year value and a sort key', () => {
		const { filters, sort, meta } = pagefindAttributes({
			...report,
			date: null,
			datePrecision: 'none',
			dateSource: 'none',
		});
		expect(filters.year).toEqual(['未注明']);
		expect(sort.date).toBe('0000-00-00');
		expect(meta.date).toBe('未注明日期');
	});

	const entry: TocOnlyEntry = {
		id: 't',
		source: 's.txt',
		sourceSlug: 's',
		title: '社区和谐',
		subtitle: null,
		unit: '双路社区',
		unitAnonymized: false,
		category: '学习型社区',
		categorySlug: 'shequ',
		tocPage: 3,
		section: null,
		order: 4,
	};

	test('a TOC-only entry of an undated compilation is marked, undated, and has no report type', () => {
		const { filters, meta, sort } = tocOnlyAttributes(entry, '建设学习型延庆');
		expect(filters).toEqual({
			category: ['学习型社区'],
			year: ['未注明'],
			compilation: ['建设学习型延庆'],
		});
		expect(meta).toMatchObject({
			kind: 'toc',
			unit: '双路社区',
			title: '社区和谐',
			date: '未注明日期',
		});
		expect(sort.date).toBe('0000-00-00');
	});

	test('a TOC-only entry shows, filters and sorts by its compilation date, as listings show it', () => {
		const { filters, meta, sort } = tocOnlyAttributes(entry, '建设学习型延庆', '2010-12');
		expect(filters.year).toEqual(['2010']);
		expect(meta.date).toBe('收录于 2010年12月');
		expect(sort.date).toBe('2010-12-00');
	});
});

describe('TOC entry anchors', () => {
	test('the id a TOC-only result links to begins with a letter', async () => {
		const { tocEntryAnchor } = await import('../../src/lib/site/routes.ts');
		expect(tocEntryAnchor('000-072d85c6eac7fde3-toc-9b1cd692')).toBe(
			'entry-000-072d85c6eac7fde3-toc-9b1cd692',
		);
	});
});
