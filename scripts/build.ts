/**
 * `npm run build [-- --sources DIR --out DIR --base /path/ --site URL --reports-dir DIR]`
 *
 * The whole pipeline, one child process per stage: ingest (sources → MDX + catalog.json) →
 * astro build → Pagefind index, into a staging folder that replaces `--out` only when every
 * stage succeeded (a failed build leaves the previous `dist/` as it was).
 */
import { copyFile, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { builtReportIds, dirBytes } from './lib/dir-stats.ts';
import { runNode } from './lib/run-stage.ts';

const args = parseArgs(process.argv.slice(2), ['sources', 'out', 'base', 'site', 'reports-dir']);
const sources = path.resolve(args.values.get('sources') ?? 'content/sources');
const out = path.resolve(args.values.get('out') ?? 'dist');
const reportsDir = path.resolve(args.values.get('reports-dir') ?? 'content/reports');
const staging = `${out}.building`;
const root = path.resolve(import.meta.dirname, '..');
const env = {
	...process.env,
	HUIBIAN_REPORTS_DIR: reportsDir,
	HUIBIAN_OUT: staging,
	...(args.values.has('base') ? { HUIBIAN_BASE: args.values.get('base') } : {}),
	...(args.values.has('site') ? { HUIBIAN_SITE: args.values.get('site') } : {}),
	ASTRO_TELEMETRY_DISABLED: '1',
};
const verbose = args.flags.has('verbose');

function fail(stage: string, detail: string): never {
	console.error(detail.trimEnd());
	console.error(`build failed at stage "${stage}"`);
	process.exit(1);
}

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const totalStart = performance.now();
await rm(staging, { recursive: true, force: true });

// 1. ingest: sources → <reports-dir>/*.mdx + catalog.json (prints its own report and summary line)
const ingest = await runNode([path.join(root, 'scripts/ingest.ts'), '--sources', sources, '--out', reportsDir], env, true);
if (ingest.code !== 0) fail('ingest', '');
const catalog = JSON.parse(await readFile(path.join(reportsDir, 'catalog.json'), 'utf8')) as {
	reports: unknown[];
};

// 2. astro build into the staging folder
let t0 = performance.now();
const astro = await runNode([path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root], env, verbose);
if (astro.code !== 0) fail('astro', astro.stdout + astro.stderr);
// Astro can log a failed page and still exit 0 (withastro/astro#18054): count the report pages.
const built = await builtReportIds(staging);
if (built.length !== catalog.reports.length) {
	fail('astro', `expected ${catalog.reports.length} report pages in the build, found ${built.length}\n${astro.stdout}${astro.stderr}`);
}
const pages = (astro.stdout.match(/(\d+) page\(s\) built/) ?? [])[1] ?? '?';
console.log(`astro: ${pages} pages, ${built.length} report pages (${seconds(t0)} s)`);

// 3. search index (Pagefind) over the built report pages
t0 = performance.now();
const search = await runNode([path.join(root, 'scripts/index-search.ts'), '--site', staging], env, false);
if (search.code !== 0) fail('search', search.stdout + search.stderr);
process.stdout.write(search.stdout.replace(/\(\?\)/, `(${seconds(t0)} s)`));

// 4. data download and swap the finished site into place
await copyFile(path.join(reportsDir, 'catalog.json'), path.join(staging, 'catalog.json'));
await rm(out, { recursive: true, force: true });
await rename(staging, out);
const mib = ((await dirBytes(out)) / 2 ** 20).toFixed(1);
console.log(`build: ${path.relative(process.cwd(), out) || '.'} ready, ${mib} MiB (${seconds(totalStart)} s)`);
