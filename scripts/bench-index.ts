/**
 * `node scripts/bench-index.ts --site DIR --reports-dir DIR --sizes 40960,20480
 *   [--var HUIBIAN_SEARCH_CHUNK_BYTES] [--query Q1,Q2]`
 *
 * A search-index trade-off on an already built site (e.g. one kept by
 * `npm run bench -- --reports 2000 --keep DIR`: `--site DIR/dist --reports-dir DIR/reports`):
 * for each value, deletes `<site>/pagefind/`, re-indexes the site with the tuning variable `--var`
 * (default `HUIBIAN_SEARCH_CHUNK_BYTES`; also `HUIBIAN_SEARCH_RANGE_CHARS`, `HUIBIAN_SEARCH_GRAM`)
 * set to it (process tree sampled: wall, CPU, peak RSS), then measures the first search in
 * Chromium as the bench does, with its bytes by kind of file. One JSON line per value. Leaves the
 * site indexed with the last value.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { runMeasured } from './lib/bench/run-measured.ts';
import { measureFirstSearch } from './lib/bench/first-search.ts';
import { dirBytes, dirFiles } from './lib/dir-stats.ts';

const args = parseArgs(process.argv.slice(2), ['site', 'reports-dir', 'query', 'sizes', 'var']);
const variable = args.values.get('var') ?? 'HUIBIAN_SEARCH_CHUNK_BYTES';
const site = args.values.get('site');
const reports = args.values.get('reports-dir');
const sizes = (args.values.get('sizes') ?? '').split(',').filter(Boolean);
if (!site || !reports || sizes.length === 0 || args.flags.size > 0) {
	console.error(
		'usage: node scripts/bench-index.ts --site DIR --reports-dir DIR --sizes 40960,20480 ' +
			'[--var HUIBIAN_SEARCH_CHUNK_BYTES] [--query Q1,Q2]',
	);
	process.exit(2);
}
const queries = (args.values.get('query') ?? '读书,学习型社区,学习型机关自评报告').split(',');
for (const size of sizes) {
	await rm(path.join(site, 'pagefind'), { recursive: true, force: true });
	const env = { ...process.env, HUIBIAN_REPORTS_DIR: path.resolve(reports), [variable]: size };
	const run = await runMeasured(
		process.execPath,
		[path.join(import.meta.dirname, 'index-search.ts'), '--site', site],
		{ env },
	);
	if (run.code !== 0)
		throw new Error(`index-search failed for size ${size}: ${run.stderr.slice(0, 500)}`);
	const firstSearch = [];
	for (const query of queries) {
		const first = await measureFirstSearch(site, query);
		const byKind = Object.fromEntries(
			Object.entries(first.byKind).map(([k, v]) => [
				k,
				{ requests: v.requests, gzipKiB: +(v.gzipBytes / 1024).toFixed(1) },
			]),
		);
		firstSearch.push({
			query,
			gzipKiB: +(first.gzipBytes / 1024).toFixed(1),
			requests: first.requests,
			ms: first.ms,
			byKind,
		});
	}
	console.log(
		JSON.stringify({
			[variable]: Number(size),
			search: {
				wallS: +run.wallS.toFixed(1),
				cpuS: +run.cpuS.toFixed(1),
				peakRssMiB: Math.round(run.peakRssMiB),
			},
			indexMiB: +((await dirBytes(path.join(site, 'pagefind'))) / 2 ** 20).toFixed(1),
			indexFiles: await dirFiles(path.join(site, 'pagefind')),
			firstSearch,
		}),
	);
}
