import { describe, expect, test } from 'vitest';
import { findReportDate, parseDate } from '../../src/lib/ingest/report/metadata/index.ts';

describe('parseDate', () => {
	test.each([
		['2011年6月18日', '2011-06-18', 'day'],
		['2011-06-18', '2011-06-18', 'day'],
		['2011.6.18', '2011-06-18', 'day'],
		['2011/6/8', '2011-06-08', 'day'],
		['2010年12月', '2010-12', 'month'],
		['2011-06', '2011-06', 'month'],
		['2010年', '2010', 'year'],
		['２０１１年６月', '2011-06', 'month'],
		['2011 年 5 月 4 日', '2011-05-04', 'day'],
		['二〇〇九年一月十八日', '2009-01-18', 'day'],
		['二○一一年七月十四日', '2011-07-14', 'day'],
		['二零一零年八月', '2010-08', 'month'],
		['二〇一〇年八月', '2010-08', 'month'],
		['二〇一〇年十月', '2010-10', 'month'],
		['二〇一〇年十二月二十日', '2010-12-20', 'day'],
		['二〇一〇年十月三十一日', '2010-10-31', 'day'],
		['二〇〇八年二月二十九日', '2008-02-29', 'day'],
		['二〇一〇年', '2010', 'year'],
		['五九七农场街道办事处2011年6月18日', '2011-06-18', 'day'],
		// letter spaces: one date, whatever the space
		['二 〇 一 一 年 六 月', '2011-06', 'month'],
		['二　〇　一　一　年　六　月　十　八　日', '2011-06-18', 'day'],
		['2011 年 6 月 18 日', '2011-06-18', 'day'],
		['2 0 1 1 年 6 月', '2011-06', 'month'],
		['二〇一一年　六月', '2011-06', 'month'],
		['延庆县水务局　　二 〇 一 一 年 六 月', '2011-06', 'month'],
		// every zero glyph
		['二OO九年三月', '2009-03', 'month'],
		['二ＯＯ九年三月', '2009-03', 'month'],
		['二◯◯九年三月', '2009-03', 'month'],
		['二零零九年三月', '2009-03', 'month'],
		['二〇〇九年正月', '2009-01', 'month'],
	])('reads %s as %s (%s)', (text, date, precision) => {
		expect(parseDate(text)).toMatchObject({ date, precision });
	});

	test.each([
		['20xx年'],
		['20XX年上半年'],
		['***年***月'],
		['XX年'],
		['2011年***月'],
		['2011年X月'],
		['2011年2月30日'],
		['2011年13月'],
		['二〇〇九年二月二十九日'],
		['二〇一〇年十三月'],
		['3.14'],
		['2011.6'],
		['没有日期的一句话。'],
		['20xx年x月x日'],
		['XX年XX月XX日'],
		['２０XX年'],
		['二〇XX年'],
	])('returns null for %s', (text) => {
		expect(parseDate(text)).toBeNull();
	});
});

const BODY = '我们坚持每周集中学习一次，形成了浓厚的学习氛围，干部素质明显提高，工作成效显著。';

describe('findReportDate', () => {
	test.each([
		['a date alone at the end', [BODY, '', '二〇〇九年一月十八日'], '2009-01-18', 2],
		['a unit line then a date line', [BODY, 'XX街道XX村党总支', '2011年5月'], '2011-05', 2],
		['a unit and a date on one line', [BODY, '五九七农场街道办事处2011年6月18日'], '2011-06-18', 1],
		[
			'a date followed by an author line',
			[BODY, '二○一一年七月十四日', '作者:张三'],
			'2011-07-14',
			1,
		],
		['a letter-spaced date', [BODY, '延庆县水务局', '二 〇 一 一 年 六 月'], '2011-06', 2],
		[
			'a unit and a spaced Arabic date on one line',
			[BODY, '延庆县水务局　2011 年 6 月 18 日'],
			'2011-06-18',
			1,
		],
		['the last date of a sign-off line', [BODY, '延庆县水务局 2011年6月18日'], '2011-06-18', 1],
	])('finds %s', (_name, lines, date, lineIndex) => {
		expect(findReportDate(lines)).toMatchObject({ date, lineIndex });
	});

	test.each([
		['a date range in a heading', [BODY, '2008—2009年']],
		['a range inside a sentence', [BODY, '2008—2009年县级学习型组织先进单位']],
		['a phase heading with a date', [BODY, '（三）巩固深化阶段(2011年10月至2012年初)']],
		['a date above the last body paragraph', ['2011年5月', BODY + BODY]],
		['a placeholder', [BODY, '20xx年6月']],
		['a date inside a sentence', [BODY, '2011年5月，我们召开了动员会。']],
		['no date at all', [BODY]],
		['a phase heading with a spaced range', [BODY, '（二）全面推进阶段（2011 年 4 月至 10 月）']],
		['a range of years in a heading', [BODY, '三、2009—2010年工作安排']],
		['a ***年***月 placeholder', [BODY, '***局', '***年***月']],
	])('ignores %s', (_name, lines) => {
		expect(findReportDate(lines)).toBeNull();
	});
});
