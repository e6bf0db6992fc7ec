import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/lib/knowledge/csv.ts';
import { parseCsv } from '../helpers/csv.ts';
import { dataPackage } from '../../src/lib/knowledge/datapackage.ts';
import { dublinCore, jsonLdText, reportJsonLd } from '../../src/lib/knowledge/head-metadata.ts';
import {
	CSV_FIELDS,
	csvRow,
	fullRecord,
	jsonlLine,
	licenceOf,
} from '../../src/lib/knowledge/report-record.ts';
import type { ReportFrontmatter, SourceRecord } from '../../src/lib/frontmatter.ts';

const data: ReportFrontmatter = {
	id: 'r1',
	title: '标题, 带逗号',
	subtitle: '——“副题”',
	unit: '市局',
	unitParts: ['市局'],
	unitAnonymized: false,
	author: null,
	category: '学习型机关',
	categorySlug: 'jiguan',
	reportType: '经验材料',
	date: '2010-12',
	datePrecision: 'month',
	dateSource: 'report',
	themes: ['读书活动', '学习制度'],
	themeSlugs: ['dushu', 'zhidu'],
	namedPractices: ['“十个一”'],
	abstract: null,
	keywords: [],
	source: 'a.txt',
	sourceSlug: 'a',
	compilationTitle: '汇编',
	order: 0,
	tocPage: 3,
	section: null,
	lines: [1, 9],
	truncated: false,
};
const source = {
	file: 'a.txt',
	slug: 'a',
	shape: 'toc-compilation',
	title: '汇编',
	editor: null,
	publisher: '出版者',
	place: null,
	date: '2010-12',
	url: null,
	licence: null,
	preface: [],
	toc: [
		{ kind: 'report', title: 't', subtitle: null, unit: null, page: 3, reportId: 'r1' },
		{ kind: 'report', title: 'u', subtitle: null, unit: null, page: 7, reportId: null },
	],
	counts: { reports: 1, tocOnly: 1, warnings: 0 },
	repairs: {},
} satisfies SourceRecord;

describe('CSV', () => {
	test('BOM, CRLF, quoting of commas, quotes and line breaks', () => {
		const csv = toCsv(
			['a', 'b'],
			[
				{ a: '1,2', b: '他说"好"' },
				{ a: '多\n行', b: '' },
			],
		);
		expect(csv).toBe('\uFEFFa,b\r\n"1,2","他说""好"""\r\n"多\n行",\r\n');
	});

	test("7. a cell that starts like a formula (= + - @ TAB CR) is written with a leading ' so spreadsheets show text", () => {
		const csv = toCsv(
			['t'],
			[
				{ t: '=HYPERLINK("http://x","点击")' },
				{ t: '+1+1' },
				{ t: '-2+3' },
				{ t: '@SUM(A1)' },
				{ t: '\t=1' },
				{ t: '\r=1' },
				{ t: '学习=进步' },
				{ t: '——副标题' },
			],
		);
		expect(csv).toBe(
			'\uFEFFt\r\n"\'=HYPERLINK(""http://x"",""点击"")"\r\n\'+1+1\r\n\'-2+3\r\n\'@SUM(A1)\r\n\'\t=1\r\n"\'\r=1"\r\n学习=进步\r\n——副标题\r\n',
		);
	});

	test("round-trips any text (a cell a spreadsheet would run as a formula comes back with its leading ')", () => {
		// Issue 14: `=`, `+`, `-`, `@`, TAB and CR at the start of a cell make it a formula.
		const shown = (t: string) =>
			['=', '+', '-', '@', '\t', '\r'].includes(t.charAt(0)) ? `'${t}` : t;
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 5 }), (pairs) => {
				const rows = pairs.map(([a, b]) => ({ a, b }));
				expect(parseCsv(toCsv(['a', 'b'], rows))).toEqual([
					['a', 'b'],
					...pairs.map(([a, b]) => [shown(a), shown(b)]),
				]);
			}),
		);
	});

	test('a report row has every column, the TOC pages and the licence', () => {
		const row = csvRow(data, source);
		expect(Object.keys(row)).toEqual([...CSV_FIELDS]);
		expect(row).toMatchObject({
			pages: '3-6',
			licence: 'unknown',
			themes: '读书活动; 学习制度',
			tocPage: '3',
			author: '',
		});
		expect(csvRow(data, { ...source, licence: 'CC BY 4.0' }).licence).toBe('CC BY 4.0');
		expect(licenceOf(undefined)).toBe('unknown');
	});
});

describe('full record and JSONL', () => {
	const blocks = [
		{ tag: 'h2' as const, id: 'h-1', text: '一、做法' },
		{ tag: 'p' as const, id: 'p-2', text: '内容。' },
		{ tag: 'p' as const, id: null, text: '无编号。' },
	];
	test('carries frontmatter, URL, pages, licence and the text; JSONL drops the blocks only', () => {
		const record = fullRecord(data, source, blocks);
		expect(record).toMatchObject({
			...data,
			url: '/reports/r1/',
			pages: { first: 3, last: 6 },
			licence: 'unknown',
			text: '一、做法\n\n内容。\n\n无编号。',
		});
		// The downloads' block format: `type`, and '' for a block without an id.
		expect(record.blocks).toEqual([
			{ type: 'heading', id: 'h-1', text: '一、做法' },
			{ type: 'paragraph', id: 'p-2', text: '内容。' },
			{ type: 'paragraph', id: '', text: '无编号。' },
		]);
		const line = jsonlLine(record);
		expect(line).not.toContain('\n');
		const { blocks: _b, ...rest } = record;
		expect(JSON.parse(line)).toEqual(rest);
	});
});

describe('datapackage', () => {
	test('describes the CSV columns and lists the distinct licences', () => {
		const pkg = dataPackage(['unknown', 'CC BY 4.0', 'unknown'], '站', 'https://x.org/');
		expect(pkg.licenses.map((l) => l.name)).toEqual(['CC BY 4.0', 'unknown']);
		expect(pkg.resources[0]!.schema!.fields.map((f) => f.name)).toEqual([...CSV_FIELDS]);
		expect(pkg.resources.map((r) => r.path)).toEqual([
			'reports.csv',
			'reports.jsonl',
			'../catalog.json',
		]);
		expect(pkg.homepage).toBe('https://x.org/');
	});

	test('without a site (no --site) has no homepage rather than a made-up one', () => {
		expect(dataPackage([], '站', null)).not.toHaveProperty('homepage');
	});
});

describe('head metadata', () => {
	test('JSON-LD text cannot close its script element', () => {
		const text = jsonLdText({ name: '</script><script>alert(1)</script>\u2028' });
		expect(text).not.toContain('<');
		expect(text).not.toContain('\u2028');
		expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>\u2028' });
	});

	test('schema.org: a Report, part of its Book, with pages; no licence when none is declared', () => {
		const ld = reportJsonLd(data, source, 'https://x.org/reports/r1/');
		expect(ld).toMatchObject({
			'@type': 'Report',
			url: 'https://x.org/reports/r1/',
			dateCreated: '2010-12',
			pageStart: 3,
			pageEnd: 6,
			author: [{ '@type': 'Organization', name: '市局' }],
			isPartOf: { '@type': 'Book', name: '汇编', publisher: { name: '出版者' } },
		});
		expect(ld).not.toHaveProperty('license');
		expect(ld.isPartOf).not.toHaveProperty('editor');
		expect(reportJsonLd(data, { ...source, licence: 'CC BY 4.0' }, '/reports/r1/')).toMatchObject({
			license: 'CC BY 4.0',
			'@id': '/reports/r1/',
		});
	});

	test('Dublin Core pairs, empty ones left out: no DC.rights without a declared licence, no DC.identifier without a URL', () => {
		const dc = dublinCore(data, source, 'https://x.org/reports/r1/');
		expect(dc).toContainEqual(['DC.title', '标题, 带逗号——“副题”']);
		expect(dc).toContainEqual(['DC.identifier', 'https://x.org/reports/r1/']);
		expect(dc.map(([k]) => k)).not.toContain('DC.rights');
		expect(dublinCore(data, { ...source, licence: 'CC BY 4.0' }, null)).toContainEqual([
			'DC.rights',
			'CC BY 4.0',
		]);
		expect(dublinCore(data, source, null).map(([k]) => k)).not.toContain('DC.identifier');
		expect(dc.filter(([k]) => k === 'DC.subject').map(([, v]) => v)).toEqual([
			'学习型机关',
			'读书活动',
			'学习制度',
		]);
		expect(dc.filter(([k]) => k === 'DC.creator')).toEqual([['DC.creator', '市局']]);
	});
});
