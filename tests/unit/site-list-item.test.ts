import { describe, expect, test } from 'vitest';
import { reportItem, tocOnlyItem } from '../../src/lib/site/list-item.ts';
import { unitSlug } from '../../src/lib/site/unit-slug.ts';
import { report, tocOnly } from './site-fixtures.ts';

describe('reportItem', () => {
	test('pairs theme labels with their slugs and links the report page', () => {
		const item = reportItem(
			report({
				themes: ['读书活动', '共同愿景'],
				themeSlugs: ['dushu-huodong', 'gongtong-yuanjing'],
			}),
			'近年来…',
		);
		expect(item.themes).toEqual([
			{ label: '读书活动', slug: 'dushu-huodong' },
			{ label: '共同愿景', slug: 'gongtong-yuanjing' },
		]);
		expect(item.url).toBe('/reports/r1/');
		expect(item.kind).toBe('report');
		expect(item.excerpt).toBe('近年来…');
		expect(item.unitSlug).toBe(unitSlug('book-a', '延庆县农经站'));
	});
	test('gives an anonymised or missing unit no unit page', () => {
		expect(
			reportItem(report({ unit: 'XX村', unitParts: ['XX村'], unitAnonymized: true }), '').unitSlug,
		).toBeNull();
		expect(
			reportItem(report({ unit: null, unitParts: [], author: '王力' }), '').unitSlug,
		).toBeNull();
	});
});

describe('tocOnlyItem', () => {
	test('has no page, no excerpt, and the compilation date as a 收录于 date', () => {
		const item = tocOnlyItem(tocOnly(), { title: '建设学习型延庆', date: '2010-08' });
		expect(item).toMatchObject({
			kind: 'tocOnly',
			url: null,
			excerpt: '',
			date: '2010-08',
			dateSource: 'compilation',
			compilationTitle: '建设学习型延庆',
		});
	});
	test('is undated when the compilation is', () => {
		expect(tocOnlyItem(tocOnly(), { title: 'x', date: null })).toMatchObject({
			date: null,
			dateSource: 'none',
		});
	});
});
