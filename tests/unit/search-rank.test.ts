import { describe, expect, test } from 'vitest';
import { rankResults, type RankFacts } from '../../src/lib/search/rank.ts';

const r = (name: string, facts: Partial<RankFacts>) => ({
	name,
	facts: { headTerms: 0, tocOnly: false, frequency: 0, dateRank: 0, undated: false, ...facts },
});

// Hand-written: a set of results and the order a reader expects.
const results = [
	r('body, 1 match, new', { frequency: 1.2, dateRank: 90 }),
	r('body, 10 matches, short report, old', { frequency: 9.5, dateRank: 10 }),
	r('title match, few matches', { headTerms: 1, frequency: 2, dateRank: 50 }),
	r('TOC-only title match', {
		headTerms: 1,
		tocOnly: true,
		frequency: 8,
		dateRank: 1,
		undated: true,
	}),
	r('title match, many matches', { headTerms: 1, frequency: 6, dateRank: 20 }),
	r('body, 1 match, undated', { frequency: 1.2, dateRank: 2, undated: true }),
	r('body, 1 match, older', { frequency: 1.2, dateRank: 40 }),
];

describe('the order of search results', () => {
	test('relevance: title matches, then reports before TOC-only, then frequency, then newer date, undated last', () => {
		expect(rankResults(results, 'relevance').map((x) => x.name)).toEqual([
			'title match, many matches',
			'title match, few matches',
			'TOC-only title match',
			'body, 10 matches, short report, old',
			'body, 1 match, new',
			'body, 1 match, older',
			'body, 1 match, undated',
		]);
	});

	test('more of the terms in the title ranks first (a query of two terms)', () => {
		const two = [
			r('one term in title', { headTerms: 1, frequency: 50 }),
			r('both in title', { headTerms: 2, frequency: 1 }),
			r('none', { frequency: 99 }),
		];
		expect(rankResults(two, 'relevance').map((x) => x.name)).toEqual([
			'both in title',
			'one term in title',
			'none',
		]);
	});

	test('date orders put undated records last in both directions', () => {
		expect(rankResults(results, 'date-desc').map((x) => x.name)).toEqual([
			'body, 1 match, new',
			'title match, few matches',
			'body, 1 match, older',
			'title match, many matches',
			'body, 10 matches, short report, old',
			'body, 1 match, undated',
			'TOC-only title match',
		]);
		expect(rankResults(results, 'date-asc').map((x) => x.name)).toEqual([
			'body, 10 matches, short report, old',
			'title match, many matches',
			'body, 1 match, older',
			'title match, few matches',
			'body, 1 match, new',
			'TOC-only title match',
			'body, 1 match, undated',
		]);
	});

	test('does not change its input', () => {
		const copy = [...results];
		rankResults(results, 'relevance');
		expect(results).toEqual(copy);
	});
});
