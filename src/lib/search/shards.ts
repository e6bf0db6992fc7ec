/**
 * How huibian splits its search records over several Pagefind indexes (shards) so that the
 * client, merging them with Pagefind's own `mergeIndex`, still lists results in exact date order.
 *
 * Why shards: Pagefind's memory while writing an index grows by ~650 bytes per (word, page)
 * pair, ~1.4 MiB per report with character-bigram words, so one index of 5,000 reports needs
 * ~7 GiB and one of 20,000 does not fit. A shard of `perShard` reports bounds it.
 *
 * Why this layout keeps the date order: every record gets a unique rank `r` (ascending by date
 * key, ties in input order) written as its `date` sort value, and goes to shard `r mod K`.
 * Sorted by a key, Pagefind scores a result with its position among the shard's sorted pages,
 * here `floor(r / K)`, and the merged search sorts all shards' results by score, stably, in the
 * order the indexes were added. Added from shard K−1 down to 0, equal scores come out by
 * descending rank, so a `desc` search over all shards is exactly descending rank; the client
 * reverses it for ascending order (Pagefind's `asc` would break ties the wrong way).
 *
 * Doesn't touch Pagefind or the file system.
 */

/** Report pages per shard at least: ~1 GiB of Pagefind memory per shard at ~2,700 words per report. */
export const DEFAULT_SHARD_REPORTS = 500;
/** Report pages per shard at most by default: ~2.5 GiB of Pagefind memory. */
export const MAX_SHARD_REPORTS = 1500;
/** Shards wanted at most: each one adds ~32 KiB per query word to a first search. */
export const TARGET_SHARDS = 20;

/**
 * Default reports per shard for a site of `reports` reports: 500 up to 10,000 reports, then
 * larger shards so that there are at most 20 of them (fewer chunk requests per search), up to
 * 1,500 per shard (Pagefind's memory), e.g. 1,000 at 20,000 reports.
 */
export function defaultShardReports(reports: number): number {
	return Math.min(MAX_SHARD_REPORTS, Math.max(DEFAULT_SHARD_REPORTS, Math.ceil(reports / TARGET_SHARDS)));
}

export interface ShardPlan {
	/** Sort value of record i: its rank, zero-padded so that text and number order agree. */
	sortValues: string[];
	/**
	 * Record indexes per Pagefind index, in the order the indexes must be merged on the client:
	 * `indexes[0]` is the primary index (shard K−1), ascending rank inside each; empty shards are
	 * left out, but there is always one index (empty when there are no records).
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

/** Folder of the i-th index of a plan, relative to the site root (`pagefind/` is the primary). */
export function shardDir(i: number): string {
	return i === 0 ? 'pagefind/' : `pagefind/part-${i}/`;
}
