import { describe, expect, test } from 'vitest';
import { planShards, shardCount } from '../../src/lib/search/shards.ts';

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

	test('shards differ in size by at most one', () => {
		const plan = planShards(keys(1003, 5), 10);
		const sizes = plan.indexes.map((s) => s.length);
		expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
		expect(plan.indexes).toHaveLength(10);
	});

	test('fewer records than shards: empty shards are left out; no records: one empty index', () => {
		expect(planShards(['2010-00-00', '2011-00-00'], 5).indexes).toEqual([[1], [0]]);
		expect(planShards([], 3).indexes).toEqual([[]]);
	});

	for (const [n, k] of [[1, 1], [17, 3], [500, 7], [1001, 4]] as const) {
		test(`${k} shards of ${n} records: every rank once, ascending inside each shard (the merge's page maps)`, () => {
			const plan = planShards(keys(n, n), k);
			const maps = plan.indexes.map((members) => members.map((m) => Number(plan.sortValues[m])));
			for (const map of maps) expect(map).toEqual([...map].sort((x, y) => x - y));
			expect(maps.flat().sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
		});
	}
});
