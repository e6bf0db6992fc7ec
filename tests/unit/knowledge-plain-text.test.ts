import { describe, expect, test } from 'vitest';
import { toPlainText } from '../../src/lib/knowledge/plain-text.ts';
import { reportTextGroups } from '../../src/lib/knowledge/report-text.ts';
import type { ReportFrontmatter, SourceRecord } from '../../src/lib/frontmatter.ts';

const data: ReportFrontmatter = {
	id: 'r1',
	title: '建设学习团队',
	subtitle: '——市财政局经验材料',
	unit: '市财政局',
	unitParts: ['市财政局'],
	unitAnonymized: false,
	author: null,
	category: '学习型机关',
	categorySlug: 'jiguan',
	reportType: '经验材料',
	date: '2010-12',
	datePrecision: 'month',
	dateSource: 'compilation',
	themes: [],
	themeSlugs: [],
	namedPractices: [],
	abstract: null,
	keywords: [],
	source: 'a.txt',
	sourceSlug: 'a',
	compilationTitle: '经验汇编',
	order: 0,
	tocPage: 4,
	section: null,
	lines: [1, 9],
	truncated: false,
};
const toc: SourceRecord['toc'] = [
	{ kind: 'report', title: 't', subtitle: null, unit: null, page: 4, reportId: 'r1' },
	{ kind: 'report', title: 'u', subtitle: null, unit: null, page: 6, reportId: null },
];

describe('toPlainText', () => {
	test('BOM, CRLF, one blank line between groups, a final line end', () => {
		expect(toPlainText([['标题', '副题'], ['正文。']])).toBe(
			'\uFEFF标题\r\n副题\r\n\r\n正文。\r\n',
		);
	});

	test('a line cannot break the layout: line breaks and tabs inside it become spaces; empty lines and groups are left out', () => {
		expect(toPlainText([['一\r\n二\u2028三\t四', '  ', ''], [], [''], ['五']])).toBe(
			'\uFEFF一 二 三 四\r\n\r\n五\r\n',
		);
	});

	test('markup is text: nothing is escaped or interpreted', () => {
		expect(toPlainText([['<b>&amp;</b>']])).toBe('\uFEFF<b>&amp;</b>\r\n');
	});
});

describe('reportTextGroups', () => {
	const blocks = [
		{ tag: 'h2' as const, id: 'h-1', text: '一、主要做法' },
		{ tag: 'p' as const, id: 'p-1', text: '我局坚持读书。' },
	];

	test('title, facts (pages from the TOC, the inherited date marked), then one group per block', () => {
		expect(reportTextGroups(data, { toc, licence: null }, blocks, null)).toEqual([
			['建设学习团队', '——市财政局经验材料'],
			['单位：市财政局', '日期：收录于 2010年12月', '出处：《经验汇编》，第 4-5 页'],
			['一、主要做法'],
			['我局坚持读书。'],
		]);
	});

	test('a declared licence and the page address are added when known', () => {
		const [, facts] = reportTextGroups(
			data,
			{ toc, licence: 'CC BY 4.0' },
			blocks,
			'https://kb.test/reports/r1/',
		);
		expect(facts).toEqual([
			'单位：市财政局',
			'日期：收录于 2010年12月',
			'出处：《经验汇编》，第 4-5 页',
			'许可：CC BY 4.0',
			'网址：https://kb.test/reports/r1/',
		]);
	});

	test('without a compilation record, the TOC page the report records', () => {
		const [, facts] = reportTextGroups(
			{ ...data, unit: null, date: null, datePrecision: 'none', dateSource: 'none' },
			undefined,
			blocks,
			null,
		);
		expect(facts).toEqual(['日期：未注明日期', '出处：《经验汇编》，第 4 页']);
	});
});
