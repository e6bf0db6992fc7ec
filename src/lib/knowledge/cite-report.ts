/**
 * Citations of a report (a part of a compilation) and of a whole compilation, in three forms:
 * GB/T 7714-2015 text, BibTeX and CSL-JSON.
 *
 * GB/T 7714-2015 §8.1 (析出文献): `责任者. 题名[G]//编者. 汇编题名. 出版地: 出版者, 出版年: 页码.`
 * Uses only recorded facts: place, publisher, editor, year and pages are left out when
 * unknown, never invented (GB/T's `[出版地不详]`/`[s.n.]` placeholders are not used either).
 * Doesn’t escape HTML; BibTeX values are brace-escaped.
 */
import type { ReportFrontmatter, SourceRecord } from '../frontmatter.ts';
import { formatPages, pageRange, type PageRange } from './page-range.ts';

export type CiteReport = Pick<
	ReportFrontmatter,
	| 'id'
	| 'title'
	| 'subtitle'
	| 'unit'
	| 'author'
	| 'date'
	| 'dateSource'
	| 'compilationTitle'
	| 'sourceSlug'
	| 'folios'
>;
export type CiteSource = Pick<
	SourceRecord,
	'slug' | 'title' | 'editor' | 'publisher' | 'place' | 'date' | 'toc' | 'url'
>;

export interface Citations {
	gbt: string;
	bibtex: string;
	csl: Record<string, unknown>;
	pages: PageRange | null;
}

const subtitleText = (s: string | null) => (s === null ? '' : s.replace(/^——\s*/u, ''));
const fullTitle = (title: string, subtitle: string | null) =>
	subtitle ? `${title}: ${subtitleText(subtitle)}` : title;
const creators = (r: CiteReport) => [r.author, r.unit].filter((x): x is string => x !== null);
const bib = (value: string) => value.replace(/[\\{}]/g, (c) => `\\${c}`);

/** `出版地: 出版者, 年: 页码` with missing parts dropped, as GB/T 7714 orders them. */
function publication(source: CiteSource, pages: string | null): string {
	const where = [source.place, source.publisher]
		.filter((x): x is string => x !== null && x !== '')
		.join(': ');
	const year = source.date?.slice(0, 4) ?? null;
	const wy = [where, year].filter((x): x is string => !!x).join(', ');
	return [wy, pages].filter((x): x is string => !!x).join(': ');
}

function dateParts(date: string | null): number[][] | null {
	return date ? [date.split('-').map(Number)] : null;
}

/** A BibTeX entry; `author`/`editor` hold `{Name}` groups already (corporate names stay whole). */
function bibtexEntry(type: string, key: string, fields: Array<[string, string | null]>): string {
	const value = (k: string, v: string) => (k === 'author' || k === 'editor' ? v : bib(v));
	const lines = fields
		.filter(([, v]) => v !== null && v !== '')
		.map(([k, v]) => `  ${k} = {${value(k, v!)}}`);
	return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}

/**
 * @param report The report's frontmatter.
 * @param found Its compilation (catalog record, with the metadata file's facts merged in);
 *   when missing, only the compilation title the report records is cited.
 * @param url Absolute URL of the report page, for BibTeX and CSL (not part of the GB/T line);
 *   null (a build without `--site`) leaves the URL out: a reader copies what is printed.
 */
export function citeReport(
	report: CiteReport,
	found: CiteSource | undefined,
	url: string | null,
): Citations {
	const source: CiteSource = found ?? {
		slug: report.sourceSlug,
		title: report.compilationTitle,
		editor: null,
		publisher: null,
		place: null,
		date: null,
		toc: [],
		url: null,
	};
	const range = pageRange(source.toc, report.id, report.folios);
	const pages = range ? formatPages(range) : null;
	const who = creators(report);
	const authors = who.length ? `${who.join(', ')}. ` : '';
	const head = `${authors}${fullTitle(report.title, report.subtitle)}[G]`;
	const host = `${source.editor ? `${source.editor}. ` : ''}${source.title}`;
	const tail = publication(source, pages);
	const gbt = `${head}//${host}${tail ? `. ${tail}` : ''}.`;
	const year = source.date?.slice(0, 4) ?? null;
	const bibtex = bibtexEntry('incollection', report.id, [
		['author', who.map((w) => `{${bib(w)}}`).join(' and ') || null],
		['title', fullTitle(report.title, report.subtitle)],
		['booktitle', source.title],
		['editor', source.editor && `{${bib(source.editor)}}`],
		['publisher', source.publisher],
		['address', source.place],
		['year', year],
		['pages', range ? formatPages(range, '--') : null],
		['url', url],
		['language', 'chinese'],
	]);
	const csl: Record<string, unknown> = {
		id: report.id,
		type: 'chapter',
		title: fullTitle(report.title, report.subtitle),
	};
	if (who.length) csl.author = who.map((literal) => ({ literal }));
	csl['container-title'] = source.title;
	if (source.editor) csl.editor = [{ literal: source.editor }];
	if (source.publisher) csl.publisher = source.publisher;
	if (source.place) csl['publisher-place'] = source.place;
	const issued = dateParts(report.dateSource === 'report' ? report.date : source.date);
	if (issued) csl.issued = { 'date-parts': issued };
	if (pages) csl.page = pages;
	if (url) csl.URL = url;
	csl.language = 'zh-CN';
	return { gbt, bibtex, csl, pages: range };
}

/**
 * The whole compilation as a book: `编者. 汇编题名[G]. 出版地: 出版者, 出版年.`
 * @param source The compilation record.
 * @param url Absolute URL of the compilation page, or null to leave it out.
 */
export function citeCompilation(source: CiteSource, url: string | null): Citations {
	const tail = publication(source, null);
	const editor = source.editor ? `${source.editor}. ` : '';
	const gbt = `${editor}${source.title}[G]${tail ? `. ${tail}` : ''}.`;
	const bibtex = bibtexEntry('collection', source.slug, [
		['editor', source.editor && `{${bib(source.editor)}}`],
		['title', source.title],
		['publisher', source.publisher],
		['address', source.place],
		['year', source.date?.slice(0, 4) ?? null],
		['url', url],
		['language', 'chinese'],
	]);
	const csl: Record<string, unknown> = { id: source.slug, type: 'book', title: source.title };
	if (source.editor) csl.editor = [{ literal: source.editor }];
	if (source.publisher) csl.publisher = source.publisher;
	if (source.place) csl['publisher-place'] = source.place;
	const issued = dateParts(source.date);
	if (issued) csl.issued = { 'date-parts': issued };
	if (url) csl.URL = url;
	csl.language = 'zh-CN';
	return { gbt, bibtex, csl, pages: null };
}

/** CSL-JSON text to show and copy: indented, with number arrays (`date-parts`) kept on one line. */
export function cslText(csl: Record<string, unknown>): string {
	return JSON.stringify([csl], null, 2).replace(
		/\[\s*((?:\[[\d,\s]*\]\s*,?\s*)+)\]/g,
		(_m, inner: string) => `[${inner.replace(/\s+/g, '').replace(/,/g, ', ')}]`,
	);
}
