/**
 * `node scripts/ingest.ts [--sources DIR] [--out DIR] [--vocabulary FILE] [--overrides FILE]
 *   [--cache DIR | --no-cache] [--dry-run]`
 *
 * Ingest raw compilations (`content/sources/*.txt`) into one MDX page per report and
 * `catalog.json` (`content/reports/`), print the build report, exit 1 on any error. A source
 * whose bytes, metadata, vocabulary, overrides and ingest code are unchanged since the last run
 * is not re-ingested: its output comes from the cache (default `<parent of out>/.cache/ingest`).
 */
import { parseArgs } from './lib/args.ts';
import { runIngest } from './lib/run-ingest.ts';

const args = parseArgs(process.argv.slice(2), ['sources', 'out', 'vocabulary', 'overrides', 'cache']);
const unknown = [...args.flags].filter((f) => f !== 'dry-run' && f !== 'no-cache');
if (unknown.length) {
	console.error(`ingest: unknown option --${unknown[0]}; expected --sources DIR --out DIR [--vocabulary FILE] [--overrides FILE] [--cache DIR | --no-cache] [--dry-run]`);
	process.exit(2);
}
// 1. read, ingest, write (atomically, only when there is no error)
const run = await runIngest({
	sources: args.values.get('sources'),
	out: args.values.get('out'),
	vocabulary: args.values.get('vocabulary'),
	overrides: args.values.get('overrides'),
	dryRun: args.flags.has('dry-run'),
	cache: args.flags.has('no-cache') ? false : args.values.get('cache'),
});
// 2. report
for (const line of run.report) console.log(line);
if (!run.ok) process.exitCode = 1;
