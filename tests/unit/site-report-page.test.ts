import { describe, expect, test } from 'vitest';
import { reportItem } from '../../src/lib/site/list-item.ts';
import { neighbourMap } from '../../src/lib/site/neighbours.ts';
import { pageToc } from '../../src/lib/site/page-toc.ts';
import { relatedIndex, relatedReports } from '../../src/lib/site/related.ts';
import { report } from './site-fixtures.ts';

describe('neighbourMap', () => {
	test('links reports in compilation order and never across compilations', () => {
		const items = [
			{ id: 'b2', sourceSlug: 'b', order: 2 },
			{ id: 'a1', sourceSlug: 'a', order: 1 },
			{ id: 'a0', sourceSlug: 'a', order: 0 },
			{ id: 'b0', sourceSlug: 'b', order: 0 },
		];
		const map = neighbourMap(items);
		const ids = (id: string) => [map.get(id)?.prev?.id ?? null, map.get(id)?.next?.id ?? null];
		expect(ids('a0')).toEqual([null, 'a1']);
		expect(ids('a1')).toEqual(['a0', null]);
		expect(ids('b0')).toEqual([null, 'b2']);
		expect(ids('b2')).toEqual(['b0', null]);
	});
});

describe('relatedReports', () => {
	const item = (id: string, themes: string[], categorySlug = 'jiguan', date = '2010-01') =>
		reportItem(
			report({ id, themes, themeSlugs: themes, categorySlug, date, datePrecision: 'month' }),
			'',
		);
	test('ranks shared themes above a shared category, and never returns the report itself', () => {
		const target = item('t', ['dushu', 'yuanjing']);
		const all = [
			target,
			item('cat-only', []),
			item('one-theme', ['dushu'], 'shequ'),
			item('two-themes', ['dushu', 'yuanjing'], 'shequ'),
			item('nothing', [], 'shequ'),
		];
		expect(relatedReports(target, relatedIndex(all)).map((i) => i.id)).toEqual([
			'two-themes',
			'one-theme',
			'cat-only',
		]);
	});
	test('breaks ties by nearness in date and respects the limit', () => {
		const target = item('t', [], 'jiguan', '2010-01');
		const all = [
			target,
			item('far', [], 'jiguan', '2001-01'),
			item('near', [], 'jiguan', '2011-01'),
			item('mid', [], 'jiguan', '2006-01'),
		];
		expect(relatedReports(target, relatedIndex(all), 2).map((i) => i.id)).toEqual(['near', 'mid']);
	});
});

describe('pageToc', () => {
	const h = (depth: number, text: string) => ({ depth, text, slug: `h-${text}` });
	test('lists h2 and h3 with levels relative to the shallowest', () => {
		expect(pageToc([h(2, '一'), h(3, '（一）'), h(4, '1.'), h(2, '二')])).toEqual([
			{ slug: 'h-一', text: '一', level: 0 },
			{ slug: 'h-（一）', text: '（一）', level: 1 },
			{ slug: 'h-二', text: '二', level: 0 },
		]);
	});
	test('is empty for fewer than two headings', () => {
		expect(pageToc([h(2, '一')])).toEqual([]);
		expect(pageToc([])).toEqual([]);
	});
	test('starts at level 0 when a report has only h3 headings', () => {
		expect(pageToc([h(3, 'a'), h(3, 'b')]).map((l) => l.level)).toEqual([0, 0]);
	});
});
