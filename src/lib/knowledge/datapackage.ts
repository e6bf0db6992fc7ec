/**
 * The Frictionless Data Package descriptor (`/data/datapackage.json`) of the downloads:
 * reports.csv (tabular, with a Table Schema), reports.jsonl and catalog.json.
 *
 * Licences: the distinct licences of the sources (`unknown` when a source declares none);
 * each row also carries its own `licence`. Doesn’t check the files exist.
 */
import { CSV_FIELDS, type CsvField } from './report-record.ts';

const descriptions: Record<CsvField, string> = {
	id: 'Stable report id (also the URL slug)',
	url: 'Site-relative URL of the report page',
	title: 'Title as printed',
	subtitle: 'Subtitle, with its leading ——',
	unit: 'Organisation that wrote the report',
	author: 'Personal author, when printed',
	category: 'Category (学习型机关 …)',
	reportType: 'Report type (自评报告 …)',
	date: 'ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
	datePrecision: 'day, month, year or none',
	dateSource: 'report (own sign-off), compilation (inherited) or none',
	themes: 'Theme labels, strongest first, separated by "; "',
	namedPractices: 'Named programmes as printed, separated by "; "',
	compilation: 'Title of the compilation',
	compilationSlug: 'Slug of the compilation page',
	tocPage: 'First page in the compilation’s table of contents',
	pages: 'Page range from the table of contents (12-15, or the first page only)',
	source: 'Source file name',
	licence: 'Licence of the source (unknown when not declared)',
};

/**
 * @param licences Licence of every source (duplicates allowed).
 * @param title Site title.
 * @param homepage Absolute URL of the site, or null (a build without `--site`): then the
 *   descriptor has no `homepage` (resource paths are relative to it anyway).
 */
export function dataPackage(licences: readonly string[], title: string, homepage: string | null) {
	const distinct = [...new Set(licences.length ? licences : ['unknown'])].sort();
	return {
		profile: 'data-package',
		name: 'huibian-reports',
		title,
		...(homepage === null ? {} : { homepage }),
		licenses: distinct.map((name) => ({
			name,
			title: name === 'unknown' ? 'Licence not declared by the source' : name,
		})),
		resources: [
			{
				name: 'reports-csv',
				path: 'reports.csv',
				profile: 'tabular-data-resource',
				format: 'csv',
				mediatype: 'text/csv',
				encoding: 'utf-8-sig',
				dialect: {
					delimiter: ',',
					lineTerminator: '\r\n',
					quoteChar: '"',
					doubleQuote: true,
					header: true,
				},
				schema: {
					fields: CSV_FIELDS.map((name) => ({
						name,
						type: name === 'tocPage' ? 'integer' : 'string',
						description: descriptions[name],
					})),
					primaryKey: 'id',
				},
			},
			{
				name: 'reports-jsonl',
				path: 'reports.jsonl',
				format: 'jsonl',
				mediatype: 'application/x-ndjson',
				encoding: 'utf-8',
				description:
					'One JSON object per line and report: the frontmatter fields of catalog.json, url, ' +
					'pages, licence, and text = the visible text of the rendered body (headings and ' +
					'paragraphs in order, separated by a blank line)',
			},
			{
				name: 'catalog',
				path: '../catalog.json',
				format: 'json',
				mediatype: 'application/json',
				description:
					'Sources (compilations with tables of contents), reports and entries known only ' +
					'from a table of contents',
			},
		],
	};
}
