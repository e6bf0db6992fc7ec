/**
 * The core of `scripts/ingest.ts`, callable in-process (the build script uses it):
 * read sources → `ingestAll()` → write `<out>/<id>.mdx` + `<out>/catalog.json` atomically.
 *
 * Writes nothing when any error was found, so a failed run leaves the previous output intact.
 */
import path from 'node:path';
import { assembleOutputs, buildSourceOutput, type SourceOutput } from '../../src/lib/ingest/index.ts';
import { checkOverrides } from '../../src/lib/ingest/output/overrides.ts';
import type { IngestIssue, IngestResult } from '../../src/lib/ingest/types.ts';
import { formatIngestReport, type IngestStats } from './format-ingest-report.ts';
import { codeHash, openIngestCache } from './ingest-cache.ts';
import { readRunInputs } from './read-sources.ts';
import { writeOutputAtomically } from './write-output.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { pdfAssets } from './pdf-assets.ts';

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
	/**
	 * Per-source cache folder (default `<parent of out>/.cache/ingest`, e.g. content/.cache/ingest);
	 * `false`: ingest every source afresh and keep no cache.
	 */
	cache?: string | false;
	/** Largest source file accepted, in bytes (default 64 MiB, `DEFAULT_MAX_SOURCE_BYTES`). */
	maxSourceBytes?: number;
	/** Accept a sources folder without any source (default false: an error). */
	allowEmpty?: boolean;
}

export interface RunIngestResult {
	result: IngestResult;
	issues: IngestIssue[];
	stats: IngestStats;
	/** The build report, one string per line (last line = summary). */
	report: string[];
	ok: boolean;
	/** Sources ingested afresh, and sources whose cached output was reused. */
	ingested: string[];
	reused: string[];
}

export async function runIngest(options: RunIngestOptions = {}): Promise<RunIngestResult> {
	const started = performance.now();
	const sources = options.sources ?? 'content/sources';
	const out = options.out ?? 'content/reports';
	const overridesFile = options.overrides ?? 'content/overrides.yaml';
	const inputs = await readRunInputs(sources, options.vocabulary ?? 'content/vocabulary.yaml', overridesFile, { maxSourceBytes: options.maxSourceBytes, allowEmpty: options.allowEmpty });
	const empty: IngestResult = { catalog: { sources: [], reports: [], tocOnly: [] }, pages: [], issues: [] };
	const cacheDir = options.cache === false ? null : (options.cache ?? path.join(path.dirname(path.resolve(out)), '.cache', 'ingest'));
	const salt = cacheDir ? `${await codeHash(path.join(import.meta.dirname, '..', '..'))}\0${inputs.vocabularyText}\0${inputs.overridesText}` : '';
	const cache = cacheDir ? openIngestCache(cacheDir, salt) : null;
	const ingested: string[] = [];
	const reused: string[] = [];
	let result = empty;
	// The text of each PDF, Word or HTML source ingested afresh, for the quoted hints.
	const extractedText = new Map<string, string>();
	const outputs: SourceOutput[] = [];
	if (inputs.vocab) {
		inputs.issues.push(...checkOverrides(inputs.overrides, inputs.vocab, overridesFile, inputs.overridePlace));
		const where = { file: overridesFile, placeOf: inputs.overridePlace };
		for (const input of inputs.sources) {
			const cached = cache ? await cache.get(input) : null;
			if (cached) {
				outputs.push(cached);
				reused.push(input.file);
				continue;
			}
			const read = await extractSource(input, pdfAssets);
			if (read.extracted) extractedText.set(input.file, read.extracted.text);
			const output = buildSourceOutput(read, inputs.vocab, inputs.overrides, where);
			outputs.push(output);
			ingested.push(input.file);
			if (cache && !options.dryRun) await cache.set(input, output);
		}
		if (cache && !options.dryRun) await cache.prune();
		result = assembleOutputs(outputs, inputs.overrides, { overridesFile, overrideLines: inputs.overrideLines });
	}
	// A field checkOverrides refused at its line fails the report's schema check there too: once is enough.
	const refused = new Set(inputs.issues.filter((i) => i.ruleId.startsWith('override:')).map((i) => `${i.file}:${i.line}:${i.column}`));
	const issues = [...inputs.issues, ...result.issues.filter((i) => !(i.ruleId === 'frontmatter:invalid' && refused.has(`${i.file}:${i.line}:${i.column}`)))];
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
	// Only the sources an issue points at are decoded again, for the quoted hints.
	const pointed = new Set(issues.map((i) => i.file));
	const sourceLines = new Map(inputs.sources.filter((s) => pointed.has(s.file)).map((s) => [s.file, (extractedText.get(s.file) ?? decoder.decode(s.bytes)).replace(/\r\n?/g, '\n').split('\n')] as const));
	const accounts = new Map(outputs.flatMap((o) => (o.account ? [[o.file, o.account] as const] : [])));
	const report = formatIngestReport(result, issues, stats, path.normalize(sources), sourceLines, accounts);
	if (cache) report.splice(report.length - 1, 0, `cache: ${ingested.length} source${ingested.length === 1 ? '' : 's'} ingested, ${reused.length} reused (${path.relative(process.cwd(), cache.dir) || '.'})`);
	return { result, issues, stats, report, ok: errors === 0, ingested, reused };
}
