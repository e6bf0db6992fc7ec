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
import { excerptFromHtml } from './lib/site/excerpt.ts';
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
import { bodyBlocks, bodyText, type BodyBlock } from './lib/knowledge/body-blocks.ts';
import { readBody, type BodyRef } from './loaders/report-bodies.ts';
import { collectPractices, type Practice } from './lib/knowledge/collect-practices.ts';
import { relatedByContent } from './lib/knowledge/related-by-content.ts';

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

/** The body blocks (headings, paragraphs with their anchor ids) of one report, read from its body. */
export function reportBlocks(entry: ReportEntry): BodyBlock[] {
	return bodyBlocks(readBody(bodyRef(entry).bodyFile));
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
 * read of every report body. Keeps only what the pages need afterwards: the body text of all
 * reports is held just while related-by-content is computed, blocks only for the reports that
 * name a practice (a page needing a report's blocks reads them: `reportBlocks`).
 */
export function getKnowledge(): Promise<KnowledgeIndex> {
	knowledgeCache ??= (async () => {
		const [reports, compilations] = await Promise.all([getReports(), getCompilations()]);
		const excerpts = new Map<string, string>();
		const withPractices: Array<{ data: ReportEntry['data']; blocks: BodyBlock[] }> = [];
		const texts: Array<{ id: string; text: string }> = [];
		for (const r of reports) {
			const html = readBody(bodyRef(r).bodyFile);
			const blocks = bodyBlocks(html);
			excerpts.set(r.id, excerptFromHtml(html));
			if (r.data.namedPractices.length > 0) withPractices.push({ data: r.data, blocks });
			// A reprint is not "related" to anything: its canonical copy is (it would be its own twin).
			if (!r.data.reprintOf) texts.push({ id: r.id, text: `${r.data.title}\n${bodyText(blocks)}` });
		}
		const practices = collectPractices(withPractices);
		const related = relatedByContent(texts);
		const sources = new Map(compilations.map((c) => [c.data.slug, c.data]));
		return { excerpts, practices, related, sources };
	})();
	return knowledgeCache;
}
