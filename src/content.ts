/**
 * The one module through which pages get content: every `getCollection()` call lives here,
 * so the renderer behind report bodies can be swapped without touching a page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import {
	createComponent,
	render,
	unescapeHTML,
	type AstroComponentFactory,
} from 'astro/runtime/server/index.js';
import path from 'node:path';
import {
	groupByCategory,
	groupByTheme,
	groupByUnit,
	groupByYear,
	type Group,
} from './lib/site/group-items.ts';
import { reportItem, tocOnlyItem, type ListItem } from './lib/site/list-item.ts';
import { neighbourMap, type Neighbours } from './lib/site/neighbours.ts';
import { relatedIndex, relatedReports } from './lib/site/related.ts';
import { readBodyBlocks, type RenderedBlock } from './lib/knowledge/rendered-blocks.ts';
import { readBody, type BodyRef } from './loaders/report-bodies.ts';
import { practicesFromReports, type Practice } from './lib/knowledge/collect-practices.ts';
import { relatedByBigrams } from './lib/knowledge/related-by-content.ts';
import {
	isRelatedPairs,
	isReportKnowledge,
	isReportPractices,
	reportKnowledge,
	type ReportKnowledge,
} from './lib/knowledge/report-knowledge.ts';
import {
	corpusDigest,
	knowledgeCacheDir,
	readCacheFile,
	reportKey,
	REPORTS_FILE,
	RESULT_FILE,
	writeCacheFile,
} from './loaders/knowledge-cache.ts';

export type ReportEntry = CollectionEntry<'reports'>;
export type CompilationEntry = CollectionEntry<'compilations'>;
export type TocOnlyEntryData = CollectionEntry<'tocOnly'>['data'];

let reportsCache: Promise<ReportEntry[]> | undefined;

/** All reports, in compilation order (source file, then position in the compilation). */
export function getReports(): Promise<ReportEntry[]> {
	reportsCache ??= getCollection('reports').then((entries) =>
		entries.sort(
			(a, b) => a.data.source.localeCompare(b.data.source) || a.data.order - b.data.order,
		),
	);
	return reportsCache;
}

/** All compilations (source files), sorted by file name. */
export async function getCompilations(): Promise<CompilationEntry[]> {
	const entries = await getCollection('compilations');
	return entries.sort((a, b) => a.data.file.localeCompare(b.data.file));
}

/** Reports known only from a table of contents (正文未收录). */
export async function getTocOnly(): Promise<TocOnlyEntryData[]> {
	const entries = await getCollection('tocOnly');
	return entries
		.map((e) => e.data)
		.sort((a, b) => a.source.localeCompare(b.source) || a.order - b.order);
}

/** Report ids no report has any more (the id registry), by id. */
export async function getRetired(): Promise<Array<CollectionEntry<'retired'>['data']>> {
	const entries = await getCollection('retired');
	return entries.map((e) => e.data).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function bodyRef(entry: ReportEntry): BodyRef {
	const ref = entry.rendered?.metadata as Partial<BodyRef> | undefined;
	if (!ref?.bodyFile)
		throw new Error(
			`Report ${entry.id} has no rendered body (expected the huibian reports loader)`,
		);
	return { bodyFile: ref.bodyFile, headings: ref.headings ?? [] };
}

/**
 * Render a report body: the `<Content />` component and its headings. The HTML is the loader's
 * (`renderMdx`), read from its body file, not from the data store (`loaders/report-bodies.ts`
 * says why), so Astro's own `render(entry)` would render nothing: use this. The component is
 * built the way Astro's `render()` builds it from stored HTML, so the page is the same.
 */
export function renderReport(entry: ReportEntry): {
	Content: AstroComponentFactory;
	headings: BodyRef['headings'];
} {
	const { bodyFile, headings } = bodyRef(entry);
	const html = readBody(bodyFile);
	return { Content: createComponent(() => render`${unescapeHTML(html)}`), headings };
}

/** The body blocks (headings, paragraphs with their anchor ids) of one report, from its body. */
export function reportBlocks(entry: ReportEntry): RenderedBlock[] {
	return readBodyBlocks(readBody(bodyRef(entry).bodyFile));
}

export interface BrowseIndex {
	/** Every listing row: reports (with excerpt; reprints left out) and TOC-only entries. */
	items: ListItem[];
	byId: Map<string, ListItem>;
	categories: Group[];
	themes: Group[];
	units: Group[];
	years: Group[];
	neighbours: Map<string, Neighbours<ListItem>>;
	related: (item: ListItem) => ListItem[];
}

let browseCache: Promise<BrowseIndex> | undefined;

/** The browsing facets of the whole site, computed once per build. */
export function getBrowseIndex(): Promise<BrowseIndex> {
	browseCache ??= (async () => {
		const [reports, compilations, tocOnly, knowledge] = await Promise.all([
			getReports(),
			getCompilations(),
			getTocOnly(),
			getKnowledge(),
		]);
		const sources = new Map(compilations.map((c) => [c.data.slug, c.data]));
		// A reprint (the same report in a later compilation) is counted once, as its canonical
		// copy: not in the listings, groups and statistics; its compilation still lists it.
		const reprints = reports
			.filter((r) => r.data.reprintOf)
			.map((r) => reportItem(r.data, knowledge.excerpts.get(r.id) ?? ''));
		const items = [
			...reports
				.filter((r) => !r.data.reprintOf)
				.map((r) => reportItem(r.data, knowledge.excerpts.get(r.id) ?? '')),
			...tocOnly.flatMap((t) => {
				const source = sources.get(t.sourceSlug);
				return source ? [tocOnlyItem(t, source)] : [];
			}),
		];
		const index = relatedIndex(items);
		const { related } = knowledge;
		const byId = new Map([...items, ...reprints].map((i) => [i.id, i]));
		return {
			items,
			byId,
			categories: groupByCategory(items),
			themes: groupByTheme(items),
			units: groupByUnit(items),
			years: groupByYear(items),
			neighbours: neighbourMap([...items, ...reprints].filter((i) => i.kind === 'report')),
			// By content (TF-IDF over character bigrams); the shared-theme list only when the text
			// finds no neighbour (a very short report).
			related: (item) => {
				const ids = related.get(item.id) ?? [];
				const found = ids.map((id) => byId.get(id)).filter((i): i is ListItem => i !== undefined);
				return found.length > 0 ? found : relatedReports(item, index);
			},
		};
	})();
	return browseCache;
}

export interface KnowledgeIndex {
	/** Opening excerpt of every report's body, by id. */
	excerpts: Map<string, string>;
	/** Named practices with each report that uses them. */
	practices: Practice[];
	/** Related report ids by content, most similar first. */
	related: Map<string, string[]>;
	/** Compilation records by slug. */
	sources: Map<string, CompilationEntry['data']>;
}

let knowledgeCache: Promise<KnowledgeIndex> | undefined;

/**
 * Excerpts, practices and related-by-content of the whole site, computed once per build from one
 * read of every report body. Keeps only what the pages need afterwards (a page needing a
 * report's blocks reads them: `reportBlocks`).
 */
export function getKnowledge(): Promise<KnowledgeIndex> {
	knowledgeCache ??= (async () => {
		const [reports, compilations] = await Promise.all([getReports(), getCompilations()]);
		const { values, related } = await reportsKnowledge(reports);
		const excerpts = new Map(reports.map((r, i) => [r.id, values[i]!.excerpt]));
		const practices = practicesFromReports(
			reports.map((r, i) => ({ data: r.data, practices: values[i]!.practices })),
		);
		const sources = new Map(compilations.map((c) => [c.data.slug, c.data]));
		return { excerpts, practices, related, sources };
	})();
	return knowledgeCache;
}

type KnownReport = Pick<ReportKnowledge, 'excerpt' | 'practices'>;

/** What the cache keeps of the last build's whole result (`RESULT_FILE`). */
interface KnowledgeResult {
	values: KnownReport[];
	related: Map<string, string[]>;
}

/** Time since now, as `1.23 s, 1.10 CPU s`, for the build's log line. */
function stopwatch(): () => string {
	const start = { wall: performance.now(), cpu: process.cpuUsage() };
	return () => {
		const cpu = process.cpuUsage(start.cpu);
		const s = (x: number) => x.toFixed(2);
		const wall = (performance.now() - start.wall) / 1000;
		return `${s(wall)} s, ${s((cpu.user + cpu.system) / 1e6)} CPU s`;
	};
}

/** The cached whole result, if it is of this `digest`, intact and of the expected shape. */
function reusableResult(
	kept: Record<string, unknown> | undefined,
	digest: string,
	count: number,
): KnowledgeResult | undefined {
	if (
		kept?.digest === digest &&
		Array.isArray(kept.values) &&
		kept.values.length === count &&
		(kept.values as unknown[]).every(
			(v) =>
				isString((v as KnownReport)?.excerpt) && isReportPractices((v as KnownReport).practices),
		) &&
		isRelatedPairs(kept.related)
	)
		return { values: kept.values as KnownReport[], related: new Map(kept.related) };
	return undefined;
}

/**
 * Each report's knowledge: the cached value of its key (`previous`, or an earlier report with
 * the same key) when intact, else computed from its body. `entries` is the new cache.
 */
function knowledgeOfEach(
	reports: readonly ReportEntry[],
	files: readonly string[],
	keys: readonly string[],
	previous: Map<unknown, unknown>,
): { values: ReportKnowledge[]; entries: Map<string, ReportKnowledge>; computed: number } {
	const entries = new Map<string, ReportKnowledge>();
	let computed = 0;
	const values = reports.map((r, i) => {
		const key = keys[i]!;
		const known = entries.get(key) ?? previous.get(key);
		const value = isReportKnowledge(known)
			? known
			: (computed++, reportKnowledge(readBody(files[i]!), r.data));
		entries.set(key, value);
		return value;
	});
	return { values, entries, computed };
}

/**
 * Each report's excerpt and practices, and the related lists, reusing the last builds' work kept
 * in the cache folder (`loaders/knowledge-cache.ts`): the whole result when no report's key
 * changed (and none was added, removed or reordered), else each unchanged report's value, so
 * only the changed bodies are parsed again; related-by-content then runs on all reports' cached
 * bigrams. A cached value that is not intact or not of the expected shape is computed again.
 */
async function reportsKnowledge(reports: readonly ReportEntry[]): Promise<KnowledgeResult> {
	const first = reports[0];
	if (!first) return { values: [], related: new Map() };
	const took = stopwatch();
	const files = reports.map((r) => bodyRef(r).bodyFile);
	const dir = knowledgeCacheDir(bodyRef(first).bodyFile);
	const keys = reports.map((r, i) => reportKey(readBody(files[i]!), r.data));
	const digest = corpusDigest(
		reports.map((r, i) => ({ id: r.id, reprint: Boolean(r.data.reprintOf), key: keys[i]! })),
	);
	const kept = (await readCacheFile(path.join(dir, RESULT_FILE))) as Record<string, unknown>;
	const reused = reusableResult(kept, digest, reports.length);
	if (reused) {
		console.info(`huibian: knowledge index reused whole (${reports.length} reports, ${took()})`);
		return reused;
	}
	const stored = await readCacheFile(path.join(dir, REPORTS_FILE));
	const previous = stored instanceof Map ? (stored as Map<unknown, unknown>) : new Map();
	const { values, entries, computed } = knowledgeOfEach(reports, files, keys, previous);
	// A reprint is not "related" to anything: its canonical copy is (it would be its own twin).
	const related = relatedByBigrams(
		reports.flatMap((r, i) =>
			r.data.reprintOf ? [] : [{ id: r.id, bigrams: values[i]!.bigrams }],
		),
	);
	const reusedCount = reports.length - computed;
	console.info(
		`huibian: knowledge index: ${computed} of ${reports.length} reports parsed, ` +
			`${reusedCount} reused; related by content recomputed (${took()})`,
	);
	await Promise.all([
		computed > 0 || previous.size !== entries.size
			? writeCacheFile(path.join(dir, REPORTS_FILE), entries)
			: undefined,
		writeCacheFile(path.join(dir, RESULT_FILE), {
			digest,
			values: values.map(({ excerpt, practices }) => ({ excerpt, practices })),
			related: [...related],
		}),
	]);
	return { values, related };
}

const isString = (x: unknown): x is string => typeof x === 'string';
