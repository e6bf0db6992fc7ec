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
import type {
	IngestIssue,
	IngestResult,
	SourceInput,
	Vocabulary,
} from '../../src/lib/ingest/types.ts';
import { formatIngestReport, type IngestStats } from './format-ingest-report.ts';
import {
	codeHash,
	idsCheckKey,
	type IdsMemo,
	openIdsMemo,
	openIngestCache,
	registrySlices,
} from './ingest-cache.ts';
import { readRunInputs, type RunInputs } from './read-sources.ts';
import { writeOutputAtomically } from './write-output.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { pdfAssets } from './pdf-assets.ts';
import {
	describeChanges,
	readRegistry,
	type ReadRegistry,
	REGISTRY_FILE,
	registryText,
	writeRegistry,
} from './id-registry.ts';
import { emptyRegistry, type Registry } from '../../src/lib/knowledge/id-registry.ts';
import { matchIds } from '../../src/lib/knowledge/match-ids.ts';
import { updateRegistry } from '../../src/lib/knowledge/update-registry.ts';
import {
	followOverrides,
	type FollowedOverrides,
} from '../../src/lib/knowledge/follow-overrides.ts';
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

/** What every ingest pass of a run shares: the inputs, the registry read and the cache. */
interface PassSetup {
	inputs: RunInputs;
	vocab: Vocabulary;
	overridesFile: string;
	/** The registry the run read (an empty one when there was none). */
	previous: Registry;
	cacheDir: string | null;
	/** The ingest code's hash (`codeHash`), '' without a cache. */
	code: string;
	/** Cached outputs whose ids were checked against this registry already (`IdsMemo`). */
	memo: IdsMemo | null;
	sliceOf: (source: string) => string;
	dryRun: boolean;
}

/** What one pass over the sources produced. */
interface PassResult {
	outputs: SourceOutput[];
	/** Sources ingested afresh, and sources whose cached output was reused. */
	ingested: string[];
	reused: string[];
	/** The text of each PDF, Word or HTML source ingested afresh, for the quoted hints. */
	extractedText: Map<string, string>;
}

/** The result of a run that ingested nothing. */
function emptyResult(): IngestResult {
	return { catalog: { sources: [], reports: [], tocOnly: [] }, pages: [], issues: [] };
}

/** The cache folder of a run: `--cache`, else `<parent of out>/.cache/ingest`; null for none. */
function cacheFolder(cache: string | false | undefined, out: string): string | null {
	if (cache === false) return null;
	return cache ?? path.join(path.dirname(path.resolve(out)), '.cache', 'ingest');
}

/** One pass over the sources with the overrides keyed by the ids their reports have. */
async function ingestPass(
	setup: PassSetup,
	overrides: Overrides,
	keyOf: Map<string, string>,
): Promise<PassResult> {
	const { inputs, cacheDir, memo, previous } = setup;
	const placeOf = (p: readonly PropertyKey[]) =>
		inputs.overridePlace([keyOf.get(String(p[0])) ?? p[0]!, ...p.slice(1)]);
	const where = { file: setup.overridesFile, placeOf };
	const salt = cacheDir
		? `${setup.code}\0${inputs.vocabularyText}\0${JSON.stringify(overrides)}`
		: '';
	const cache = cacheDir ? openIngestCache(cacheDir, salt) : null;
	const pass: PassResult = { outputs: [], ingested: [], reused: [], extractedText: new Map() };
	for (const input of inputs.sources) {
		// A source's ids depend on the registry: a cached output is used only when the
		// registry gives its reports the ids it holds.
		const cached = cache ? await cache.get(input) : null;
		const checkKey = cached && memo ? idsCheckKey(salt, setup.sliceOf(input.file), cached) : null;
		if (cached && ((checkKey !== null && memo!.has(checkKey)) || sameIds(cached, previous))) {
			if (checkKey !== null) memo!.add(checkKey);
			pass.outputs.push(cached);
			pass.reused.push(input.file);
			continue;
		}
		const extracted = await extractSource(input, pdfAssets);
		if (extracted.extracted) pass.extractedText.set(input.file, extracted.extracted.text);
		const output = buildSourceOutput(extracted, setup.vocab, overrides, where, (file, reports) =>
			matchIds(previous, file, reports),
		);
		pass.outputs.push(output);
		pass.ingested.push(input.file);
		if (cache && !setup.dryRun) await cache.set(input, output);
	}
	if (cache && !setup.dryRun) await cache.prune();
	if (memo && !setup.dryRun) await memo.save();
	return pass;
}

/** The passes of a run, what they left in the registry, and the overrides as they followed it. */
interface IngestedRun {
	pass: PassResult;
	/** The text of every source extracted by any pass. */
	extractedText: Map<string, string>;
	update: ReturnType<typeof updateRegistry>;
	followed: FollowedOverrides;
	/** The overrides followed through the registry after the run (its warnings count). */
	after: FollowedOverrides;
}

/**
 * Ingest every source with the overrides following the ids of the registry read; when this
 * run retires ids that overrides are keyed by, once more with the overrides following them.
 */
async function ingestFollowingIds(setup: PassSetup): Promise<IngestedRun> {
	const { inputs, overridesFile } = setup;
	let followed = followOverrides(
		inputs.overrides,
		setup.previous,
		overridesFile,
		inputs.overrideLines,
	);
	let pass = await ingestPass(setup, followed.overrides, followed.keyOf);
	const extractedText = new Map(pass.extractedText);
	const update = updateRegistry(
		setup.previous,
		pass.outputs.flatMap((o) => o.idEntries ?? []),
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
		pass = await ingestPass(setup, followed.overrides, followed.keyOf);
		for (const [file, text] of pass.extractedText) extractedText.set(file, text);
	}
	return { pass, extractedText, update, followed, after };
}

/** The run's result from the outputs of its last pass, with the ids the registry retired. */
function assembleRun(run: IngestedRun, inputs: RunInputs, overridesFile: string): IngestResult {
	const result = assembleOutputs(run.pass.outputs, run.followed.overrides, {
		overridesFile,
		overrideLines: inputs.overrideLines,
	});
	// A removed report's override gets its own warning (override:removed-id), not this one too.
	const removedLines = new Set(
		run.after.issues.filter((i) => i.ruleId === 'override:removed-id').map((i) => i.line),
	);
	result.issues = result.issues.filter(
		(i) => !(i.ruleId === 'override:unknown-id' && removedLines.has(i.line)),
	);
	const retired = retiredRecords(run.update.registry, result.catalog);
	if (retired.length) result.catalog.retired = retired;
	return result;
}

/** What a run does to the id registry: the text to write, its report lines or the frozen error. */
interface RegistryOutcome {
	/** The registry's new text, written after the output; null when it doesn't change. */
	pending: string | null;
	/** The changes, for the build report. */
	lines: string[];
	/** `registry:frozen` when `--frozen-ids` forbids the change. */
	issues: IngestIssue[];
}

/** A run that leaves the id registry as it was. */
function unchangedRegistry(): RegistryOutcome {
	return { pending: null, lines: [], issues: [] };
}

/** Compare the registry after the run with the one read; describe, or refuse, the change. */
function registryOutcome(
	read: ReadRegistry,
	update: IngestedRun['update'],
	label: string,
	frozenIds: boolean,
): RegistryOutcome {
	const none = unchangedRegistry();
	if (!read.ok) return none;
	const text = registryText(update.registry);
	if (text === read.text || update.changes.length + (read.text === null ? 1 : 0) === 0) return none;
	const changes = describeChanges(label, update.changes);
	if (frozenIds) {
		const what =
			read.text === null ? [`${label}: missing (it would be created)`, ...changes] : changes;
		const issue: IngestIssue = {
			file: label,
			line: 1,
			column: 1,
			ruleId: 'registry:frozen',
			severity: 'error',
			message: `--frozen-ids: the id registry would change:\n  ${what.join('\n  ')}\nRun the ingest or build without --frozen-ids and commit ${label}.`,
		};
		return { pending: text, lines: [], issues: [issue] };
	}
	const lines =
		read.text === null
			? [
					`${label}: created with ${Object.keys(update.registry.reports).length} report ids`,
					...changes.filter((c) => !c.includes(': added ')),
				]
			: changes;
	return { pending: text, lines, issues: [] };
}

/** Every issue of the run, without the schema errors of override fields refused already. */
function runIssues(
	inputIssues: readonly IngestIssue[],
	registryIssues: readonly IngestIssue[],
	resultIssues: readonly IngestIssue[],
): IngestIssue[] {
	// A field checkOverrides refused at its line fails the report's schema check there too: once is enough.
	const refused = new Set(
		inputIssues
			.filter((i) => i.ruleId.startsWith('override:'))
			.map((i) => `${i.file}:${i.line}:${i.column}`),
	);
	return [
		...inputIssues,
		...registryIssues,
		...resultIssues.filter(
			(i) =>
				!(i.ruleId === 'frontmatter:invalid' && refused.has(`${i.file}:${i.line}:${i.column}`)),
		),
	];
}

/** Write the pages and the catalog atomically; returns the output's digest. */
function writePages(
	out: string,
	result: IngestResult,
	cacheDir: string | null,
	linkFrom: string | undefined,
): Promise<string> {
	const files = new Map<string, string>();
	for (const page of result.pages) files.set(`${page.id}.mdx`, page.mdx);
	files.set('catalog.json', `${JSON.stringify(result.catalog, null, '\t')}\n`);
	return writeOutputAtomically(
		out,
		files,
		cacheDir
			? { from: linkFrom ?? out, record: path.join(cacheDir, 'pages-written.json') }
			: undefined,
	);
}

/** The lines of each source an issue points at (only those are decoded again), for the hints. */
function pointedSourceLines(
	sources: readonly SourceInput[],
	issues: readonly IngestIssue[],
	extractedText: ReadonlyMap<string, string>,
): Map<string, string[]> {
	const decoder = new TextDecoder();
	const pointed = new Set(issues.map((i) => i.file));
	return new Map(
		sources
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
}

/** The cache's line of the build report: how many sources were ingested and reused. */
function cacheLine(pass: PassResult | null, cacheDir: string): string {
	const ingested = pass?.ingested.length ?? 0;
	const reused = pass?.reused.length ?? 0;
	const folder = path.relative(process.cwd(), cacheDir) || '.';
	const sources = `${ingested} source${ingested === 1 ? '' : 's'}`;
	return `cache: ${sources} ingested, ${reused} reused (${folder})`;
}

/** The setup the passes share: the ingest code's hash, the ids memo and registry slices. */
async function passSetup(
	inputs: RunInputs,
	vocab: Vocabulary,
	overridesFile: string,
	previous: Registry,
	cacheDir: string | null,
	dryRun: boolean,
): Promise<PassSetup> {
	const code = cacheDir ? await codeHash(path.join(import.meta.dirname, '..', '..')) : '';
	const memo = cacheDir ? await openIdsMemo(cacheDir) : null;
	const sliceOf = registrySlices(previous);
	return { inputs, vocab, overridesFile, previous, cacheDir, code, memo, sliceOf, dryRun };
}

/** The counts of a run for the summary line. */
function runStats(
	result: IngestResult,
	issues: readonly IngestIssue[],
	started: number,
	bytes: number,
): IngestStats {
	return {
		sources: result.catalog.sources.length,
		reports: result.catalog.reports.length,
		tocOnly: result.catalog.tocOnly.length,
		warnings: issues.filter((i) => i.severity === 'warning').length,
		errors: issues.filter((i) => i.severity === 'error').length,
		seconds: (performance.now() - started) / 1000,
		bytes,
	};
}

/** The line account of each source that has one, by file, for the build report. */
function accountsOf(outputs: readonly SourceOutput[]) {
	return new Map(outputs.flatMap((o) => (o.account ? [[o.file, o.account] as const] : [])));
}

/** What the ingest proper made of a run whose vocabulary was read. */
interface VocabularyRun {
	run: IngestedRun;
	result: IngestResult;
	registry: RegistryOutcome;
}

/** The ingest once the vocabulary is read: the passes, their result, the registry's change. */
async function ingestAndCompare(
	setup: PassSetup,
	read: ReadRegistry,
	registryLabel: string,
	frozenIds: boolean,
): Promise<VocabularyRun> {
	const run = await ingestFollowingIds(setup);
	const result = assembleRun(run, setup.inputs, setup.overridesFile);
	const registry = registryOutcome(read, run.update, registryLabel, frozenIds);
	// Warnings by the registry after the run: an id this run retired counts.
	registry.issues.unshift(...run.after.issues);
	return { run, result, registry };
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
	const cacheDir = cacheFolder(options.cache, out);
	// The id registry: the ids reports keep across edits of their sources (README “Stable ids”).
	const registryFile = options.ids ?? path.join(sources, REGISTRY_FILE);
	const registryLabel = options.ids ? path.normalize(options.ids) : REGISTRY_FILE;
	const read = await readRegistry(registryFile, registryLabel);
	if (!read.ok) inputs.issues.push(...read.issues);
	const previous: Registry = read.ok ? read.registry : emptyRegistry();
	let ran: VocabularyRun | null = null;
	if (inputs.vocab) {
		inputs.issues.push(
			...checkOverrides(inputs.overrides, inputs.vocab, overridesFile, inputs.overridePlace),
		);
		const dryRun = options.dryRun ?? false;
		const setup = await passSetup(inputs, inputs.vocab, overridesFile, previous, cacheDir, dryRun);
		ran = await ingestAndCompare(setup, read, registryLabel, options.frozenIds ?? false);
	}
	const { run = null, result = emptyResult(), registry = unchangedRegistry() } = ran ?? {};
	const issues = runIssues(inputs.issues, registry.issues, result.issues);
	const ok = !issues.some((i) => i.severity === 'error');
	const written = ok && !options.dryRun;
	let outputDigest: string | null = null;
	if (written) {
		outputDigest = await writePages(out, result, cacheDir, options.linkFrom);
		// The registry only after the output: a run that failed leaves both as they were.
		if (registry.pending !== null) await writeRegistry(registryFile, registry.pending);
	}
	const stats = runStats(result, issues, started, inputs.bytes);
	const extractedText = run?.extractedText ?? new Map<string, string>();
	const sourceLines = pointedSourceLines(inputs.sources, issues, extractedText);
	const accounts = accountsOf(run?.pass.outputs ?? []);
	const report = formatIngestReport(
		result,
		issues,
		stats,
		path.normalize(sources),
		sourceLines,
		accounts,
	);
	if (cacheDir) report.splice(report.length - 1, 0, cacheLine(run?.pass ?? null, cacheDir));
	if (written) report.splice(report.length - 1, 0, ...registry.lines);
	const { ingested, reused } = run?.pass ?? { ingested: [], reused: [] };
	return { result, issues, stats, report, ok, outputDigest, ingested, reused };
}
