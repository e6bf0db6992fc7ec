/**
 * `npm run build [-- --sources DIR --out DIR --base /path/ --site URL --reports-dir DIR --offline --zip FILE --verbose]`
 *
 * The whole pipeline, one child process per stage: ingest (sources → MDX + catalog.json) →
 * astro build → Pagefind index. Both outputs are staged: the ingest writes `<reports-dir>.building`
 * and Astro builds `<out>.building`; they replace `--reports-dir` and `--out` only when every
 * stage succeeded, so a failed build leaves the previous generated pages and `dist/` as they were.
 */
import { copyFile, cp, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OFFLINE_FLAGS, OFFLINE_VALUED, offlineFlags, parseArgs, type Args } from './lib/args.ts';
import { builtReportIds, dirBytes } from './lib/dir-stats.ts';
import { runNode } from './lib/run-stage.ts';
import { offlineEnv, offlinePlan, offlineStep, type OfflinePlan } from './lib/offline/build-step.ts';

const valued = ['sources', 'out', 'base', 'site', 'reports-dir', ...OFFLINE_VALUED];
const usage = 'expected [--sources DIR] [--out DIR] [--reports-dir DIR] [--base /path/] [--site URL] [--offline] [--zip FILE] [--verbose]';
let args: Args;
try {
	args = parseArgs(process.argv.slice(2), valued);
} catch (error) {
	console.error(`build: ${(error as Error).message}; ${usage}`);
	process.exit(2);
}
const unknown = [...args.flags].filter((f) => f !== 'verbose' && !(OFFLINE_FLAGS as readonly string[]).includes(f));
if (unknown.length) {
	console.error(`build: unknown option --${unknown[0]}; ${usage}`);
	process.exit(2);
}
const sources = path.resolve(args.values.get('sources') ?? 'content/sources');
const out = path.resolve(args.values.get('out') ?? 'dist');
const reportsDir = path.resolve(args.values.get('reports-dir') ?? 'content/reports');
let offline: OfflinePlan;
try {
	offline = offlinePlan(offlineFlags(args), out);
} catch (error) {
	console.error(`build: ${(error as Error).message}; ${usage}`);
	process.exit(2);
}
const staging = `${out}.building`;
const reportsStaging = `${reportsDir}.building`;
const root = path.resolve(import.meta.dirname, '..');
const env = {
	...process.env,
	HUIBIAN_REPORTS_DIR: reportsStaging,
	HUIBIAN_OUT: staging,
	...(args.values.has('base') ? { HUIBIAN_BASE: args.values.get('base') } : {}),
	...(args.values.has('site') ? { HUIBIAN_SITE: args.values.get('site') } : {}),
	ASTRO_TELEMETRY_DISABLED: '1',
	...offlineEnv(offline),
};
const verbose = args.flags.has('verbose');

/** Drop the staged outputs (the previous ones are untouched), explain, exit 1. */
async function fail(stage: string, detail: string): Promise<never> {
	await rm(staging, { recursive: true, force: true });
	await rm(reportsStaging, { recursive: true, force: true });
	if (detail.trim()) console.error(detail.trimEnd());
	console.error(`build failed at stage "${stage}"; ${path.relative(process.cwd(), out) || '.'} and ${path.relative(process.cwd(), reportsDir) || '.'} were left as they were`);
	process.exit(1);
}

/** Replace `target` by `staged` (two renames; the old folder is removed last). */
async function swapIn(staged: string, target: string): Promise<void> {
	const old = `${target}.old`;
	await rm(old, { recursive: true, force: true });
	const exists = await stat(target).then(() => true, () => false);
	if (exists) await rename(target, old);
	await rename(staged, target);
	await rm(old, { recursive: true, force: true });
}

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const totalStart = performance.now();
await rm(staging, { recursive: true, force: true });
await rm(reportsStaging, { recursive: true, force: true });
// Files in the reports folder that the ingest doesn't own (not *.mdx, not catalog.json) stay.
await cp(reportsDir, reportsStaging, {
	recursive: true,
	filter: (src) => src === reportsDir || !(src.endsWith('.mdx') || path.basename(src) === 'catalog.json'),
}).catch((error: NodeJS.ErrnoException) => {
	if (error.code !== 'ENOENT') throw error;
});

// 1. ingest: sources → <reports-dir>.building/*.mdx + catalog.json (prints its own report and summary line)
const ingest = await runNode([path.join(root, 'scripts/ingest.ts'), '--sources', sources, '--out', reportsStaging], env, true);
if (ingest.code !== 0) await fail('ingest', '');
let catalog: { reports: unknown[] };
try {
	catalog = JSON.parse(await readFile(path.join(reportsStaging, 'catalog.json'), 'utf8')) as { reports: unknown[] };
} catch (error) {
	await fail('ingest', `the ingest wrote no readable catalog.json: ${(error as Error).message}`);
}

// 2. astro build into the staging folder
let t0 = performance.now();
// Rolldown (Vite's bundler) allocates with mimalloc, which by default keeps the memory of the
// bundling phase committed for the rest of the build (a 1 GiB arena with ~370 MiB resident while
// pages render, at 2,000 reports). Decommitting freed memory at once and committing arenas lazily
// returns it: astro peak at 5,000 reports 1,103 / 1,085 -> 883 / 870 MiB (two runs each), wall and
// CPU unchanged.
const astroEnv = { ...env, MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0' };
const astro = await runNode([path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root], astroEnv, verbose);
if (astro.code !== 0) await fail('astro', astro.stdout + astro.stderr);
// Astro can log a failed page and still exit 0 (withastro/astro#18054): count the report pages.
const built = await builtReportIds(staging);
if (built.length !== catalog!.reports.length) {
	await fail('astro', `expected ${catalog!.reports.length} report pages in the build, found ${built.length}\n${astro.stdout}${astro.stderr}`);
}
const pages = (astro.stdout.match(/(\d+) page\(s\) built/) ?? [])[1] ?? '?';
console.log(`astro: ${pages} pages, ${built.length} report pages (${seconds(t0)} s)`);

// 3. search index (Pagefind) over the built report pages
t0 = performance.now();
const search = await runNode([path.join(root, 'scripts/index-search.ts'), '--site', staging], env, false);
if (search.code !== 0) await fail('search', search.stdout + search.stderr);
process.stdout.write(search.stdout.replace(/\(\?\)/, `(${seconds(t0)} s)`));

// 4. data download, then swap the generated pages and the finished site into place
await copyFile(path.join(reportsStaging, 'catalog.json'), path.join(staging, 'catalog.json'));
// --offline / --zip: the offline edition of the staged site (scripts/lib/offline/build-step.ts)
await offlineStep(offline, staging, out, args.values.get('base') ?? '/').then((s) => s && console.log(s), (e: Error) => fail('offline', e.stack ?? e.message));
await swapIn(reportsStaging, reportsDir);
await swapIn(staging, out);
const mib = ((await dirBytes(out)) / 2 ** 20).toFixed(1);
console.log(`build: ${path.relative(process.cwd(), out) || '.'} ready, ${mib} MiB (${seconds(totalStart)} s)`);
