import { describe, expect, test } from 'vitest';
import { defaultShardReports, planShards, shardCount, shardDir } from '../../src/lib/search/shards.ts';

/**
 * Pagefind 1.6's merged date search, as its sources do it: in each index, a result's score is
 * its position among the index's pages sorted by the sort value (`apply_sort`, `desc`); the
 * instances' results are concatenated in merge order and sorted by score, stably.
 */
function mergedDesc(plan: ReturnType<typeof planShards>, matches: (record: number) => boolean): number[] {
	const all = plan.indexes.flatMap((members) => {
		const sorted = [...members].sort((a, b) => Number(plan.sortValues[a]) - Number(plan.sortValues[b]));
		return sorted.map((record, position) => ({ record, score: position })).filter((r) => matches(r.record)).sort((a, b) => b.score - a.score);
	});
	return all.sort((a, b) => b.score - a.score).map((r) => r.record);
}

/** Deterministic pseudo-random keys with many ties. */
function keys(n: number, seed: number): string[] {
	let x = seed;
	return Array.from({ length: n }, () => {
		x = (x * 1103515245 + 12345) % 2 ** 31;
		return x % 7 === 0 ? '0000-00-00' : `20${String(10 + (x % 13)).padStart(2, '0')}-0${x % 9}-00`;
	});
}

describe('search index shards', () => {
	test('shard count: at most perShard reports each, at least one shard', () => {
		expect(shardCount(0, 500)).toBe(1);
		expect(shardCount(500, 500)).toBe(1);
		expect(shardCount(501, 500)).toBe(2);
		expect(shardCount(20_000, 500)).toBe(40);
		expect(() => shardCount(10, 0)).toThrow(/positive/);
	});

	test('every record gets one unique rank, in date order with ties in input order', () => {
		const sortKeys = ['2012-00-00', '0000-00-00', '2010-05-00', '2012-00-00', '2010-05-00'];
		const plan = planShards(sortKeys, 2);
		expect(plan.sortValues).toEqual(['3', '0', '1', '4', '2']);
		expect(plan.indexes.flat().sort()).toEqual([0, 1, 2, 3, 4]);
	});

	test('ranks are zero-padded so that text order is number order', () => {
		const plan = planShards(keys(120, 3), 4);
		const values = [...plan.sortValues].sort();
		expect(values.map(Number)).toEqual([...Array(120).keys()]);
	});

	test('shards differ in size by at most one and the primary index comes first', () => {
		const plan = planShards(keys(1003, 5), 10);
		const sizes = plan.indexes.map((s) => s.length);
		expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
		expect(plan.indexes).toHaveLength(10);
		expect(shardDir(0)).toBe('pagefind/');
		expect(shardDir(3)).toBe('pagefind/part-3/');
	});

	test('fewer records than shards: empty shards are left out; no records: one empty index', () => {
		expect(planShards(['2010-00-00', '2011-00-00'], 5).indexes).toEqual([[1], [0]]);
		expect(planShards([], 3).indexes).toEqual([[]]);
	});

	for (const [n, k] of [[1, 1], [17, 3], [500, 7], [1001, 4]] as const) {
		test(`Pagefind's merge of ${k} shards gives exact descending rank (${n} records, any subset)`, () => {
			const plan = planShards(keys(n, n), k);
			const byRankDesc = (subset: number[]) => subset.sort((a, b) => Number(plan.sortValues[b]) - Number(plan.sortValues[a]));
			for (const mod of [1, 2, 3, 5]) {
				const matches = (record: number) => record % mod === 0;
				const expected = byRankDesc([...Array(n).keys()].filter(matches));
				expect(mergedDesc(plan, matches)).toEqual(expected);
			}
		});
	}
});

describe('default shard size', () => {
	test('500 reports per shard up to 10,000 reports, then at most 20 shards, at most 1,500 per shard', () => {
		expect(defaultShardReports(16)).toBe(500);
		expect(defaultShardReports(5_000)).toBe(500);
		expect(defaultShardReports(10_000)).toBe(500);
		expect(defaultShardReports(20_000)).toBe(1_000);
		expect(shardCount(20_000, defaultShardReports(20_000))).toBe(20);
		expect(defaultShardReports(100_000)).toBe(1_500);
	});
});
