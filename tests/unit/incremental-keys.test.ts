import { describe, expect, test } from 'vitest';
import { cacheKey, sharedKey } from '../../src/lib/site/cache-key.ts';
import { groupByCategory } from '../../src/lib/site/group-items.ts';
import { reportItem } from '../../src/lib/site/list-item.ts';
import { listingPaths } from '../../src/lib/site/listing-paths.ts';
import { astroStageLine } from '../../scripts/lib/astro-stage-line.ts';
import { searchStageLine } from '../../scripts/lib/search-stage-line.ts';
import { report } from './site-fixtures.ts';

describe('cacheKey', () => {
	test('is the same for equal data and differs when any shown value differs', () => {
		const view = { entry: { id: 'a', title: '甲' }, related: [{ id: 'b' }], prev: null };
		expect(cacheKey(structuredClone(view))).toBe(cacheKey(view));
		expect(cacheKey({ ...view, related: [{ id: 'c' }] })).not.toBe(cacheKey(view));
		expect(cacheKey({ ...view, prev: { id: 'z' } })).not.toBe(cacheKey(view));
		expect(cacheKey(view)).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});
	test('refuses data JSON would drop silently, naming where it is', () => {
		expect(() => cacheKey({ related: new Map([['a', 1]]) })).toThrowErrorMatchingInlineSnapshot(
			`[Error: Expected plain data in a cache key, found a Map at "related": convert it to an array or object first]`,
		);
		expect(() => cacheKey({ ids: new Set(['a']) })).toThrow('found a Set at "ids"');
		expect(() => cacheKey({ f: () => 1 })).toThrow('found a function at "f"');
		// deep inside arrays and objects too, named by the key (an array's index) holding it
		expect(() => cacheKey({ related: [{ id: 'a' }, { tags: new Set() }] })).toThrow(
			'found a Set at "tags"',
		);
		expect(() => cacheKey({ related: [1, new Map()] })).toThrow('found a Map at "1"');
		expect(() => cacheKey({ n: 1n })).toThrow('found a bigint at "n"');
		// a Date is what its toJSON gives
		expect(cacheKey({ d: new Date(0) })).toBe(cacheKey({ d: '1970-01-01T00:00:00.000Z' }));
	});
});

describe('sharedKey', () => {
	test('is the key of the data, once per object, and tells different data apart', () => {
		const source = { slug: 'a', title: '汇编', toc: [{ title: '甲', page: 3 }] };
		expect(sharedKey(source)).toBe(cacheKey(source));
		expect(sharedKey(structuredClone(source))).toBe(sharedKey(source));
		const edited = { ...source, toc: [{ title: '甲', page: 4 }] };
		expect(sharedKey(edited)).not.toBe(sharedKey(source));
		// a page's key over the shared key changes with the shared data
		const page = (s: object) => cacheKey({ entry: { id: 'r1' }, source: sharedKey(s) });
		expect(page(edited)).not.toBe(page(source));
		expect(sharedKey(undefined)).toBeNull();
	});
});

describe('listingPaths cache keys', () => {
	const items = (n: number, title = '题') =>
		Array.from({ length: n }, (_, i) =>
			reportItem(
				report({
					id: `r${i}`,
					order: i,
					title: `${title}${i}`,
					date: `2010-${String(12 - (i % 12)).padStart(2, '0')}`,
				}),
				'',
			),
		);
	const keys = (list: ReturnType<typeof items>) =>
		listingPaths(groupByCategory(list), 2).map((p) => p.cacheKey);
	test('a page keeps its key when only another page’s items change', () => {
		const before = items(6);
		const after = before.map((item, i) => (i === 5 ? { ...item, title: '改过的标题' } : item));
		const [a, b] = [keys(before), keys(after)];
		expect(a).toHaveLength(3);
		// only the page that shows the changed item (the last one in date order) is keyed anew
		expect(a.filter((k, i) => k !== b[i])).toHaveLength(1);
	});
	test('every page of a group gets a new key when the group’s count changes', () => {
		const a = keys(items(6));
		const b = keys(items(7));
		expect(a.every((k, i) => k !== b[i])).toBe(true);
	});
	test('props carry the group’s counts, not its items', () => {
		const [first] = listingPaths(groupByCategory(items(3)), 2);
		expect(first!.props.group).toEqual({
			slug: 'jiguan',
			label: '学习型机关',
			note: null,
			reportCount: 3,
			itemCount: 3,
		});
	});
});

describe('stage lines', () => {
	test('astro: rendered of all, reused, and why a build was full', () => {
		const r = {
			stage: 'astro' as const,
			pages: 11086,
			files: 21086,
			reused: 21074,
			incremental: true,
		};
		expect(astroStageLine(r, 5000, 3.14, null)).toBe(
			'astro: 12 of 21,086 pages rendered, 21,074 reused; 11,086 HTML, 5,000 report pages (3.1 s)',
		);
		expect(astroStageLine({ ...r, reused: 0 }, 5000, 20, 'first build in this cache')).toBe(
			'astro: 21,086 of 21,086 pages rendered, 0 reused; full build: first build in this cache; 11,086 HTML, 5,000 report pages (20.0 s)',
		);
	});
	test('search: counts, shards, size and time', () => {
		const r = {
			stage: 'search' as const,
			reports: 500,
			tocOnly: 3,
			ranges: 1,
			writeS: 1.44,
			chunks: 212,
			indexMiB: 7.071,
		};
		expect(searchStageLine(r, 10.42)).toBe(
			'search: 500 reports + 3 正文未收录 indexed (1 word ranges written in 1.4 s, 212 chunks), 7.07 MiB index (10.4 s)',
		);
		expect(searchStageLine(r)).toBe(
			'search: 500 reports + 3 正文未收录 indexed (1 word ranges written in 1.4 s, 212 chunks), 7.07 MiB index',
		);
		expect(searchStageLine({ ...r, recordsReused: 4998, recordsParsed: 2 }, 3)).toBe(
			'search: 500 reports + 3 正文未收录 indexed (1 word ranges written in 1.4 s, 212 chunks), 7.07 MiB index; 2 page records parsed, 4,998 reused (3.0 s)',
		);
	});
});
