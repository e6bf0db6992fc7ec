/**
 * The one module through which pages get content: every `getCollection()` call lives here,
 * so the renderer behind report bodies can be swapped without touching a page.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { excerptFromHtml } from './lib/site/excerpt.ts';
import { groupByCategory, groupByTheme, groupByUnit, groupByYear, type Group } from './lib/site/group-items.ts';
import { reportItem, tocOnlyItem, type ListItem } from './lib/site/list-item.ts';
import { neighbourMap, type Neighbours } from './lib/site/neighbours.ts';
import { relatedIndex, relatedReports } from './lib/site/related.ts';
import { bodyBlocks, bodyText, type BodyBlock } from './lib/knowledge/body-blocks.ts';
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

/** Render a report body: the `<Content />` component and its headings. */
export async function renderReport(entry: ReportEntry) {
	const { Content, headings } = await render(entry);
	return { Content, headings };
}

export interface BrowseIndex {
	/** Every listing row: reports (with excerpt) and TOC-only entries. */
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
		const [reports, compilations, tocOnly] = await Promise.all([getReports(), getCompilations(), getTocOnly()]);
		const sources = new Map(compilations.map((c) => [c.data.slug, c.data]));
		const items = [
			...reports.map((r) => reportItem(r.data, excerptFromHtml(r.rendered?.html ?? ''))),
			...tocOnly.flatMap((t) => {
				const source = sources.get(t.sourceSlug);
				return source ? [tocOnlyItem(t, source)] : [];
			}),
		];
		const index = relatedIndex(items);
		const { related } = await getKnowledge();
		const byId = new Map(items.map((i) => [i.id, i]));
		return {
			items,
			byId,
			categories: groupByCategory(items),
			themes: groupByTheme(items),
			units: groupByUnit(items),
			years: groupByYear(items),
			neighbours: neighbourMap(items.filter((i) => i.kind === 'report')),
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
	/** Body blocks (headings, paragraphs with their anchor ids) of every report, by id. */
	blocks: Map<string, BodyBlock[]>;
	/** Named practices with each report that uses them. */
	practices: Practice[];
	/** Related report ids by content, most similar first. */
	related: Map<string, string[]>;
	/** Compilation records by slug. */
	sources: Map<string, CompilationEntry['data']>;
}

let knowledgeCache: Promise<KnowledgeIndex> | undefined;

/** Practices, body blocks and related-by-content of the whole site, computed once per build. */
export function getKnowledge(): Promise<KnowledgeIndex> {
	knowledgeCache ??= (async () => {
		const [reports, compilations] = await Promise.all([getReports(), getCompilations()]);
		const blocks = new Map(reports.map((r) => [r.id, bodyBlocks(r.rendered?.html ?? '')]));
		const practices = collectPractices(reports.map((r) => ({ data: r.data, blocks: blocks.get(r.id) ?? [] })));
		const related = relatedByContent(
			reports.map((r) => ({ id: r.id, text: `${r.data.title}\n${bodyText(blocks.get(r.id) ?? [])}` })),
		);
		const sources = new Map(compilations.map((c) => [c.data.slug, c.data]));
		return { blocks, practices, related, sources };
	})();
	return knowledgeCache;
}
