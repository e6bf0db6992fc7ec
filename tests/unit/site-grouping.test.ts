import { describe, expect, test } from 'vitest';
import {
	groupByCategory,
	groupByTheme,
	groupByUnit,
	groupByYear,
} from '../../src/lib/site/group-items.ts';
import { reportItem, tocOnlyItem } from '../../src/lib/site/list-item.ts';
import { compareByDate, sortByDate } from '../../src/lib/site/sort-items.ts';
import { report, tocOnly } from './site-fixtures.ts';

const r = (id: string, over: Parameters<typeof report>[0] = {}) =>
	reportItem(report({ id, ...over }), '');

describe('compareByDate', () => {
	test('puts newer first, undated last, and keeps compilation order for equal dates', () => {
		const items = [
			{ id: 'a', date: null, sourceSlug: 'a', order: 0 },
			{ id: 'b', date: '2009-01', sourceSlug: 'a', order: 0 },
			{ id: 'c', date: '2011', sourceSlug: 'a', order: 0 },
			{ id: 'd', date: '2009-01', sourceSlug: 'a', order: 5 },
			{ id: 'e', date: '2009-01', sourceSlug: '0', order: 9 },
		];
		expect(sortByDate(items).map((i) => i.id)).toEqual(['c', 'e', 'b', 'd', 'a']);
		expect(items[0]?.id).toBe('a');
	});
	test('is 0 only for the same place in the same compilation', () => {
		expect(
			compareByDate(
				{ date: '2010', sourceSlug: 'x', order: 1 },
				{ date: '2010', sourceSlug: 'x', order: 1 },
			),
		).toBe(0);
	});
});

describe('groupByCategory', () => {
	test('counts reports and TOC-only entries, largest group first', () => {
		const items = [
			r('a'),
			r('b', { category: '学习型社区', categorySlug: 'shequ' }),
			r('c', { category: '学习型社区', categorySlug: 'shequ' }),
			tocOnlyItem(tocOnly({ category: '学习型社区', categorySlug: 'shequ' }), {
				title: 'x',
				date: null,
			}),
		];
		const groups = groupByCategory(items);
		expect(groups.map((g) => [g.slug, g.items.length, g.reportCount])).toEqual([
			['shequ', 3, 2],
			['jiguan', 1, 1],
		]);
	});
});

describe('groupByTheme', () => {
	test('puts a report in each of its themes', () => {
		const groups = groupByTheme([
			r('a', { themes: ['读书活动', '共同愿景'], themeSlugs: ['dushu', 'yuanjing'] }),
			r('b', { themes: ['读书活动'], themeSlugs: ['dushu'] }),
		]);
		expect(groups.map((g) => [g.slug, g.items.map((i) => i.id)])).toEqual([
			['dushu', ['a', 'b']],
			['yuanjing', ['a']],
		]);
	});
});

describe('groupByUnit', () => {
	test('makes one generic name in two compilations two units, each noted with its compilation', () => {
		const groups = groupByUnit([
			r('a', {
				unit: '市统计局',
				unitParts: ['市统计局'],
				sourceSlug: 'book-a',
				compilationTitle: '甲书',
			}),
			r('b', {
				unit: '市统计局',
				unitParts: ['市统计局'],
				sourceSlug: 'book-b',
				compilationTitle: '乙书',
			}),
			r('c', { unit: '延庆县农经站', unitParts: ['延庆县农经站'] }),
		]);
		const stats = groups.filter((g) => g.label === '市统计局');
		expect(stats).toHaveLength(2);
		expect(new Set(stats.map((g) => g.slug)).size).toBe(2);
		expect(stats.map((g) => g.note).sort()).toEqual(['乙书', '甲书'].sort());
		expect(groups.find((g) => g.label === '延庆县农经站')?.note).toBeNull();
	});
	test('joins reports of one unit in one compilation, TOC-only entries included', () => {
		const groups = groupByUnit([
			r('a', { unit: '永宁镇', unitParts: ['永宁镇'] }),
			tocOnlyItem(tocOnly(), { title: 'x', date: null }),
		]);
		expect(groups).toHaveLength(1);
		expect(groups[0]?.items.map((i) => i.id).sort()).toEqual(['a', 't1']);
	});
	test('gives anonymised units and reports without a unit no group', () => {
		const groups = groupByUnit([
			r('a', { unit: '***街道工委', unitParts: ['***街道工委'], unitAnonymized: true }),
			r('b', { unit: null, unitParts: [], author: '王力' }),
		]);
		expect(groups).toEqual([]);
	});
});

describe('groupByYear', () => {
	// The site's one counting rule (issue 18): a TOC-only entry counts in its compilation's year,
	// as the statistics page counts it (it used to be left out of /years/ only).
	test('groups reports and TOC-only entries by the year they show, newest first, undated last', () => {
		const groups = groupByYear([
			r('a', { date: '2009-03', datePrecision: 'month' }),
			r('b', { date: null, datePrecision: 'none', dateSource: 'none' }),
			r('c', { date: '2011', datePrecision: 'year' }),
			r('d', { date: '2009-12-01', datePrecision: 'day' }),
			r('e', { date: '2010-12', datePrecision: 'month', dateSource: 'compilation' }),
			{ ...tocOnlyItem(tocOnly(), { title: 'x', date: '2010' }), id: 't1' },
			{ ...tocOnlyItem(tocOnly(), { title: 'x', date: null }), id: 't2' },
		]);
		expect(groups.map((g) => [g.slug, g.label, g.items.map((i) => i.id), g.reportCount])).toEqual([
			['2011', '2011年', ['c'], 1],
			['2010', '2010年', ['e', 't1'], 1],
			['2009', '2009年', ['d', 'a'], 2],
			['undated', '未注明日期', ['b', 't2'], 1],
		]);
	});
});
