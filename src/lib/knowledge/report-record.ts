/**
 * The data records of the downloads: one flat metadata row per report (CSV), one full record
 * per report (JSONL and `/reports/<id>.json`), each carrying its source's licence.
 *
 * The full text is `bodyText` of the rendered body (headings and paragraphs, `\n\n` between
 * blocks). Doesn’t serialise (see `toCsv`) and doesn’t know the site's base URL: `url` is
 * site-relative, as in catalog.json.
 */
import type { ReportFrontmatter, SourceRecord } from '../frontmatter.ts';
import { bodyText, isHeading, type RenderedBlock } from './rendered-blocks.ts';
import { formatPages, pageRange } from './page-range.ts';
import { reportPath } from '../site/routes.ts';

/**
 * The licence a source's metadata file declares, or null when it declares none. Pages show
 * null as 未注明 or leave it out (`DC.rights`, JSON-LD), never a made-up value.
 */
export function declaredLicence(source: Pick<SourceRecord, 'licence'> | undefined): string | null {
	return source?.licence?.trim() || null;
}

/** Licence of a source's data files (CSV, JSON): the declared one, else the token `unknown`. */
export function licenceOf(source: Pick<SourceRecord, 'licence'> | undefined): string {
	return declaredLicence(source) ?? 'unknown';
}

/** Columns of reports.csv, in order (also the datapackage schema's field names). */
export const CSV_FIELDS = [
	'id',
	'url',
	'title',
	'subtitle',
	'unit',
	'author',
	'category',
	'reportType',
	'date',
	'datePrecision',
	'dateSource',
	'themes',
	'namedPractices',
	'compilation',
	'compilationSlug',
	'tocPage',
	'pages',
	'source',
	'licence',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** The CSV row of a report; lists are joined with `; `, unknown values are ''. */
export function csvRow(
	data: ReportFrontmatter,
	source: SourceRecord | undefined,
): Record<CsvField, string> {
	const range = source ? pageRange(source.toc, data.id, data.folios) : null;
	return {
		id: data.id,
		url: reportPath(data.id),
		title: data.title,
		subtitle: data.subtitle ?? '',
		unit: data.unit ?? '',
		author: data.author ?? '',
		category: data.category,
		reportType: data.reportType,
		date: data.date ?? '',
		datePrecision: data.datePrecision,
		dateSource: data.dateSource,
		themes: data.themes.join('; '),
		namedPractices: data.namedPractices.join('; '),
		compilation: data.compilationTitle,
		compilationSlug: data.sourceSlug,
		tocPage: data.tocPage === null ? '' : String(data.tocPage),
		pages: range ? formatPages(range) : '',
		source: data.source,
		licence: licenceOf(source),
	};
}

/** A report's full record: frontmatter, URL, pages, licence, text and its anchored blocks. */
export function fullRecord(
	data: ReportFrontmatter,
	source: SourceRecord | undefined,
	blocks: readonly RenderedBlock[],
) {
	const range = source ? pageRange(source.toc, data.id, data.folios) : null;
	return {
		...data,
		url: reportPath(data.id),
		pages: range,
		licence: licenceOf(source),
		text: bodyText(blocks),
		// The downloads' block format: `type`, and '' for a block without an id.
		blocks: blocks.map((b) => ({
			type: isHeading(b) ? 'heading' : 'paragraph',
			id: b.id ?? '',
			text: b.text,
		})),
	};
}

/** One JSONL line per report: the full record without `blocks` (the text is enough for corpora). */
export function jsonlLine(record: ReturnType<typeof fullRecord>): string {
	const { blocks: _blocks, ...rest } = record;
	return JSON.stringify(rest);
}
