import { describe, expect, test } from 'vitest';
import { createRepairLog } from '../../src/lib/ingest/lines/repair-log.ts';
import { normaliseSpaces } from '../../src/lib/ingest/lines/spaces.ts';
import { toSourceLines } from '../../src/lib/ingest/lines/source-lines.ts';

describe('normaliseSpaces (docs/ingest-spec.md §6.4)', () => {
	test.each([
		['letter-spaced heading', '前 言', 'title', '前言'],
		['letter-spaced unit', '市 科 技 局', 'body', '市科技局'],
		['ideographic letter-spacing', '前\u3000\u3000言', 'title', '前言'],
		[
			'phrase separators kept in titles',
			'强素质 促发展 努力打造学习型农经新形象',
			'title',
			'强素质 促发展 努力打造学习型农经新形象',
		],
		[
			'CJK and digits',
			'在职正式职工 37 人，本科学历 22 人',
			'body',
			'在职正式职工37人，本科学历22人',
		],
		['CJK and Latin', '借鉴企业 A 管理模式', 'body', '借鉴企业A管理模式'],
		[
			'Latin words keep one space',
			'Key words:knowledge  economy',
			'body',
			'Key words:knowledge economy',
		],
		['space after CJK punctuation', '提高学习效果。 街道工委', 'body', '提高学习效果。街道工委'],
		['space before CJK punctuation', '优质服务 、做好后勤', 'body', '优质服务、做好后勤'],
		['space after a heading marker', '二、 学习型组织特点', 'body', '二、学习型组织特点'],
		['leading and trailing spaces', '  正文。 ', 'body', '正文。'],
		[
			'a title keeps a space between Han characters after a quote mark only if not punctuation',
			'积极推动“解剖麻雀” 活动深入开展',
			'title',
			'积极推动“解剖麻雀”活动深入开展',
		],
		[
			'sparse soft-wrap residue in a long paragraph',
			'坚持从实际出发,研究辖区内各单位人员的具体情况,根据受教 育对象的不同层次,制定各种教育培训计划,确保教育培训的针对性和实效性。',
			'body',
			'坚持从实际出发,研究辖区内各单位人员的具体情况,根据受教育对象的不同层次,制定各种教育培训计划,确保教育培训的针对性和实效性。',
		],
		[
			'dense separators in a list of names are kept',
			'组长:王建忠 兴谷开发区主任 副组长:赵丽明 兴谷街道办事处副主任',
			'body',
			'组长:王建忠 兴谷开发区主任 副组长:赵丽明 兴谷街道办事处副主任',
		],
		['placeholders kept verbatim', '20xx年，***街道和XX村', 'body', '20xx年，***街道和XX村'],
	] as const)('%s', (_name, input, mode, expected) => {
		expect(normaliseSpaces(input, mode, createRepairLog())).toBe(expected);
	});

	test('counts each removed or collapsed space run as layout-space', () => {
		const log = createRepairLog();
		normaliseSpaces('职工 37 人', 'body', log);
		expect(log.counts).toEqual({ 'layout-space': 2 });
	});

	test('keeps full-width punctuation (no NFKC)', () => {
		expect(normaliseSpaces('（一）“学习”：﹤好﹥', 'body', createRepairLog())).toBe(
			'（一）“学习”：﹤好﹥',
		);
	});
});

describe('toSourceLines', () => {
	test('removes private-use, zero-width and control characters, counting each by rule', () => {
		const log = createRepairLog();
		const lines = toSourceLines('学\u200b习\u0007\n参考文献:\uE003\uE003\n\t保留 TAB', log);
		expect(lines).toEqual([
			{ no: 1, text: '学习' },
			{ no: 2, text: '参考文献:' },
			{ no: 3, text: '\t保留 TAB' },
		]);
		expect(log.counts).toEqual({ 'zero-width-control': 2, 'private-use': 2 });
	});

	test('a form feed (pdftotext’s page break) leaves the line, and is no repair', () => {
		const log = createRepairLog();
		expect(toSourceLines('\f第一页\n正文\u200b\n\f第二页\r', log)).toEqual([
			{ no: 1, text: '第一页' },
			{ no: 2, text: '正文' },
			{ no: 3, text: '第二页' },
		]);
		expect(log.counts).toEqual({ 'zero-width-control': 2 });
	});
});
