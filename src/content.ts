/**
 * The one module through which pages get content: every `getCollection()` call lives here,
 * so the renderer behind report bodies can be swapped without touching a page.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';

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
