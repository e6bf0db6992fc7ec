/**
 * The benchmark's result in the shape issue "Scale" specifies, and the readable table printed
 * beside it (with ratios against the baseline measured in the same run).
 * Doesn’t measure anything: callers pass the numbers.
 */
import type { StageCpu, StageUse } from './run-measured.ts';

export interface BenchResult {
	reports: number;
	stages: { ingest: StageUse; astro: StageUse; search: StageUse };
	total: StageUse;
	distMiB: number;
	indexMiB: number;
	/**
	 * The medium query's first search (`bytes` as stored, `gzipBytes` as a gzipping host sends
	 * them), and each query's.
	 */
	firstSearch: {
		bytes: number;
		ms: number;
		gzipBytes: number;
		queries: Record<
			string,
			{
				query: string;
				bytes: number;
				gzipBytes: number;
				requests: number;
				ms: number;
				results: number;
				byKind: Record<string, { requests: number; gzipBytes: number }>;
			}
		>;
	};
	/** Files in dist/ and in dist/pagefind/ (some static hosts cap files per site). */
	files: number;
	indexFiles: number;
	baseline: StageUse | null;
	/**
	 * The same build again: nothing changed, then one sentence added to one source (`rebuild.ts`);
	 * null when skipped.
	 */
	rebuild?: { unchangedWallS: number; oneSourceWallS: number } | null;
}

/** Extra numbers shown in the table only (the JSON keeps the shape). */
export interface BenchExtras {
	corpusMiB: number;
	files: number;
	searchRequests: number;
	pagefindBytes: number;
	searchGzipBytes: number;
	/** CPU seconds per row name (`ingest`, `total`, `baseline astro` …). */
	cpu: Record<string, number>;
	/** 1-minute load average before and after the run, and the number of cores. */
	load: [number, number];
	cores: number;
	baselineAstro?: StageUse;
	baselinePagefind?: StageUse;
}

/** Drop the CPU seconds: the JSON's stage objects are exactly `{ wallS, peakRssMiB }`. */
export function useOnly(use: StageCpu | StageUse): StageUse {
	return { wallS: use.wallS, peakRssMiB: use.peakRssMiB };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}x` : '');

/** The table: one row per stage, total and baseline, then sizes and the first search. */
export function formatTable(r: BenchResult, x: BenchExtras): string {
	const rows: Array<[string, StageUse | undefined]> = [
		['ingest', r.stages.ingest],
		['astro', r.stages.astro],
		['search', r.stages.search],
		['total', r.total],
		['baseline astro', x.baselineAstro],
		['baseline pagefind', x.baselinePagefind],
		['baseline', r.baseline ?? undefined],
	];
	const head =
		pad('stage', 20) +
		pad('wall s', 10) +
		pad('cpu s', 9) +
		pad('peak MiB', 11) +
		pad('wall/base', 11) +
		'mem/base';
	const lines = [
		`huibian bench: ${r.reports} reports in ${x.files} files, ${x.corpusMiB.toFixed(1)} MiB of text`,
		head,
	];
	for (const [name, use] of rows) {
		if (!use) continue;
		const compare = name === 'total' && r.baseline;
		lines.push(
			pad(name, 20) +
				pad(use.wallS.toFixed(1), 10) +
				pad(x.cpu[name]?.toFixed(1) ?? '', 9) +
				pad(use.peakRssMiB.toFixed(0), 11) +
				pad(compare ? ratio(use.wallS, r.baseline?.wallS) : '', 11) +
				(compare ? ratio(use.peakRssMiB, r.baseline?.peakRssMiB) : ''),
		);
	}
	const ingestRate = x.corpusMiB / Math.max(r.stages.ingest.wallS, 0.01);
	const ingestCpu = x.cpu.ingest
		? `, ${(x.corpusMiB / Math.max(x.cpu.ingest, 0.01)).toFixed(1)} MiB per CPU second`
		: '';
	lines.push(
		`ingest throughput: ${ingestRate.toFixed(1)} MiB/s wall${ingestCpu} ` +
			'(whole stage, process start included)',
		`load average (1 min) before/after: ${x.load[0].toFixed(2)} / ${x.load[1].toFixed(2)}` +
			(Math.max(...x.load) > x.cores
				? ` (above the ${x.cores} cores: wall times are inflated, compare CPU seconds)`
				: ''),
		`dist: ${r.distMiB.toFixed(1)} MiB, index: ${r.indexMiB.toFixed(1)} MiB`,
		`first search: ${(r.firstSearch.bytes / 1024).toFixed(0)} KiB in ${x.searchRequests} requests ` +
			`(pagefind ${(x.pagefindBytes / 1024).toFixed(0)} KiB; ` +
			`${(x.searchGzipBytes / 1024).toFixed(0)} KiB from a gzipping host), ` +
			`${r.firstSearch.ms} ms to results`,
	);
	return lines.join('\n');
}
