/**
 * The search stage's result (`scripts/index-search.ts` writes it, `scripts/build.ts` reads it)
 * and its one human line. Doesn’t build anything.
 */
export interface SearchStageResult {
	stage: 'search';
	/** Report pages indexed. */
	reports: number;
	/** 正文未收录 entries indexed. */
	tocOnly: number;
	shards: number;
	/** Seconds spent merging the shards. */
	mergeS: number;
	/** Chunks of the merged index. */
	chunks: number;
	/** Size of `pagefind/` in MiB. */
	indexMiB: number;
}

/** `search: 500 reports + 0 正文未收录 indexed (1 shards merged in 1.4 s, 212 chunks), 7.07 MiB index` (+ ` (10.4 s)`). */
export function searchStageLine(r: SearchStageResult, seconds?: number): string {
	const time = seconds === undefined ? '' : ` (${seconds.toFixed(1)} s)`;
	return `search: ${r.reports} reports + ${r.tocOnly} 正文未收录 indexed (${r.shards} shards merged in ${r.mergeS.toFixed(1)} s, ${r.chunks} chunks), ${r.indexMiB.toFixed(2)} MiB index${time}`;
}
