/**
 * `npm run build [-- --sources DIR --out DIR --base /path/ --site URL --reports-dir DIR --verbose
 *   --max-source-mb N --allow-empty --frozen-ids --offline --zip FILE]`
 *
 * The whole pipeline, one child process per stage: ingest (sources → MDX + catalog.json) →
 * astro build → Pagefind index. Both outputs are staged: the ingest writes `<reports-dir>.building`
 * and Astro builds `<out>.building`; they replace `--reports-dir` and `--out` only when every
 * stage succeeded, so a failed build leaves the previous generated pages and `dist/` as they were.
 *
 * Before anything is touched: the outputs are checked (`output-guard.ts`: never the repository,
 * its folders or a folder huibian did not create), the checkout's build lock is taken (one build
 * at a time, `build-lock.ts`; `HUIBIAN_LOCK_TIMEOUT` seconds, default 1800), a swap a killed
 * build cut is finished (`swap-outputs.ts`) and the temp folders killed runs left are removed.
 * When `--out` is on another file system than the repository, Astro builds on the repository's
 * one (it renames files inside its build) and the finished site is copied beside `--out`.
 */
import { copyFile, cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
	megabytes,
	OFFLINE_FLAGS,
	OFFLINE_VALUED,
	offlineFlags,
	parseArgs,
	type Args,
} from './lib/args.ts';
import { acquireLock } from './lib/build-lock.ts';
import { builtReportIds, dirBytes } from './lib/dir-stats.ts';
import { config } from './lib/config.ts';
import { checkOutputs, markOutput } from './lib/output-guard.ts';
import {
	offlineEnv,
	offlinePlan,
	offlineStep,
	type OfflinePlan,
} from './lib/offline/build-step.ts';
import type { AstroStageResult } from './lib/astro-stage-result.ts';
import { astroStageLine } from './lib/astro-stage-line.ts';
import { buildDigest, clearDigest, previousDigest, saveDigest } from './lib/build-digest.ts';
import { runStage } from './lib/run-stage.ts';
import {
	clearLastBuild,
	contentDigest,
	inputKey,
	keptLines,
	readLastBuild,
	saveLastBuild,
	searchTuning,
	whyNotReuse,
} from './lib/build-reuse.ts';
import { searchStageLine, type SearchStageResult } from './lib/search-stage-line.ts';
import { recoverSwap, swapOutputs } from './lib/swap-outputs.ts';
import { removeStaleTemps } from './lib/write-output.ts';
import { discard, sweepTrash } from './lib/discard.ts';
import { PATHS } from '../src/lib/config.ts';

const valued = [
	'sources',
	'out',
	'base',
	'site',
	'reports-dir',
	'max-source-mb',
	...OFFLINE_VALUED,
];
const usage =
	'expected [--sources DIR] [--out DIR] [--reports-dir DIR] [--base /path/] [--site URL] [--max-source-mb N] [--allow-empty] [--frozen-ids] [--offline] [--zip FILE] [--verbose]';
let args: Args;
let maxSourceMb: string | undefined;
let offline: OfflinePlan;
try {
	args = parseArgs(process.argv.slice(2), valued);
	maxSourceMb = args.values.get('max-source-mb');
	megabytes(maxSourceMb);
	offline = offlinePlan(offlineFlags(args), path.resolve(args.values.get('out') ?? 'dist'));
} catch (error) {
	console.error(`build: ${(error as Error).message}; ${usage}`);
	process.exit(2);
}
const unknown = [...args.flags].filter(
	(f) =>
		f !== 'verbose' &&
		f !== 'allow-empty' &&
		f !== 'frozen-ids' &&
		!(OFFLINE_FLAGS as readonly string[]).includes(f),
);
if (unknown.length) {
	console.error(`build: unknown option --${unknown[0]}; ${usage}`);
	process.exit(2);
}
const sources = path.resolve(args.values.get('sources') ?? 'content/sources');
const out = path.resolve(args.values.get('out') ?? 'dist');
const reportsDir = path.resolve(args.values.get('reports-dir') ?? 'content/reports');
const staging = `${out}.building`;
const reportsStaging = `${reportsDir}.building`;
const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'node_modules/.cache/huibian');
// Astro's cache folder (content layer, rendered bodies, the incremental build's previous pages)
const astroCache = path.resolve(root, config.env.HUIBIAN_CACHE ?? PATHS.astroCache);

// 0. refuse dangerous outputs before touching anything, then one build at a time per checkout
const refused = await checkOutputs(
	root,
	[
		{ option: 'out', dir: out, kind: 'site' },
		{ option: 'reports-dir', dir: reportsDir, kind: 'reports' },
	],
	sources,
);
if (refused.length) {
	for (const line of refused) console.error(`build: ${line}`);
	process.exit(2);
}
try {
	await acquireLock(path.join(work, 'build.lock'), {
		timeoutMs: (config.env.HUIBIAN_LOCK_TIMEOUT ?? 1800) * 1000,
	});
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
const journal = path.join(work, 'swap.json');
// Folders the build is done with go to the trash and are deleted in the background (discard.ts).
const trash = path.join(work, 'trash');
const throwAway = (dir: string) => discard(dir, trash);
await sweepTrash(trash);
for (const line of await recoverSwap(journal, [
	{ target: out, old: `${out}.old` },
	{ target: reportsDir, old: `${reportsDir}.old` },
]))
	console.log(line);

// Astro renames files inside its output folder's file system: on another one (EXDEV), build on ours.
const deviceOf = async (p: string): Promise<number> => {
	for (let d = p; ; d = path.dirname(d)) {
		const info = await stat(d).catch(() => null);
		if (info) return info.dev;
		if (path.dirname(d) === d) return -1;
	}
};
const astroOut =
	(await deviceOf(path.dirname(out))) === (await deviceOf(root))
		? staging
		: path.join(work, 'site.building');

const env = {
	...process.env,
	HUIBIAN_REPORTS_DIR: reportsStaging,
	HUIBIAN_OUT: astroOut,
	HUIBIAN_CACHE: astroCache,
	ASTRO_TELEMETRY_DISABLED: '1',
	...offlineEnv(offline!),
};
// `--base` and `--site` reach the pages only: they are Astro's (and Astro checks them), not the
// other stages', which would refuse a bad value before doing their own work.
const pageOptions = {
	...(args.values.has('base') ? { HUIBIAN_BASE: args.values.get('base') } : {}),
	...(args.values.has('site') ? { HUIBIAN_SITE: args.values.get('site') } : {}),
};
const verbose = args.flags.has('verbose');
if (!args.values.has('site') && !config.env.HUIBIAN_SITE) {
	console.warn(
		'build: warning: no --site given: pages, citations and data use site-relative URLs, with no canonical link, Open Graph tags or sitemap; --site https://host sets absolute URLs',
	);
}

/** Drop the staged outputs (the previous ones are untouched), explain, exit 1. */
async function fail(stage: string, detail: string): Promise<never> {
	await rm(staging, { recursive: true, force: true });
	await rm(astroOut, { recursive: true, force: true });
	await rm(reportsStaging, { recursive: true, force: true });
	if (detail.trim()) console.error(detail.trimEnd());
	console.error(
		`build failed at stage "${stage}"; ${path.relative(process.cwd(), out) || '.'} and ${path.relative(process.cwd(), reportsDir) || '.'} were left as they were`,
	);
	process.exit(1);
}

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const totalStart = performance.now();
// Leftovers of killed runs: staged and old folders, the ingest's `.<name>.tmp-<pid>-…` folders.
for (const dir of [staging, astroOut, reportsStaging, `${out}.old`, `${reportsDir}.old`])
	await throwAway(dir);
await removeStaleTemps(path.dirname(reportsStaging), path.basename(reportsStaging));
await removeStaleTemps(path.dirname(reportsDir), path.basename(reportsDir));
// Files in the reports folder that the ingest doesn't own (not *.mdx, not catalog.json) stay.
await cp(reportsDir, reportsStaging, {
	recursive: true,
	filter: (src) =>
		src === reportsDir || !(src.endsWith('.mdx') || path.basename(src) === 'catalog.json'),
}).catch((error: NodeJS.ErrnoException) => {
	if (error.code !== 'ENOENT') throw error;
});

// 1. ingest: sources → <reports-dir>.building/*.mdx + catalog.json (prints its own report and summary line)
const ingestArgs = [
	path.join(root, 'scripts/ingest.ts'),
	'--sources',
	sources,
	'--out',
	reportsStaging,
	// unchanged pages are hard-linked from the live reports folder, not written again
	'--link-from',
	reportsDir,
	...(maxSourceMb ? ['--max-source-mb', maxSourceMb] : []),
	...(args.flags.has('allow-empty') ? ['--allow-empty'] : []),
	...(args.flags.has('frozen-ids') ? ['--frozen-ids'] : []),
];
const ingest = await runStage<{ outputDigest: string | null }>(
	'ingest',
	ingestArgs,
	env,
	true,
).catch((e: Error) => fail('ingest', e.message));
if (ingest.code !== 0) await fail('ingest', '');
let catalog: { reports: unknown[]; retired?: Array<{ id: string }> };
try {
	catalog = JSON.parse(
		await readFile(path.join(reportsStaging, 'catalog.json'), 'utf8'),
	) as typeof catalog;
} catch (error) {
	await fail('ingest', `the ingest wrote no readable catalog.json: ${(error as Error).message}`);
}

// 2. astro build into the staging folder: pages whose cache key and code are unchanged are
// copied from the previous build (kept in the Astro cache folder, not in --out); a full build
// when code, vocabulary or page-affecting options changed (build-digest.ts)
const digest = await buildDigest(root, {
	base: args.values.get('base'),
	site: args.values.get('site') ?? config.env.HUIBIAN_SITE,
	offlineZip: offlineEnv(offline!).HUIBIAN_OFFLINE_ZIP,
});
// The site and everything it is made of are the last build's: keep it as it is (build-reuse.ts).
const inputs = inputKey({
	build: digest,
	scripts: await contentDigest([path.join(root, 'scripts')]),
	reports: ingest.result!.outputDigest ?? undefined,
	search: JSON.stringify(searchTuning(config.env)),
	offline: offline!.offline ? 'edition' : '',
});
const notKept = offline!.zip
	? 'the build writes a zip'
	: await whyNotReuse(astroCache, out, inputs);
if (notKept === null) {
	const last = (await readLastBuild(astroCache))!;
	await markOutput(reportsStaging, 'reports');
	await swapOutputs(
		journal,
		[{ staged: reportsStaging, target: reportsDir, old: `${reportsDir}.old` }],
		throwAway,
	);
	console.log(keptLines(last, path.relative(process.cwd(), out) || '.').join('\n'));
	console.log(
		`build: ${path.relative(process.cwd(), out) || '.'} kept as it is (${seconds(totalStart)} s)`,
	);
	process.exit(0);
}
await clearLastBuild(astroCache);
const previous = await previousDigest(astroCache);
const full =
	previous === null
		? 'first build in this cache'
		: previous !== digest
			? 'code, vocabulary or options changed'
			: null;
// Rolldown (Vite's bundler) allocates with mimalloc, which by default keeps the memory of the
// bundling phase committed for the rest of the build. Decommitting freed memory at once and
// committing arenas lazily returns it, with wall and CPU unchanged (docs/scale/code-figures.md).
const astroEnv = {
	...env,
	...pageOptions,
	MIMALLOC_PURGE_DELAY: '0',
	MIMALLOC_ARENA_EAGER_COMMIT: '0',
};
const astroArgs = [
	path.join(root, 'node_modules/astro/bin/astro.mjs'),
	'build',
	'--root',
	root,
	...(full ? ['--force'] : []),
];
await clearDigest(astroCache);
const astro = await runStage<AstroStageResult>('astro', astroArgs, astroEnv, verbose).catch(
	(e: Error) => fail('astro', e.message),
);
if (astro.code !== 0) await fail('astro', astro.stdout + astro.stderr);
// Astro can log a failed page and still exit 0 (withastro/astro#18054): count the report pages.
// A retired id's old URL is a page of its own (where the report went): counted apart.
const retiredIds = new Set((catalog!.retired ?? []).map((r) => r.id));
const allBuilt = await builtReportIds(astroOut);
const built = allBuilt.filter((id) => !retiredIds.has(id));
if (
	built.length !== catalog!.reports.length ||
	allBuilt.length - built.length !== retiredIds.size
) {
	await fail(
		'astro',
		`expected ${catalog!.reports.length} report pages and ${retiredIds.size} pages of retired ids in the build, found ${built.length} and ${allBuilt.length - built.length}\n${astro.stdout}${astro.stderr}`,
	);
}
await saveDigest(astroCache, digest);
console.log(astroStageLine(astro.result!, built.length, astro.seconds, full));

// 3. search index (Pagefind) over the built report pages
const search = await runStage<SearchStageResult>(
	'search',
	[path.join(root, 'scripts/index-search.ts'), '--site', astroOut],
	env,
	false,
).catch((e: Error) => fail('search', e.message));
if (search.code !== 0) await fail('search', search.stdout + search.stderr);
console.log(searchStageLine(search.result!, search.seconds));

// 4. data download, then swap the generated pages and the finished site into place
await copyFile(path.join(reportsStaging, 'catalog.json'), path.join(astroOut, 'catalog.json'));
// --offline / --zip: the offline edition of the built site (scripts/lib/offline/build-step.ts)
await offlineStep(offline!, astroOut, out, args.values.get('base') ?? '/').then(
	(s) => s && console.log(s),
	(e: Error) => fail('offline', e.stack ?? e.message),
);
await markOutput(astroOut, 'site');
await markOutput(reportsStaging, 'reports');
if (astroOut !== staging) {
	// Another file system: copy beside --out first, so the swap itself is renames only.
	await mkdir(path.dirname(staging), { recursive: true });
	await cp(astroOut, staging, { recursive: true });
	await rm(astroOut, { recursive: true, force: true });
}
await swapOutputs(
	journal,
	[
		{ staged: reportsStaging, target: reportsDir, old: `${reportsDir}.old` },
		{ staged: staging, target: out, old: `${out}.old` },
	],
	throwAway,
);
const siteBytes = await saveLastBuild(astroCache, out, {
	inputs,
	astro: astro.result!,
	reportPages: built.length,
	search: search.result!,
});
// The size from the walk saveLastBuild just did, not a second walk (docs/scale/rebuild-s7.md).
const mib = ((siteBytes ?? (await dirBytes(out))) / 2 ** 20).toFixed(1);
console.log(
	`build: ${path.relative(process.cwd(), out) || '.'} ready, ${mib} MiB (${seconds(totalStart)} s)`,
);
