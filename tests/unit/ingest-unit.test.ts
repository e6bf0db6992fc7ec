/**
 * Unit names (docs/ingest-spec.md §2, issue 21 item 6): lines a maintainer meets in unseen books, each
 * with the unit a librarian reads from it by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { readSignOff } from '../../src/lib/ingest/report/sign-off.ts';
import type { IngestBlock } from '../../src/lib/ingest/types.ts';
import {
	collapseLetterSpacing,
	isAnonymised,
	isUnitLine,
	joinWrappedUnit,
	unitFromHeadline,
	unitFromSubtitle,
	unitOfLines,
	unitPartsOf,
	unitText,
} from '../../src/lib/ingest/report/unit.ts';

const vocab = parseVocabulary(
	readFileSync(new URL('../../content/vocabulary.yaml', import.meta.url), 'utf8'),
);
const words = vocab.categories.flatMap((c) => c.unitWords);
const p = (text: string, line = 1): IngestBlock => ({ type: 'paragraph', text, line });
const BODY = p(
	'我们坚持每周集中学习一次，形成了浓厚的学习氛围，干部素质明显提高，各项工作取得了新的成效。',
	3,
);

describe('unitFromHeadline', () => {
	test.each([
		['——延庆县农经站创建学习型机关自评报告', '延庆县农经站'],
		['——城镇工委 城镇办事处创建学习型机关自评报告', '城镇工委 城镇办事处'],
		['——延庆县水务局党组关于创建学习型机关的工作汇报', '延庆县水务局党组'],
		['延庆县人民检察院创建学习型机关自查报告', '延庆县人民检察院'],
		['——***街道工委学习型党组织建设上半年总结', '***街道工委'],
		['——清河县水务局2010年上半年工作总结', '清河县水务局'],
		['——清河县妇联开展创建学习型家庭活动情况汇报', '清河县妇联'],
		['——清河县住房和城乡建设局二〇一一年工作总结', '清河县住房和城乡建设局'],
		['——清河重型机械有限公司经验材料', '清河重型机械有限公司'],
		['——延庆县水务局', '延庆县水务局'],
	])('%s → %s', (headline, unit) => {
		expect(unitFromHeadline(headline, words)).toBe(unit);
	});

	test.each([
		['——在全县学习型组织建设经验交流会上的发言'],
		['——记清河县水务局的学习之路'],
		['——浅谈机关学习型组织建设'],
		['——创建学习型机关的实践与思考'],
		['——街道创建学习型党组织工作汇报'],
		['——我们的学习型机关建设'],
	])('%s names no writer', (headline) => {
		expect(unitFromHeadline(headline, words)).toBeNull();
	});
});

describe('unitFromSubtitle keeps the parts of a joint unit', () => {
	test.each([
		[
			'——中共XX工委 XX办事处创建学习型党组织工作总结',
			'——中共XX工委XX办事处创建学习型党组织工作总结',
			'中共XX工委 XX办事处',
		],
		[
			'——延庆县统计局 调查队创建学习型机关自评报告',
			'——延庆县统计局 调查队创建学习型机关自评报告',
			'延庆县统计局 调查队',
		],
		[
			'——延庆县农经站创建学习型机关自评报告',
			'——延庆县农经站创建学习型机关自评报告',
			'延庆县农经站',
		],
		// A stray space inside one name is no joint unit: the normalised reading wins.
		['——清河县 A 公司创建学习型企业自评报告', '——清河县A公司创建学习型企业自评报告', '清河县A公司'],
	])('%s', (raw, normalised, unit) => {
		expect(unitFromSubtitle(raw, normalised, words)).toBe(unit);
	});
});

describe('unit lines', () => {
	test.each([
		['延庆县水务局', true],
		['中共上海市闸北区委宣传部', true],
		['***街道工委', true],
		['XX街道XX村党总支', true],
		['中共双桥镇委员会', true],
		['街道办事处', false],
		['强素质 促发展', false],
		['二〇一一年六月', false],
		['一、加强组织领导', false],
	])('%s is a unit line: %s', (line, yes) => {
		expect(isUnitLine(line, words)).toBe(yes);
	});

	test.each([
		[
			'北京德青源农业科技股份有限公司延庆',
			'养殖基地',
			'北京德青源农业科技股份有限公司延庆养殖基地',
		],
		['中共延庆县委教育工委 延庆县教育', '委员会', '中共延庆县委教育工委 延庆县教育委员会'],
		['清河县人力资源和社会', '保障局', '清河县人力资源和社会保障局'],
	])('%s ⏎ %s is one wrapped unit', (a, b, joined) => {
		expect(joinWrappedUnit(a, b, words)).toBe(joined);
	});

	test.each([
		['延庆县水务局', '延庆县农经站', 'two units, not one wrapped'],
		['努力打造学习型机关', '延庆县水务局', 'a title line above a unit'],
		['服务延庆现代化', '——延庆县统计局创建学习型机关自评报告', 'a title line above a subtitle'],
		['以人为本 和谐发展', '共建美丽社区', 'a two-line slogan'],
	])('%s ⏎ %s is not (%s)', (a, b) => {
		expect(joinWrappedUnit(a, b, words)).toBeNull();
	});

	test.each([
		[
			['中共上海市闸北区委宣传部', '上海市闸北区文明办'],
			'中共上海市闸北区委宣传部 上海市闸北区文明办',
			2,
		],
		[['市 科 技 局'], '市科技局', 1],
		[
			['北京德青源农业科技股份有限公司延庆', '养殖基地', '延庆县农经站'],
			'北京德青源农业科技股份有限公司延庆养殖基地 延庆县农经站',
			3,
		],
		[['延庆县水务局', '今年以来，我局扎实开展创建活动。'], '延庆县水务局', 1],
	])('%j → %s', (lines, unit, taken) => {
		expect(unitOfLines(lines, words)).toEqual({ unit, lines: taken });
	});

	test.each([
		['中共XX工委 XX办事处', ['中共XX工委', 'XX办事处'], true],
		['***街道工委', ['***街道工委'], true],
		['XX街道XX村党总支', ['XX街道XX村党总支'], true],
		['城镇工委　城镇办事处', ['城镇工委', '城镇办事处'], false],
		['延庆县统计局、调查队', ['延庆县统计局', '调查队'], false],
	])('%s: parts %j, anonymised %s', (unit, parts, anonymised) => {
		expect(unitPartsOf(unit)).toEqual(parts);
		expect(isAnonymised(unit)).toBe(anonymised);
	});

	test.each([
		['（中共延庆县委组织部）', '中共延庆县委组织部'],
		['【延庆县水务局】', '延庆县水务局'],
		['报送单位：延庆县水务局', '延庆县水务局'],
		['单位:延庆县水务局', '延庆县水务局'],
		['延庆县水务局（盖章）', '延庆县水务局'],
		['延庆县水务局 (公章)', '延庆县水务局'],
		['延庆县水务局供稿', '延庆县水务局'],
		['延 庆 县 水 务 局', '延庆县水务局'],
		['（执笔：张三）', '执笔：张三'],
	])('the name on the unit line %s is %s', (line, name) => {
		expect(unitText(line)).toBe(name);
	});

	test('letter-spaced names are collapsed, others only trimmed', () => {
		expect([
			collapseLetterSpacing(' 兴 谷 街 道 '),
			collapseLetterSpacing('强素质 促发展'),
		]).toEqual(['兴谷街道', '强素质 促发展']);
	});
});

describe('readSignOff: the unit and date that close a report', () => {
	test.each<[string, IngestBlock[], string | null, string | null]>([
		[
			'unit and date on one line',
			[BODY, p('五九七农场街道办事处2011年6月18日')],
			'五九七农场街道办事处',
			'2011-06-18',
		],
		[
			'unit line, then a letter-spaced date',
			[BODY, p('延庆县水务局'), p('二 〇 一 一 年 六 月')],
			'延庆县水务局',
			'2011-06',
		],
		[
			'a letter-spaced unit, then a date',
			[BODY, p('延 庆 县 水 务 局'), p('2011年6月')],
			'延庆县水务局',
			'2011-06',
		],
		[
			'unit and a spaced date after full-width spaces',
			[BODY, p('延庆县水务局　　2011 年 6 月 18 日')],
			'延庆县水务局',
			'2011-06-18',
		],
		[
			'a joint unit on two lines',
			[BODY, p('中共XX工委'), p('XX办事处'), p('二〇一一年七月')],
			'中共XX工委 XX办事处',
			'2011-07',
		],
		[
			'a unit wrapped over two lines',
			[BODY, p('北京德青源农业科技股份有限公司延庆'), p('养殖基地'), p('2010年12月')],
			'北京德青源农业科技股份有限公司延庆养殖基地',
			'2010-12',
		],
		['a placeholder date under the unit', [BODY, p('***局'), p('***年***月')], '***局', null],
		['a 20xx date under the unit', [BODY, p('XX村党支部'), p('20xx年x月x日')], 'XX村党支部', null],
		['the unit alone as the last line', [BODY, p('延庆县水务局')], '延庆县水务局', null],
		[
			'an author line after the date',
			[BODY, p('延庆县水务局'), p('二〇一一年六月'), p('（执笔：张三）')],
			'延庆县水务局',
			'2011-06',
		],
		['a date alone', [BODY, p('二〇〇九年一月十八日')], null, '2009-01-18'],
		['body text only', [BODY, BODY], null, null],
		[
			'a unit with its seal note',
			[BODY, p('延庆县水务局（盖章）'), p('二〇一一年六月十八日')],
			'延庆县水务局',
			'2011-06-18',
		],
		[
			'a date in brackets',
			[BODY, p('延庆县水务局'), p('（二〇一一年六月十八日）')],
			'延庆县水务局',
			'2011-06-18',
		],
	])('%s', (_name, blocks, unit, date) => {
		const found = readSignOff(blocks, words);
		expect({ unit: found.unit, date: found.date?.date ?? null }).toEqual({ unit, date });
	});
});
