/**
 * Machine-readable metadata of a report page's `<head>`: schema.org JSON-LD (a `Report` that
 * is `isPartOf` its compilation `Book`) and Dublin Core `<meta name="DC.*">` pairs.
 *
 * Uses only recorded facts. `jsonLdText` escapes `<` (and U+2028/9) so the JSON can sit in a
 * `<script type="application/ld+json">` without ending it; it is data, never executed, so a CSP
 * without 'unsafe-inline' allows it. Doesn’t render HTML.
 */
import type { ReportFrontmatter, SourceRecord } from '../frontmatter.ts';
import { formatPages, pageRange } from './page-range.ts';
import { declaredLicence } from './report-record.ts';

type Source = Pick<
	SourceRecord,
	'title' | 'editor' | 'publisher' | 'place' | 'date' | 'licence' | 'toc' | 'url'
>;

/**
 * schema.org JSON-LD object of a report page.
 * @param url The page's absolute URL, or its site-relative path when the build has no site
 *   (JSON-LD resolves a relative `@id` against the page).
 */
export function reportJsonLd(data: ReportFrontmatter, source: Source | undefined, url: string) {
	const range = source ? pageRange(source.toc, data.id, data.folios) : null;
	const ld: Record<string, unknown> = {
		'@context': 'https://schema.org',
		'@type': 'Report',
		'@id': url,
		url,
		name: data.title + (data.subtitle ?? ''),
		headline: data.title,
		inLanguage: 'zh-CN',
		genre: data.reportType,
		about: data.category,
		keywords: data.themes.join(', '),
	};
	const authors = [
		data.unit && { '@type': 'Organization', name: data.unit },
		data.author && { '@type': 'Person', name: data.author },
	].filter(Boolean);
	if (authors.length) ld.author = authors;
	if (data.date && data.dateSource === 'report') ld.dateCreated = data.date;
	if (range) {
		ld.pageStart = range.first;
		if (range.last !== null) ld.pageEnd = range.last;
		ld.pagination = formatPages(range);
	}
	const book: Record<string, unknown> = { '@type': 'Book', name: data.compilationTitle };
	if (source?.editor) book.editor = { '@type': 'Person', name: source.editor };
	if (source?.publisher) book.publisher = { '@type': 'Organization', name: source.publisher };
	if (source?.place) book.locationCreated = source.place;
	if (source?.date) book.datePublished = source.date;
	ld.isPartOf = book;
	const licence = declaredLicence(source);
	if (licence) ld.license = licence;
	return ld;
}

/** JSON text safe inside `<script type="application/ld+json">`. */
export function jsonLdText(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/**
 * Dublin Core `[name, content]` pairs (`DC.title` …), empty values left out, in a fixed order.
 * @param url The page's absolute URL (`DC.identifier`), or null to leave it out (no `--site`).
 */
export function dublinCore(
	data: ReportFrontmatter,
	source: Source | undefined,
	url: string | null,
): Array<[string, string]> {
	const pairs: Array<[string, string | null]> = [
		['DC.title', data.title + (data.subtitle ?? '')],
		['DC.creator', data.unit],
		['DC.creator', data.author],
		['DC.date', data.date],
		['DC.type', data.reportType],
		['DC.subject', data.category],
		...data.themes.map((t): [string, string] => ['DC.subject', t]),
		['DC.language', 'zh-CN'],
		['DC.identifier', url],
		['DC.source', data.compilationTitle],
		['DC.publisher', source?.publisher ?? null],
		['DC.rights', declaredLicence(source)],
	];
	return pairs.filter((p): p is [string, string] => p[1] !== null && p[1] !== '');
}
