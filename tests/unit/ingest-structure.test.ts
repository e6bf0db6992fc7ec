import { describe, expect, test } from 'vitest';
import { buildBlocks } from '../../src/lib/ingest/report/blocks.ts';
import { assignHeadings } from '../../src/lib/ingest/report/headings.ts';
import { parseToc, pageTail } from '../../src/lib/ingest/structure/parse-toc.ts';
import { locateReports } from '../../src/lib/ingest/structure/locate-reports.ts';
import { createRepairLog } from '../../src/lib/ingest/lines/repair-log.ts';
import { toSourceLines } from '../../src/lib/ingest/lines/source-lines.ts';
import { splitGluedHeadings } from '../../src/lib/ingest/report/split-glued.ts';
import { authorOf } from '../../src/lib/ingest/report/sign-off.ts';
import { isUnitLine, unitFromHeadline, isAnonymised } from '../../src/lib/ingest/report/unit.ts';
import { isTeaser } from '../../src/lib/ingest/structure/split-single.ts';

const lines = (text: string) => toSourceLines(text, createRepairLog());

describe('pageTail', () => {
	test.each([
		['——延庆县农经站创建学习型机关自评报告……………(1)', '——延庆县农经站创建学习型机关自评报告', 1],
		[
			'——延庆县统计局 调查队创建学习型机关自评报告 (92)',
			'——延庆县统计局 调查队创建学习型机关自评报告',
			92,
		],
		['- 香营学校创建学习型学校自评报告…………… (202)', '- 香营学校创建学习型学校自评报告', 202],
		['…………… (363)', '', 363],
		[
			'1、狠抓学习提素质 勇争排头促发展\t市统计局\t1',
			'1、狠抓学习提素质 勇争排头促发展\t市统计局',
			1,
		],
		['（一）宣传发动阶段（2003—2004）', '（一）宣传发动阶段（2003—2004）', null],
	] as const)('%s', (input, rest, page) => {
		expect(pageTail(input)).toEqual({ rest, page });
	});
});

describe('parseToc', () => {
	test('returns null without a 目录 line', () => {
		expect(parseToc(lines('标题\n\n正文。'))).toBeNull();
	});

	test('reads section markers, wrapped titles, subtitles and pages on the next line', () => {
		const toc = parseToc(
			lines(
				[
					'目 录',
					'◆ 学习型企业建设',
					'创建学习型企业 构筑核心竞争力',
					'——北京光瑞机械制造有限公司创建学习型企业自评报告',
					'…………… (363)',
					'很长的正文段落，不属于目录。',
				].join('\n\n'),
			),
		);
		expect(toc?.items.map((i) => [i.kind, i.title, i.subtitle, i.page, i.section])).toEqual([
			['section', '学习型企业建设', null, null, null],
			[
				'report',
				'创建学习型企业 构筑核心竞争力',
				'——北京光瑞机械制造有限公司创建学习型企业自评报告',
				363,
				'学习型企业建设',
			],
		]);
		expect(toc?.end).toBe(8);
	});

	test('reads TAB columns N、title<TAB>unit<TAB>page and 第N部分 sections', () => {
		const toc = parseToc(
			lines(
				'目 录\n第二部分 外部参考\n1、河北磁县“学习超市”吸引干部选学\t109\n2、建设学习团队 助力财政发展\t市财政局\t4',
			),
		);
		expect(toc?.items.map((i) => [i.kind, i.title, i.unit, i.page, i.section])).toEqual([
			['section', '外部参考', null, null, null],
			['report', '河北磁县“学习超市”吸引干部选学', null, 109, '外部参考'],
			['report', '建设学习团队 助力财政发展', '市财政局', 4, '外部参考'],
		]);
	});
});

describe('locateReports', () => {
	test('finds titles in order, tells same-title entries apart by subtitle, leaves the rest TOC-only', () => {
		const src = lines(
			[
				'目 录',
				'A',
				'创建学习型学校 促进发展',
				'——甲小学创建学习型学校自评报告',
				'创建学习型学校 促进发展',
				'——乙小学创建学习型学校自评报告',
				'创建学习型学校 促进发展',
				'——乙小学创建学习型学校自评报告',
				'正文。',
			].join('\n'),
		);
		const items = [
			{
				kind: 'report' as const,
				title: '创建学习型学校 促进发展',
				subtitle: '——甲小学创建学习型学校自评报告',
				unit: null,
				page: 1,
				section: null,
				line: 3,
			},
			{
				kind: 'report' as const,
				title: '创建学习型学校促进发展',
				subtitle: '——乙小学创建学习型学校自评报告',
				unit: null,
				page: 5,
				section: null,
				line: 5,
			},
		];
		const located = locateReports(src, items, 4);
		expect(located.map((l) => l.start)).toEqual([-1, 4]);
	});

	test('a unique title is found even when the body omits its subtitle', () => {
		const src = lines('目 录\n独有的标题\n正文。');
		const item = {
			kind: 'report' as const,
			title: '独有的标题',
			subtitle: '——某单位创建学习型机关自评报告',
			unit: null,
			page: 1,
			section: null,
			line: 1,
		};
		expect(locateReports(src, [item], 1).map((l) => l.start)).toEqual([1]);
	});

	test('matches a title wrapped over two lines in the body', () => {
		const src = lines(
			'创建学习型机关 构筑高素质队伍为构建和谐社\n会提供优质高效的法律服务\n正文。',
		);
		const item = {
			kind: 'report' as const,
			title: '创建学习型机关 构筑高素质队伍为构建和谐社会提供优质高效的法律服务',
			subtitle: null,
			unit: null,
			page: 1,
			section: null,
			line: 1,
		};
		expect(locateReports(src, [item], 0).map((l) => [l.start, l.titleEnd])).toEqual([[0, 1]]);
	});
});

describe('splitGluedHeadings', () => {
	test.each([
		['坚持科学理论指导。 (三)目标任务', ['坚持科学理论指导。', '(三)目标任务']],
		[
			'四、组织保障 (一)加强组织领导。为切实加强组织领导,决定建立领导小组。',
			['四、组织保障', '(一)加强组织领导。为切实加强组织领导,决定建立领导小组。'],
		],
		[
			'(二)建设学习型兴谷是实现街道经济振兴的强大动力 当前,我街道正在着力打造新兴谷。',
			['(二)建设学习型兴谷是实现街道经济振兴的强大动力', '当前,我街道正在着力打造新兴谷。'],
		],
		['(三) 建设学习型兴谷的必然要求', ['(三) 建设学习型兴谷的必然要求']],
		['主要存在以下问题:第一、由于党员年龄偏大。', ['主要存在以下问题:第一、由于党员年龄偏大。']],
		[
			'一是建章立制,加强督促检查。 街道工委根据实际',
			['一是建章立制,加强督促检查。 街道工委根据实际'],
		],
	])('%s', (input, expected) => {
		expect(splitGluedHeadings(input)).toEqual(expected);
	});
});

describe('assignHeadings', () => {
	const p = (text: string, line = 1) => ({ text, line });
	test('levels follow the nesting order of appearance', () => {
		const blocks = assignHeadings([
			p('一、主要做法'),
			p('1、理清一条思路'),
			p('正文。'),
			p('二、几点思考'),
			p('（一）第一点'),
			p('1.子项'),
			p('正文。'),
		]);
		expect(blocks.map((b) => (b.type === 'heading' ? b.depth : 0))).toEqual([2, 3, 0, 2, 3, 4, 0]);
	});

	test('full- and half-width parentheses are one style', () => {
		const blocks = assignHeadings([
			p('一、做法'),
			p('（一）甲项工作'),
			p('正文。'),
			p('(二)乙项工作'),
			p('正文。'),
		]);
		expect(blocks.map((b) => (b.type === 'heading' ? b.depth : 0))).toEqual([2, 3, 0, 3, 0]);
	});

	test('run-in sentences, long items and sibling list items are not headings', () => {
		const blocks = assignHeadings([
			p('一是“照镜子”——实现自我超越。'),
			p('(一)加强组织领导。为切实加强学习型党组织创建的组织领导,决定建立领导小组。'),
			p('1、研究制定创建活动规划和计划。'),
			p('2、召开相关部门会议,部署创建工作具体事宜。'),
			p('1、街道党工委中心组学习活动由街道宣传部门牵头负责;'),
		]);
		expect(blocks.every((b) => b.type === 'paragraph')).toBe(true);
	});

	test('a short marker line ending with 。 followed by plain text is a heading', () => {
		const blocks = assignHeadings([p('2、广泛宣传，全面动员。'), p('通过多种途径宣传发动。')]);
		expect(blocks[0]).toEqual({
			type: 'heading',
			depth: 2,
			text: '2、广泛宣传，全面动员。',
			line: 1,
		});
	});
});

describe('buildBlocks', () => {
	test('keeps source line numbers and logs a stray page number', () => {
		const log = createRepairLog();
		const blocks = buildBlocks(lines('成立了以工委书 12\n\n记为组长的领导小组。\n\n第二段。'), log);
		expect(blocks).toEqual([
			{ type: 'paragraph', text: '成立了以工委书记为组长的领导小组。', line: 1 },
			{ type: 'paragraph', text: '第二段。', line: 5 },
		]);
		expect(log.cuts).toEqual([{ line: 1, rule: 'page-number-at-break', text: ' 12' }]);
	});

	test('does not join a short title-like line to the next paragraph', () => {
		const blocks = buildBlocks(
			lines('学习型组织的创建必须从实际出发\n\n学习型组织的建设必须结合实际。'),
			createRepairLog(),
		);
		expect(blocks.map((b) => b.text)).toEqual([
			'学习型组织的创建必须从实际出发',
			'学习型组织的建设必须结合实际。',
		]);
	});
});

describe('units and authors', () => {
	test.each([
		['——延庆县农经站创建学习型机关自评报告', '延庆县农经站'],
		['——城镇工委 城镇办事处创建学习型机关自评报告', '城镇工委 城镇办事处'],
		['——***街道工委学习型党组织建设上半年总结', '***街道工委'],
		['延庆县人民检察院创建学习型机关自查报告', '延庆县人民检察院'],
		['创建学习型机关 构筑高素质队伍', null],
		['街道办事处创建学习型党组织工作汇报', null],
	])('unitFromHeadline(%s) → %s', (input, expected) => {
		expect(unitFromHeadline(input)).toBe(expected);
	});

	test.each([
		['市统计局', true],
		['中共上海市闸北区委宣传部', true],
		['XX街道XX村党总支', true],
		['建设学习型社会', false],
		['二〇〇九年一月十八日', false],
		['市统计局按照市委的要求，开展工作。', false],
	])('isUnitLine(%s) → %s', (input, expected) => {
		expect(isUnitLine(input)).toBe(expected);
	});

	test.each([
		['作者:马宏均', '马宏均'],
		['（执笔：邬德华）', '邬德华'],
		['作者认为,学习很重要。', null],
	])('authorOf(%s) → %s', (input, expected) => {
		expect(authorOf(input)).toBe(expected);
	});

	test('anonymised names are flagged', () => {
		expect([
			isAnonymised('***街道工委'),
			isAnonymised('XX村'),
			isAnonymised('延庆县农经站'),
		]).toEqual([true, true, false]);
	});
});

describe('isTeaser', () => {
	test('a line ending in an ellipsis that repeats the following text is a teaser', () => {
		const src = lines(
			' 创建学习型机关的实践与思考  学习型机关的提法，源于...\n创建学习型机关的实践与思考\n学习型机关的提法，源于20世纪60年代。',
		);
		expect(isTeaser(src, 0)).toBe(true);
	});

	test('a line that doesn’t repeat the text is not a teaser', () => {
		const src = lines(
			'本文讨论学习型组织的建设问题...\n创建学习型机关的实践与思考\n学习型机关的提法，源于20世纪60年代。',
		);
		expect(isTeaser(src, 0)).toBe(false);
	});
});
