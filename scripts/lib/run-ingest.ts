/**
 * The core of `scripts/ingest.ts`, callable in-process (the build script uses it):
 * read sources → `ingest()` → write `<out>/<id>.mdx` + `<out>/catalog.json` atomically.
 *
 * Writes nothing when any error was found, so a failed run leaves the previous output intact.
 */
import path from 'node:path';
import { ingest } from '../../src/lib/ingest/index.ts';
import type { IngestIssue, IngestResult } from '../../src/lib/ingest/types.ts';
import { formatIngestReport, type IngestStats } from './format-ingest-report.ts';
import { readRunInputs } from './read-sources.ts';
import { writeOutputAtomically } from './write-output.ts';

export interface RunIngestOptions {
	/** Folder of `*.txt` sources (default `content/sources`). */
	sources?: string;
	/** Output folder (default `content/reports`). */
	out?: string;
	/** Vocabulary file (default `content/vocabulary.yaml`). */
	vocabulary?: string;
	/** Overrides file (default `content/overrides.yaml`; missing = no overrides). */
	overrides?: string;
	/** Don’t write anything (default false). */
	dryRun?: boolean;
}

export interface RunIngestResult {
	result: IngestResult;
	issues: IngestIssue[];
	stats: IngestStats;
	/** The build report, one string per line (last line = summary). */
	report: string[];
	ok: boolean;
}

export async function runIngest(options: RunIngestOptions = {}): Promise<RunIngestResult> {
	const started = performance.now();
	const sources = options.sources ?? 'content/sources';
	const out = options.out ?? 'content/reports';
	const inputs = await readRunInputs(sources, options.vocabulary ?? 'content/vocabulary.yaml', options.overrides ?? 'content/overrides.yaml');
	const empty: IngestResult = { catalog: { sources: [], reports: [], tocOnly: [] }, pages: [], issues: [] };
	const result = inputs.vocab ? ingest(inputs.sources, inputs.vocab, inputs.overrides) : empty;
	const issues = [...inputs.issues, ...result.issues];
	const errors = issues.filter((i) => i.severity === 'error').length;
	if (errors === 0 && !options.dryRun) {
		const files = new Map<string, string>();
		for (const page of result.pages) files.set(`${page.id}.mdx`, page.mdx);
		files.set('catalog.json', `${JSON.stringify(result.catalog, null, '\t')}\n`);
		await writeOutputAtomically(out, files);
	}
	const stats: IngestStats = {
		sources: result.catalog.sources.length,
		reports: result.catalog.reports.length,
		tocOnly: result.catalog.tocOnly.length,
		warnings: issues.filter((i) => i.severity === 'warning').length,
		errors,
		seconds: (performance.now() - started) / 1000,
		bytes: inputs.bytes,
	};
	const decoder = new TextDecoder();
	const sourceLines = new Map(inputs.sources.map((s) => [s.file, decoder.decode(s.bytes).replace(/\r\n?/g, '\n').split('\n')] as const));
	const report = formatIngestReport(result, issues, stats, path.normalize(sources), sourceLines);
	return { result, issues, stats, report, ok: errors === 0 };
}
