/**
 * `node scripts/ingest.ts [--sources DIR] [--out DIR] [--vocabulary FILE] [--overrides FILE]`
 *
 * Ingest raw compilations (`content/sources/*.txt`) into one MDX page per report and
 * `catalog.json` (`content/reports/`), print the build report, exit 1 on any error.
 */
import { parseArgs } from './lib/args.ts';
import { runIngest } from './lib/run-ingest.ts';

const args = parseArgs(process.argv.slice(2), ['sources', 'out', 'vocabulary', 'overrides']);
const unknown = [...args.flags].filter((f) => f !== 'dry-run');
if (unknown.length) {
	console.error(`ingest: unknown option --${unknown[0]}; expected --sources DIR --out DIR [--vocabulary FILE] [--overrides FILE] [--dry-run]`);
	process.exit(2);
}
// 1. read, ingest, write (atomically, only when there is no error)
const run = await runIngest({
	sources: args.values.get('sources'),
	out: args.values.get('out'),
	vocabulary: args.values.get('vocabulary'),
	overrides: args.values.get('overrides'),
	dryRun: args.flags.has('dry-run'),
});
// 2. report
for (const line of run.report) console.log(line);
if (!run.ok) process.exitCode = 1;
