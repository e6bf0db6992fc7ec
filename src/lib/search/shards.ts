/**
 * How huibian splits its search records over several Pagefind indexes (shards), written one
 * after the other and then merged into one index (scripts/lib/merge-shards.ts).
 *
 * Why shards: Pagefind's memory while writing an index grows by ~650 bytes per (word, page)
 * pair, ~1.4 MiB per report with character-bigram words, so one index of 5,000 reports needs
 * ~7 GiB and one of 20,000 does not fit. A shard of `perShard` reports bounds it.
 *
 * Every record gets a unique rank `r` (ascending by date key, ties in input order), written as
 * its `date` sort value; it is the record's page number in the merged index, so the merged date
 * order is simply every page in order. Record `r` goes to shard `r mod K` (any split would do
 * now that the shards are merged; this one keeps the shards' sizes within one of each other).
 *
 * Doesn't touch Pagefind or the file system.
 */

/**
 * Report pages per shard by default: ~1 GiB of Pagefind memory at ~2,700 words per report.
 * The shards are merged, so their size changes only the build's memory, not what a search loads;
 * the time is about the same for any size (Pagefind's cost is per (word, page) pair).
 */
export const DEFAULT_SHARD_REPORTS = 500;

export interface ShardPlan {
	/** Sort value of record i: its rank, zero-padded so that text and number order agree. */
	sortValues: string[];
	/**
	 * Record indexes per Pagefind index, ascending rank inside each (the order they are added
	 * in): `indexes[0]` is shard K−1; empty shards are left out, but there is always one index
	 * (empty when there are no records).
	 */
	indexes: number[][];
}

/** Number of shards for `reports` report pages, at most `perShard` in each (at least one shard). */
export function shardCount(reports: number, perShard: number): number {
	if (!(perShard > 0)) throw new Error(`shard size must be a positive number, got ${perShard}`);
	return Math.max(1, Math.ceil(reports / perShard));
}

/**
 * @param sortKeys Date sort key of every record (any keys that order correctly as text).
 * @param count Number of shards (≥ 1).
 */
export function planShards(sortKeys: readonly string[], count: number): ShardPlan {
	const order = sortKeys.map((_, i) => i).sort((a, b) => (sortKeys[a]! < sortKeys[b]! ? -1 : sortKeys[a]! > sortKeys[b]! ? 1 : a - b));
	const width = String(Math.max(0, sortKeys.length - 1)).length;
	const sortValues = new Array<string>(sortKeys.length);
	const shards: number[][] = Array.from({ length: count }, () => []);
	order.forEach((record, rank) => {
		sortValues[record] = String(rank).padStart(width, '0');
		shards[rank % count]!.push(record);
	});
	const indexes = shards.reverse().filter((shard) => shard.length > 0);
	return { sortValues, indexes: indexes.length ? indexes : [[]] };
}
