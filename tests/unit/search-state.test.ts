import { describe, expect, test } from 'vitest';
import {
	hasCriteria,
	pagefindOptions,
	parseSearchState,
	searchStateParams,
} from '../../src/lib/search/search-state.ts';

describe('search state in the URL', () => {
	test('reads query, repeated filters and sort', () => {
		const state = parseSearchState(
			new URLSearchParams('q=学习型社区&year=2010&year=未注明&theme=读书活动&sort=date-asc&x=1'),
		);
		expect(state).toEqual({
			q: '学习型社区',
			filters: { year: ['2010', '未注明'], theme: ['读书活动'] },
			sort: 'date-asc',
		});
	});

	test.each([
		['q=读书', 'relevance'],
		['category=学习型机关', 'date-desc'],
		['q=读书&sort=nonsense', 'relevance'],
	])('%s sorts by %s by default', (query, sort) => {
		expect(parseSearchState(new URLSearchParams(query)).sort).toBe(sort);
	});

	test('writes back only what differs from the defaults, and round-trips', () => {
		const query = 'q=%E8%AF%BB%E4%B9%A6&category=a&category=b&sort=date-desc';
		const state = parseSearchState(new URLSearchParams(query));
		expect(searchStateParams(state).toString()).toBe(query);
		expect(
			searchStateParams(parseSearchState(new URLSearchParams('q=x&sort=relevance'))).toString(),
		).toBe('q=x');
	});

	test('filters become Pagefind any-of filters; a date order becomes a sort', () => {
		const state = parseSearchState(new URLSearchParams('category=a&category=b&sort=date-desc'));
		expect(pagefindOptions(state)).toEqual({
			filters: { category: { any: ['a', 'b'] } },
			sort: { date: 'desc' },
		});
		const asc = parseSearchState(new URLSearchParams('sort=date-asc'));
		expect(pagefindOptions(asc)).toEqual({ filters: {}, sort: { date: 'asc' } });
		expect(hasCriteria(state)).toBe(true);
		expect(hasCriteria(parseSearchState(new URLSearchParams('')))).toBe(false);
	});
});
