/**
 * Issue 21: the TOC row shapes, tolerant title matching, reports found by their heads, the line
 * account and the layout-space rule, one explicit case per behaviour (the fixtures under
 * tests/fixtures/toc-* and no-toc-book show them on whole compilations).
 */
import { describe, expect, test } from 'vitest';
import { accountLines } from '../../src/lib/ingest/structure/account-lines.ts';
import { editDistance, looseMatch } from '../../src/lib/ingest/structure/match-title.ts';
import { parseToc } from '../../src/lib/ingest/structure/parse-toc.ts';
import { createRepairLog } from '../../src/lib/ingest/lines/repair-log.ts';
import { toSourceLines } from '../../src/lib/ingest/lines/source-lines.ts';
import { endsInStub, splitGluedHeadings } from '../../src/lib/ingest/report/split-glued.ts';
import { reportSignals, splitByHeads } from '../../src/lib/ingest/structure/split-by-heads.ts';
import { readColumnToc } from '../../src/lib/ingest/structure/toc-columns.ts';
import { isHeaderRow, readTocRow } from '../../src/lib/ingest/structure/toc-row.ts';
import { isUnitLine } from '../../src/lib/ingest/report/unit.ts';

const lines = (text: string) => toSourceLines(text, createRepairLog());

describe('readTocRow', () => {
	test.each([
		['强化学习 提升素质…………市统计局……1', ['强化学习 提升素质', '市统计局'], 1, null],
		[
			'以学促干 打造学习型财政团队…市财政局…4',
			['以学促干 打造学习型财政团队', '市财政局'],
			4,
			null,
		],
		[
			'（1）建设学习型机关 提升服务水平．．．．．．（1）',
			['建设学习型机关 提升服务水平'],
			1,
			'paren',
		],
		['1、以校本培训促教师成长 ----------- 9', ['以校本培训促教师成长'], 9, 'arabic'],
		['2、让读书成为师生的习惯 --------- (13)', ['让读书成为师生的习惯'], 13, 'arabic'],
		[
			'1、狠抓学习提素质 勇争排头促发展\t市统计局\t1',
			['狠抓学习提素质 勇争排头促发展', '市统计局'],
			1,
			'arabic',
		],
		[
			'抓学习 强队伍 促发展          县农业局          1',
			['抓学习 强队伍 促发展', '县农业局'],
			1,
			null,
		],
		['学习立身 实干兴业 镇交通管理站 3', ['学习立身 实干兴业 镇交通管理站'], 3, null],
		['一、机关篇', ['机关篇'], null, 'cn'],
		[
			'——示范县农经站创建学习型机关自评报告……(1)',
			['——示范县农经站创建学习型机关自评报告'],
			1,
			null,
		],
		['…………… (363)', [], 363, null],
		['12', [], 12, null],
	] as const)('%s', (text, cells, page, number) => {
		const row = readTocRow(text, true);
		expect([row.cells, row.page, row.number?.style ?? null]).toEqual([cells, page, number]);
	});

	test('a number after a single space is a page only inside a TOC (and never after a clause mark)', () => {
		expect(readTocRow('学习立身 实干兴业 镇交通管理站 3').page).toBeNull();
		expect(readTocRow('职工人数达到，共 37', true).page).toBeNull();
	});

	test.each([
		['篇    名                单    位          页码', true],
		['篇 名 单 位 页 码', true],
		['页码', true],
		['单位建设学习型组织', false],
	] as const)('header row: %s', (text, header) => {
		expect(isHeaderRow(text)).toBe(header);
	});
});

describe('readColumnToc (a table extracted column by column)', () => {
	const isUnit = (t: string) => isUnitLine(t);
	test('pairs the N titles, N units and N pages', () => {
		const src = lines(
			'目录\n篇名\n抓学习 促发展\n书香润校园\n单位\n市国土资源局\n市实验小学\n页码\n1\n5\n抓学习 促发展\n市国土资源局\n正文。',
		);
		expect(readColumnToc(src, 0, isUnit)).toEqual({
			entries: [
				{ title: '抓学习 促发展', unit: '市国土资源局', page: 1, line: 3 },
				{ title: '书香润校园', unit: '市实验小学', page: 5, line: 4 },
			],
			end: 9,
		});
	});

	test('titles and pages only', () => {
		expect(
			readColumnToc(lines('目录\n甲乙丙丁\n戊己庚辛\n3\n9\n正文。'), 0, isUnit)?.entries.map(
				(e) => [e.title, e.unit, e.page],
			),
		).toEqual([
			['甲乙丙丁', null, 3],
			['戊己庚辛', null, 9],
		]);
	});

	test('is not a table when the counts disagree, or the TOC has rows', () => {
		expect(
			readColumnToc(lines('目录\n甲乙丙丁\n戊己庚辛\n壬癸子丑\n3\n9\n正文。'), 0, isUnit),
		).toBeNull();
		expect(readColumnToc(lines('目录\n甲乙丙丁……3\n戊己庚辛……9\n正文。'), 0, isUnit)).toBeNull();
	});
});

describe('parseToc (row shapes around the rows)', () => {
	const entries = (text: string) =>
		parseToc(lines(text))?.items.map((i) => [
			i.kind,
			i.title,
			i.subtitle,
			i.unit,
			i.page,
			i.section,
		]);

	test('a unit wrapped onto the next line joins the unit, a title wrapped joins the title', () => {
		expect(
			entries(
				'目　录\n坚持学习立局 推进依法行政 努力建设学习型服务型\n法治型税务机关……1\n以学习促创新 以创新促发展……中共青山县委农村工作\n委员会……6\n\n正文。',
			),
		).toEqual([
			[
				'report',
				'坚持学习立局 推进依法行政 努力建设学习型服务型法治型税务机关',
				null,
				null,
				1,
				null,
			],
			['report', '以学习促创新 以创新促发展', null, '中共青山县委农村工作委员会', 6, null],
		]);
	});

	test('a subtitle printed under a row that has its page belongs to that row', () => {
		expect(
			entries(
				'目录\n以读促学 共建书香社区……1\n——新华社区创建学习型社区经验材料\n学习型家庭……5\n——幸福里社区居委会\n\n正文。',
			),
		).toEqual([
			['report', '以读促学 共建书香社区', '——新华社区创建学习型社区经验材料', null, 1, null],
			['report', '学习型家庭', '——幸福里社区居委会', null, 5, null],
		]);
	});

	test('`一、` rows over entries numbered `（1）` are sections', () => {
		expect(
			entries(
				'目录\n一、机关篇\n（1）建设学习型机关（1）\n二、学校篇\n（2）以校本培训促教师成长（9）\n正文。',
			),
		).toEqual([
			['section', '机关篇', null, null, null, null],
			['report', '建设学习型机关', null, null, 1, '机关篇'],
			['section', '学校篇', null, null, null, null],
			['report', '以校本培训促教师成长', null, null, 9, '学校篇'],
		]);
	});

	test('a single-space row splits off a last word that reads as a unit, and keeps the whole row as an alternative', () => {
		const toc = parseToc(
			lines(
				'目录\n读书好 好读书 白河镇中心小学 4\n建设学习型村委会的几点做法 东坪村委会 8\n正文。',
			),
			['中心小学', '村委会'],
		);
		expect(toc?.items.map((i) => [i.title, i.unit, i.page, i.alternatives])).toEqual([
			[
				'读书好 好读书',
				'白河镇中心小学',
				4,
				[{ title: '读书好 好读书 白河镇中心小学', unit: null }],
			],
			[
				'建设学习型村委会的几点做法',
				'东坪村委会',
				8,
				[{ title: '建设学习型村委会的几点做法 东坪村委会', unit: null }],
			],
		]);
	});

	test('leaders before the page are no single-space row: a title ending in a unit word stays whole', () => {
		expect(entries('目录\n以读促学 共建书香社区……1\n办好老年大学……5\n正文。')?.[0]).toEqual([
			'report',
			'以读促学 共建书香社区',
			null,
			null,
			1,
			null,
		]);
	});
});

describe('looseMatch', () => {
	test.each([
		['以读促学共建书香社区', '以读促学共建书香社区的实践', 'prefix'],
		['四点半课堂让孩子有了好去处', '四点半课堂让孩子们有了好去处', 'edits'],
		['加强学习型党组织建设', '关于加强学习型党组织建设', 'contains'],
		['学习型社区', '学习型社区建设的几点体会和做法', null],
		['办学体会', '办好社区老年大学的几点体会', null],
		['社区老年大学办学体会', '办好社区老年大学的几点体会', null],
	] as const)('%s ~ %s', (toc, body, kind) => {
		expect(looseMatch(toc, body)).toBe(kind);
	});

	test('editDistance stops past its bound', () => {
		expect(editDistance('四点半课堂', '四点半课程', 2)).toBe(1);
		expect(editDistance('甲乙丙丁', '子丑寅卯', 1)).toBe(2);
	});
});

describe('splitByHeads (a book without a TOC)', () => {
	const book = [
		'经验材料',
		'',
		'某县委组织部',
		'',
		'2011年7月',
		'',
		'学习兴镇 实干富民',
		'',
		'——东关镇创建学习型乡镇经验材料',
		'',
		'东关镇党委',
		'',
		'东关镇辖十八个村。',
		'',
		'东关镇党委',
		'二〇一一年五月十二日',
		'',
		'建农家书屋',
		'西岭乡人民政府',
		'一、建好书屋',
		'全乡实现全覆盖。',
		'二〇一一年五月二十日',
		'',
		'学习兴村',
		'——南沟村创建学习型村庄经验材料',
		'南沟村把学习作为致富的第一动力。',
		'二〇一一年六月三日',
	].join('\n');

	test('a report starts at a title followed by a —— subtitle, or by a unit line and its body, after a sign-off', () => {
		expect(splitByHeads(lines(book), 0, []).map((s) => [s.start + 1, s.end])).toEqual([
			[7, 16],
			[18, 22],
			[24, 27],
		]);
	});

	test('one head is a single article: nothing is split', () => {
		expect(
			splitByHeads(
				lines('创建学习型机关\n——区委办创建学习型机关自评报告\n正文。\n2011年6月'),
				0,
				[],
			),
		).toEqual([]);
	});

	test('reportSignals counts sign-off dates after text and —— subtitles, not a cover date', () => {
		expect(reportSignals(lines(book), () => false)).toEqual({ signOffs: 3, subtitles: 2 });
	});
});

describe('accountLines', () => {
	test('text that belongs nowhere is kept with the next report and reported at its line', () => {
		const src = lines('封面\n目录\n甲……1\n\n（说明文字。）\n\n甲\n正文。');
		const spans = [{ start: 6, end: 8, order: 0, webLabel: null, bundle: false }];
		const { account, issues } = accountLines({
			file: 'a.txt',
			lines: src,
			spans,
			log: createRepairLog(),
			regions: [
				{ from: 0, to: 1, place: 'front' },
				{ from: 1, to: 3, place: 'toc' },
			],
		});
		expect(spans[0]!).toMatchObject({ lead: [[4, 5]] });
		expect(account).toMatchObject({
			report: [7, 8],
			kept: [5],
			front: [1],
			toc: [2, 3],
			unassigned: [],
		});
		expect(issues.map((i) => [i.line, i.ruleId, i.message])).toEqual([
			[
				5,
				'structure:unassigned',
				'Lines 5–5 (“（说明文字。）”) belong to no report, TOC or frame; kept with the report “甲”. Check the TOC and the report heads.',
			],
		]);
	});

	test('a source without reports leaves such text unassigned (and says so)', () => {
		const { account, issues } = accountLines({
			file: 'a.txt',
			lines: lines('目录\n说明。'),
			spans: [],
			log: createRepairLog(),
			regions: [{ from: 0, to: 1, place: 'toc' }],
		});
		expect(account.unassigned).toEqual([2]);
		expect(issues[0]?.message).toContain('kept nowhere');
	});
});

describe('layout spaces never break a sentence', () => {
	test.each([
		['1、各相关科室要充分认识学习型街道创建工作的重大意义,严', true],
		['加大建设力度,为全街道居民参加学习、', true],
		['树立科学的学习观,充分发挥学习型领导集体的带头示范作用', false],
		['抓学习，促发展', false],
		['建立考核机制', false],
	] as const)('endsInStub(%s) = %s', (head, stub) => {
		expect(endsInStub(head)).toBe(stub);
	});

	test.each([
		[
			'1、各相关科室要充分认识创建工作的重大意义,严 格按照任务分解细则,认真组织开展教育培训活动。',
			[
				'1、各相关科室要充分认识创建工作的重大意义,严 格按照任务分解细则,认真组织开展教育培训活动。',
			],
		],
		[
			'（一）加强组织领导,明确工作责 任,局创建领导小组每季度听取一次汇报。',
			['（一）加强组织领导,明确工作责 任,局创建领导小组每季度听取一次汇报。'],
		],
		[
			'（二）建立考核机制 年终对各科室创建情况进行考核,结果纳入目标管理。',
			['（二）建立考核机制', '年终对各科室创建情况进行考核,结果纳入目标管理。'],
		],
		[
			'(六)树立科学的学习观,充分发挥领导集体的带头示范作用 建设学习型兴谷成功与否,取决于领导。',
			[
				'(六)树立科学的学习观,充分发挥领导集体的带头示范作用',
				'建设学习型兴谷成功与否,取决于领导。',
			],
		],
	] as const)('%s', (line, pieces) => {
		expect(splitGluedHeadings(line)).toEqual(pieces);
	});
});
