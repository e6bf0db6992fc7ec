/**
 * The core of `scripts/ingest.ts`, callable in-process (the build script uses it):
 * read sources → `ingestAll()` → write `<out>/<id>.mdx` + `<out>/catalog.json` atomically.
 *
 * Writes nothing when any error was found, so a failed run leaves the previous output intact.
 */
import path from 'node:path';
import { PATHS } from '../../src/lib/config.ts';
import {
	assembleOutputs,
	buildSourceOutput,
	type SourceOutput,
} from '../../src/lib/ingest/index.ts';
import { checkOverrides } from '../../src/lib/ingest/output/overrides.ts';
import type { IngestIssue, IngestResult } from '../../src/lib/ingest/types.ts';
import { formatIngestReport, type IngestStats } from './format-ingest-report.ts';
import {
	codeHash,
	idsCheckKey,
	openIdsMemo,
	openIngestCache,
	registrySlices,
} from './ingest-cache.ts';
import { readRunInputs } from './read-sources.ts';
import { writeOutputAtomically } from './write-output.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { pdfAssets } from './pdf-assets.ts';
import {
	describeChanges,
	readRegistry,
	REGISTRY_FILE,
	registryText,
	writeRegistry,
} from './id-registry.ts';
import { emptyRegistry, type Registry } from '../../src/lib/knowledge/id-registry.ts';
import { matchIds } from '../../src/lib/knowledge/match-ids.ts';
import { updateRegistry } from '../../src/lib/knowledge/update-registry.ts';
import { followOverrides } from '../../src/lib/knowledge/follow-overrides.ts';
import { retiredRecords } from '../../src/lib/knowledge/retired-records.ts';
import type { Overrides } from '../../src/lib/ingest/types.ts';

export interface RunIngestOptions {
	/** Folder of sources (default `PATHS.sources`, src/lib/config.ts). */
	sources?: string;
	/** Output folder (default `PATHS.reports`). */
	out?: string;
	/** Vocabulary file (default `PATHS.vocabulary`). */
	vocabulary?: string;
	/** Overrides file (default `PATHS.overrides`; missing = no overrides). */
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
	/** The id registry (default `<sources>/ids.yaml`); written back when the run changes it. */
	ids?: string;
	/** Fail, naming what would change, instead of changing the id registry (default false; CI). */
	frozenIds?: boolean;
	/**
	 * The folder holding the previous run's pages (default `out`; the build's is its live reports
	 * folder): an unchanged page is hard-linked from there instead of written (`write-output.ts`).
	 * Only with a cache folder.
	 */
	linkFrom?: string;
}

export interface RunIngestResult {
	result: IngestResult;
	issues: IngestIssue[];
	stats: IngestStats;
	/** The build report, one string per line (last line = summary). */
	report: string[];
	ok: boolean;
	/** SHA-256 of the output folder as written (`writeOutputAtomically`); null when nothing was written. */
	outputDigest: string | null;
	/** Sources ingested afresh, and sources whose cached output was reused. */
	ingested: string[];
	reused: string[];
}

/** Whether the registry gives the reports of a cached output the ids they have in it. */
function sameIds(output: SourceOutput, registry: Registry): boolean {
	const entries = output.idEntries;
	const ids = matchIds(
		registry,
		output.file,
		entries.map((e) => ({
			naturalId: e.naturalId,
			order: e.order,
			title: e.title,
			unit: e.unit,
			text: e.text,
		})),
	);
	return ids.every((id, i) => id === entries[i]!.id);
}

export async function runIngest(options: RunIngestOptions = {}): Promise<RunIngestResult> {
	const started = performance.now();
	const sources = options.sources ?? PATHS.sources;
	const out = options.out ?? PATHS.reports;
	const overridesFile = options.overrides ?? PATHS.overrides;
	const inputs = await readRunInputs(
		sources,
		options.vocabulary ?? PATHS.vocabulary,
		overridesFile,
		{ maxSourceBytes: options.maxSourceBytes, allowEmpty: options.allowEmpty },
	);
	const empty: IngestResult = {
		catalog: { sources: [], reports: [], tocOnly: [] },
		pages: [],
		issues: [],
	};
	const cacheDir =
		options.cache === false
			? null
			: (options.cache ?? path.join(path.dirname(path.resolve(out)), '.cache', 'ingest'));
	const code = cacheDir ? await codeHash(path.join(import.meta.dirname, '..', '..')) : '';
	const ingested: string[] = [];
	const reused: string[] = [];
	let result = empty;
	// The text of each PDF, Word or HTML source ingested afresh, for the quoted hints.
	const extractedText = new Map<string, string>();
	let outputs: SourceOutput[] = [];
	// The id registry: the ids reports keep across edits of their sources (README “Stable ids”).
	const registryFile = options.ids ?? path.join(sources, REGISTRY_FILE);
	const registryLabel = options.ids ? path.normalize(options.ids) : REGISTRY_FILE;
	const read = await readRegistry(registryFile, registryLabel);
	if (!read.ok) inputs.issues.push(...read.issues);
	const previous: Registry = read.ok ? read.registry : emptyRegistry();
	const registryIssues: IngestIssue[] = [];
	let pendingRegistry: string | null = null;
	let registryLines: string[] = [];
	if (inputs.vocab) {
		const vocab = inputs.vocab;
		inputs.issues.push(
			...checkOverrides(inputs.overrides, vocab, overridesFile, inputs.overridePlace),
		);
		// Cached outputs whose ids were checked against this registry already (`IdsMemo`).
		const memo = cacheDir ? await openIdsMemo(cacheDir) : null;
		const sliceOf = registrySlices(previous);
		// One pass over the sources with the overrides keyed by the ids their reports have.
		const ingestAll = async (overrides: Overrides, keyOf: Map<string, string>) => {
			const placeOf = (p: readonly PropertyKey[]) =>
				inputs.overridePlace([keyOf.get(String(p[0])) ?? p[0]!, ...p.slice(1)]);
			const where = { file: overridesFile, placeOf };
			const salt = cacheDir
				? `${code}\0${inputs.vocabularyText}\0${JSON.stringify(overrides)}`
				: '';
			const cache = cacheDir ? openIngestCache(cacheDir, salt) : null;
			const done: SourceOutput[] = [];
			ingested.length = 0;
			reused.length = 0;
			for (const input of inputs.sources) {
				// A source's ids depend on the registry: a cached output is used only when the
				// registry gives its reports the ids it holds.
				const cached = cache ? await cache.get(input) : null;
				const checkKey = cached && memo ? idsCheckKey(salt, sliceOf(input.file), cached) : null;
				if (cached && ((checkKey !== null && memo!.has(checkKey)) || sameIds(cached, previous))) {
					if (checkKey !== null) memo!.add(checkKey);
					done.push(cached);
					reused.push(input.file);
					continue;
				}
				const extracted = await extractSource(input, pdfAssets);
				if (extracted.extracted) extractedText.set(input.file, extracted.extracted.text);
				const output = buildSourceOutput(extracted, vocab, overrides, where, (file, reports) =>
					matchIds(previous, file, reports),
				);
				done.push(output);
				ingested.push(input.file);
				if (cache && !options.dryRun) await cache.set(input, output);
			}
			if (cache && !options.dryRun) await cache.prune();
			if (memo && !options.dryRun) await memo.save();
			return done;
		};
		let followed = followOverrides(inputs.overrides, previous, overridesFile, inputs.overrideLines);
		outputs = await ingestAll(followed.overrides, followed.keyOf);
		const update = updateRegistry(
			previous,
			outputs.flatMap((o) => o.idEntries ?? []),
		);
		// Ids this run retired: overrides keyed by them follow too (one more pass, only then).
		const after = followOverrides(
			inputs.overrides,
			update.registry,
			overridesFile,
			inputs.overrideLines,
		);
		if (JSON.stringify(after.overrides) !== JSON.stringify(followed.overrides)) {
			followed = after;
			outputs = await ingestAll(followed.overrides, followed.keyOf);
		}
		// Warnings by the registry after the run: an id this run retired counts.
		registryIssues.push(...after.issues);
		result = assembleOutputs(outputs, followed.overrides, {
			overridesFile,
			overrideLines: inputs.overrideLines,
		});
		// A removed report's override gets its own warning (override:removed-id), not this one too.
		const removedLines = new Set(
			after.issues.filter((i) => i.ruleId === 'override:removed-id').map((i) => i.line),
		);
		result.issues = result.issues.filter(
			(i) => !(i.ruleId === 'override:unknown-id' && removedLines.has(i.line)),
		);
		const retired = retiredRecords(update.registry, result.catalog);
		if (retired.length) result.catalog.retired = retired;
		const text = registryText(update.registry);
		if (read.ok && text !== read.text && update.changes.length + (read.text === null ? 1 : 0) > 0) {
			const changes = describeChanges(registryLabel, update.changes);
			if (options.frozenIds) {
				const what =
					read.text === null
						? [`${registryLabel}: missing (it would be created)`, ...changes]
						: changes;
				registryIssues.push({
					file: registryLabel,
					line: 1,
					column: 1,
					ruleId: 'registry:frozen',
					severity: 'error',
					message: `--frozen-ids: the id registry would change:\n  ${what.join('\n  ')}\nRun the ingest or build without --frozen-ids and commit ${registryLabel}.`,
				});
			} else
				registryLines =
					read.text === null
						? [
								`${registryLabel}: created with ${Object.keys(update.registry.reports).length} report ids`,
								...changes.filter((c) => !c.includes(': added ')),
							]
						: changes;
			pendingRegistry = text;
		}
	}
	// A field checkOverrides refused at its line fails the report's schema check there too: once is enough.
	const refused = new Set(
		inputs.issues
			.filter((i) => i.ruleId.startsWith('override:'))
			.map((i) => `${i.file}:${i.line}:${i.column}`),
	);
	const issues = [
		...inputs.issues,
		...registryIssues,
		...result.issues.filter(
			(i) =>
				!(i.ruleId === 'frontmatter:invalid' && refused.has(`${i.file}:${i.line}:${i.column}`)),
		),
	];
	const errors = issues.filter((i) => i.severity === 'error').length;
	let outputDigest: string | null = null;
	if (errors === 0 && !options.dryRun) {
		const files = new Map<string, string>();
		for (const page of result.pages) files.set(`${page.id}.mdx`, page.mdx);
		files.set('catalog.json', `${JSON.stringify(result.catalog, null, '\t')}\n`);
		outputDigest = await writeOutputAtomically(
			out,
			files,
			cacheDir
				? { from: options.linkFrom ?? out, record: path.join(cacheDir, 'pages-written.json') }
				: undefined,
		);
		// The registry only after the output: a run that failed leaves both as they were.
		if (pendingRegistry !== null) await writeRegistry(registryFile, pendingRegistry);
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
	const sourceLines = new Map(
		inputs.sources
			.filter((s) => pointed.has(s.file))
			.map(
				(s) =>
					[
						s.file,
						(extractedText.get(s.file) ?? decoder.decode(s.bytes))
							.replace(/\r\n?/g, '\n')
							.split('\n'),
					] as const,
			),
	);
	const accounts = new Map(
		outputs.flatMap((o) => (o.account ? [[o.file, o.account] as const] : [])),
	);
	const report = formatIngestReport(
		result,
		issues,
		stats,
		path.normalize(sources),
		sourceLines,
		accounts,
	);
	if (cacheDir)
		report.splice(
			report.length - 1,
			0,
			`cache: ${ingested.length} source${ingested.length === 1 ? '' : 's'} ingested, ${reused.length} reused (${path.relative(process.cwd(), cacheDir) || '.'})`,
		);
	if (errors === 0 && !options.dryRun) report.splice(report.length - 1, 0, ...registryLines);
	return { result, issues, stats, report, ok: errors === 0, outputDigest, ingested, reused };
}
