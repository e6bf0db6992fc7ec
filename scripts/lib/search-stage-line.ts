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
	/** Word ranges written (each a bounded part of the corpus). */
	ranges: number;
	/** Seconds spent writing the index. */
	writeS: number;
	/** Chunks of the merged index. */
	chunks: number;
	/** Size of `pagefind/` in MiB. */
	indexMiB: number;
	/** Report pages whose record came from the last build's cache, and those parsed (absent: no cache). */
	recordsReused?: number;
	recordsParsed?: number;
	/** Index files whose gzipped bytes came from the last build's cache, and those gzipped (absent: no cache). */
	gzipReused?: number;
	gzipped?: number;
	/** Pages whose words were patched into the last build's; null: every range was built from every page (absent: no cache). */
	patchedPages?: number | null;
}

/** `search: 500 reports + 0 正文未收录 indexed (1 word ranges written in 1.4 s, 212 chunks), 7.07 MiB index` (+ ` (10.4 s)`). */
const n = (x: number) => x.toLocaleString('en-US');

export function searchStageLine(r: SearchStageResult, seconds?: number): string {
	const time = seconds === undefined ? '' : ` (${seconds.toFixed(1)} s)`;
	const cached =
		r.recordsReused === undefined
			? ''
			: `; ${n(r.recordsParsed ?? 0)} page records parsed, ${n(r.recordsReused)} reused`;
	const zipped =
		r.gzipReused === undefined
			? ''
			: `; ${n(r.gzipped ?? 0)} index files gzipped, ${n(r.gzipReused)} reused`;
	const words =
		r.patchedPages === undefined
			? ''
			: r.patchedPages === null
				? '; words built from every page'
				: `; words patched for ${n(r.patchedPages)} changed pages`;
	return `search: ${r.reports} reports + ${r.tocOnly} 正文未收录 indexed (${r.ranges} word ranges written in ${r.writeS.toFixed(1)} s, ${r.chunks} chunks), ${r.indexMiB.toFixed(2)} MiB index${cached}${zipped}${words}${time}`;
}
