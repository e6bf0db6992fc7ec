import { describe, expect, test } from 'vitest';
import { pageParam, pagePath, paginate } from '../../src/lib/site/paginate.ts';

describe('paginate', () => {
	test('cuts items into full pages and a last partial one', () => {
		const pages = paginate(
			Array.from({ length: 7 }, (_, i) => i),
			3,
		);
		expect(pages.map((p) => p.items)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
		expect(pages.map((p) => [p.number, p.count, p.start])).toEqual([
			[1, 3, 0],
			[2, 3, 3],
			[3, 3, 6],
		]);
	});
	test('makes one empty page of an empty listing', () => {
		expect(paginate([], 50)).toEqual([{ number: 1, count: 1, items: [], start: 0 }]);
	});
	test('keeps every item exactly once', () => {
		const items = Array.from({ length: 20_000 }, (_, i) => i);
		const pages = paginate(items, 50);
		expect(pages).toHaveLength(400);
		expect(pages.flatMap((p) => p.items)).toEqual(items);
	});
	test('rejects a page size below 1', () => {
		expect(() => paginate([1], 0)).toThrowErrorMatchingInlineSnapshot(
			`[Error: Expected a page size >= 1, found 0]`,
		);
	});
});

describe('page paths', () => {
	test.each([
		['/categories/jiguan/', 1, '/categories/jiguan/'],
		['/categories/jiguan/', 2, '/categories/jiguan/2/'],
		['/themes/dushu', 3, '/themes/dushu/3/'],
	])('pagePath(%s, %i) = %s', (root, n, path) => expect(pagePath(root, n)).toBe(path));
	test('page 1 has no route param', () => {
		expect(pageParam(1)).toBeUndefined();
		expect(pageParam(12)).toBe('12');
	});
});
