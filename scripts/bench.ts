/**
 * `npm run bench -- --reports N [--json FILE] [--skip-baseline] [--keep DIR] [--query Q]
 *   [--skip-search] [--skip-rebuild]`
 *
 * Issue "Scale": generate a deterministic synthetic corpus of N reports, run the full
 * `scripts/build.ts` on it while sampling the memory of its process tree (per stage: ingest,
 * astro, search), measure dist/ and index size and the first search in Chromium, build the same
 * MDX pages with the naive pipeline (Astro MDX collection + `pagefind --site dist`) as the
 * baseline, then rebuild twice with the same folders and caches (nothing changed; one sentence
 * added to one source: `rebuild.ts`), then print a table and write the JSON of the issue. Work
 * happens in a temp folder (removed at the end) or in `--keep DIR` (kept).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { dirBytes, dirFiles } from './lib/dir-stats.ts';
import { runBaseline } from './lib/bench/baseline.ts';
import { type BenchResult, formatTable, useOnly } from './lib/bench/bench-result.ts';
import { measureFirstSearch, type FirstSearch } from './lib/bench/first-search.ts';
import { formatRebuilds, measureRebuilds, rebuildJson } from './lib/bench/rebuild.ts';
import { runMeasured, stageUse } from './lib/bench/run-measured.ts';
import { writeCorpus } from './lib/bench/write-corpus.ts';

const args = parseArgs(process.argv.slice(2), ['reports', 'json', 'keep', 'query']);
const unknown = [...args.flags].filter(
	(f) => !['skip-baseline', 'skip-search', 'skip-rebuild'].includes(f),
);
if (unknown.length) {
	console.error(
		`bench: unknown option --${unknown[0]}; expected --reports N [--json FILE] [--keep DIR] ` +
			'[--query Q] [--skip-baseline] [--skip-search] [--skip-rebuild]',
	);
	process.exit(2);
}
const reports = Number(args.values.get('reports'));
if (!Number.isInteger(reports) || reports < 1) {
	console.error(
		`Expected --reports N (a positive integer), found "${args.values.get('reports') ?? ''}"`,
	);
	process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const query = args.values.get('query') ?? '学习型社区';
/** The first search is measured for a short, a medium (`--query`) and a long query (issue 16). */
const queries = { short: '读书', medium: query, long: '学习型机关自评报告' };
const keep = args.values.get('keep');
const work = keep ? path.resolve(keep) : await mkdtemp(path.join(tmpdir(), 'huibian-bench-'));
if (keep) await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
const dir = (name: string) => path.join(work, name);
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;

// 1. corpus
const loadBefore = loadavg()[0] ?? 0;
const corpus = await writeCorpus(path.join(root, 'content/sources'), dir('sources'), reports);
console.log(
	`bench: ${reports} reports in ${corpus.files} files, ${mib(corpus.bytes)} MiB → ${work}`,
);

// Lines of the builds' stdout worth echoing: the stages' summaries, not every page and source.
const STAGE_LINES = new RegExp(
	[
		// a stage's summary line, Astro's and Pagefind's totals
		String.raw`^\s*(?:(?:cache|ingest|astro|search|build|bench|warning|error|Total):` +
			String.raw`|Indexed |Finished )`,
		String.raw`\[build\] (?:Complete|\d+ page)`,
		String.raw`\berror\b`,
	].join('|'),
	'iu',
);

// 2. the real build, cold (its own Astro cache folder), with the process tree sampled
const env = { ...process.env, HUIBIAN_CACHE: dir('astro-cache') };
const buildArgs = [
	path.join(root, 'scripts/build.ts'),
	'--sources',
	dir('sources'),
	'--out',
	dir('dist'),
	'--reports-dir',
	dir('reports'),
];
const build = await runMeasured(process.execPath, buildArgs, {
	cwd: root,
	env,
	echo: true,
	echoLines: STAGE_LINES,
});
if (build.code !== 0) {
	console.error(`bench: the build failed (exit ${build.code}); work folder kept at ${work}`);
	process.exit(1);
}
const stage = (name: string, pattern: RegExp) => {
	const use = stageUse(build.samples, pattern);
	if (!use) throw new Error(`bench: no sample saw the ${name} stage (command matching ${pattern})`);
	return use;
};
const stages = {
	ingest: stage('ingest', /scripts\/ingest\.ts/),
	astro: stage('astro', /astro\/bin\/astro\.mjs/),
	search: stage('search', /scripts\/index-search\.ts/),
};

// 3. sizes and the first search
const distBytes = await dirBytes(dir('dist'));
const indexBytes = await dirBytes(path.join(dir('dist'), 'pagefind'));
const files = await dirFiles(dir('dist'));
const indexFiles = await dirFiles(path.join(dir('dist'), 'pagefind'));
// A failed measurement is reported, the others still are, and the exit code says so.
const attempt = async <T>(what: string, run: () => Promise<T>): Promise<T | null> => {
	try {
		return await run();
	} catch (error) {
		console.error(
			`bench: ${what} failed: ${error instanceof Error ? error.message : String(error)}`,
		);
		process.exitCode = 1;
		return null;
	}
};
const searches: Partial<Record<keyof typeof queries, FirstSearch>> = {};
if (!args.flags.has('skip-search')) {
	for (const [length, text] of Object.entries(queries) as Array<[keyof typeof queries, string]>) {
		const measured = await attempt(`first search for ${text} (skip it with --skip-search)`, () =>
			measureFirstSearch(dir('dist'), text),
		);
		if (measured) searches[length] = measured;
	}
}
const search = searches.medium ?? null;

// 4. baseline: the naive pipeline over the same MDX pages
const baseline = args.flags.has('skip-baseline')
	? null
	: await attempt('baseline', () =>
			runBaseline(root, dir('reports'), dir('baseline'), true, STAGE_LINES),
		);

// 5. rebuilds: the same build again, nothing changed, then one sentence added to one source
const rebuilds = args.flags.has('skip-rebuild')
	? null
	: await attempt('rebuild (skip it with --skip-rebuild)', () =>
			measureRebuilds(
				{ args: buildArgs, options: { cwd: root, env, echo: true, echoLines: STAGE_LINES } },
				dir('sources'),
			),
		);

// 6. result
const result: BenchResult = {
	reports,
	stages: {
		ingest: useOnly(stages.ingest),
		astro: useOnly(stages.astro),
		search: useOnly(stages.search),
	},
	total: useOnly(build),
	distMiB: mib(distBytes),
	indexMiB: mib(indexBytes),
	firstSearch: {
		bytes: search?.bytes ?? 0,
		ms: search?.ms ?? 0,
		gzipBytes: search?.gzipBytes ?? 0,
		queries: Object.fromEntries(
			Object.entries(searches).map(([length, s]) => [
				length,
				{
					query: queries[length as keyof typeof queries],
					bytes: s.bytes,
					gzipBytes: s.gzipBytes,
					requests: s.requests,
					ms: s.ms,
					results: s.results,
					byKind: s.byKind,
				},
			]),
		),
	},
	files,
	indexFiles,
	baseline: baseline && useOnly(baseline),
	rebuild: rebuilds && rebuildJson(rebuilds),
};
console.log(
	`\n${formatTable(result, {
		corpusMiB: corpus.bytes / 2 ** 20,
		files: corpus.files,
		searchRequests: search?.requests ?? 0,
		pagefindBytes: search?.pagefindBytes ?? 0,
		searchGzipBytes: search?.gzipBytes ?? 0,
		cpu: {
			ingest: stages.ingest.cpuS,
			astro: stages.astro.cpuS,
			search: stages.search.cpuS,
			total: build.cpuS,
			...(baseline
				? {
						'baseline astro': baseline.astro.cpuS,
						'baseline pagefind': baseline.pagefind.cpuS,
						baseline: baseline.astro.cpuS + baseline.pagefind.cpuS,
					}
				: {}),
		},
		load: [loadBefore, loadavg()[0] ?? 0],
		cores: availableParallelism(),
		baselineAstro: baseline ? useOnly(baseline.astro) : undefined,
		baselinePagefind: baseline ? useOnly(baseline.pagefind) : undefined,
	})}`,
);
if (rebuilds) console.log(formatRebuilds(rebuilds, build.wallS));
console.log(`files: ${files} in dist/, ${indexFiles} in dist/pagefind/`);
for (const [length, s] of Object.entries(searches)) {
	const text = queries[length as keyof typeof queries];
	console.log(
		`first search for ${text} (${length}, ${[...text].length} characters): ` +
			`${(s.gzipBytes / 1024).toFixed(1)} KiB from a gzipping host, ${s.requests} requests, ` +
			`${s.results} results on screen, ${s.ms} ms; by kind:`,
	);
	for (const [kind, use] of Object.entries(s.byKind).sort(
		(a, b) => b[1].gzipBytes - a[1].gzipBytes,
	)) {
		console.log(
			`  ${kind.padEnd(30)} ${String(use.requests).padStart(4)} requests ` +
				`${(use.gzipBytes / 1024).toFixed(1).padStart(8)} KiB`,
		);
	}
	if (s.results === 0) console.warn(`bench: the first search for ${text} showed no results`);
}
const json = args.values.get('json');
if (json) await writeFile(path.resolve(json), `${JSON.stringify(result, null, '\t')}\n`);
if (!keep) await rm(work, { recursive: true, force: true });
