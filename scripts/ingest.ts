/**
 * `node scripts/ingest.ts [--sources DIR] [--out DIR] [--vocabulary FILE] [--overrides FILE]
 *   [--cache DIR | --no-cache] [--dry-run] [--max-source-mb N] [--allow-empty] [--ids FILE]
 *   [--frozen-ids] [--link-from DIR]`
 *
 * Ingest raw compilations (`content/sources/*.txt`) into one MDX page per report and
 * `catalog.json` (`content/reports/`), print the build report, exit 1 on any error. A source
 * whose bytes, metadata, vocabulary, overrides and ingest code are unchanged since the last run
 * is not re-ingested: its output comes from the cache (default `<parent of out>/.cache/ingest`).
 * The id registry (`--ids`, default `<sources>/ids.yaml`) is updated when reports are added,
 * change or go, and the changes printed; with `--frozen-ids` such a change is an error instead.
 * Under the build (`$HUIBIAN_STAGE_RESULT`) it also writes the digest of what it wrote.
 * An unchanged page is hard-linked from the last run's output (`--link-from`, default `--out`).
 */
import { megabytes, parseArgs } from './lib/args.ts';
import { writeStageResult } from './lib/stage-result.ts';
import { runIngest } from './lib/run-ingest.ts';

const usage =
	'expected --sources DIR --out DIR [--vocabulary FILE] [--overrides FILE] ' +
	'[--cache DIR | --no-cache] [--dry-run] [--max-source-mb N] [--allow-empty] [--ids FILE] ' +
	'[--frozen-ids] [--link-from DIR]';
let args;
try {
	args = parseArgs(process.argv.slice(2), [
		'sources',
		'out',
		'vocabulary',
		'overrides',
		'cache',
		'max-source-mb',
		'ids',
		'link-from',
	]);
} catch (error) {
	console.error(`ingest: ${(error as Error).message}; ${usage}`);
	process.exit(2);
}
const unknown = [...args.flags].filter(
	(f) => !['dry-run', 'no-cache', 'allow-empty', 'frozen-ids'].includes(f),
);
if (unknown.length) {
	console.error(`ingest: unknown option --${unknown[0]}; ${usage}`);
	process.exit(2);
}
let maxSourceBytes: number | undefined;
try {
	maxSourceBytes = megabytes(args.values.get('max-source-mb'));
} catch (error) {
	console.error(`ingest: ${(error as Error).message}`);
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
	maxSourceBytes,
	allowEmpty: args.flags.has('allow-empty'),
	ids: args.values.get('ids'),
	frozenIds: args.flags.has('frozen-ids'),
	linkFrom: args.values.get('link-from'),
});
// 2. report; under `npm run build`, the output's digest for the build (`build-reuse.ts`)
for (const line of run.report) console.log(line);
if (!run.ok) process.exitCode = 1;
else await writeStageResult({ stage: 'ingest', outputDigest: run.outputDigest });
