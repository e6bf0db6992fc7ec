/**
 * Field accuracy on heads and sign-offs a maintainer meets in unseen books (issue 21, item 6):
 * who wrote the report (unit), its category, its date. Each source below is written by hand; the
 * expected fields are read off the source text, never from the ingester's output. The real
 * `ingestAll()` runs on each.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';

const vocab = parseVocabulary(
	readFileSync(new URL('../../content/vocabulary.yaml', import.meta.url), 'utf8'),
);

// Body text that speaks of party members throughout: body evidence for 学习型党组织, which the
// unit's kind must beat.
const PARTY_BODY = [
	'今年以来，我们按照上级要求，组织党员干部深入开展学习活动，党员的学习积极性明显提高，党组织的凝聚力不断增强。',
	'',
	'一、抓好党员学习',
	'',
	'党支部每月组织党员集中学习一次，党员干部带头发言，党员学习笔记人人过关，党组织书记亲自检查。',
	'',
].join('\n');

interface Case {
	name: string;
	text: string;
	want: Record<string, unknown>;
	issues?: string[];
}

const cases: Case[] = [
	{
		name: 'a joint, anonymised unit named only in the subtitle keeps both parts',
		text: [
			'加强学习 服务群众',
			'',
			'——中共XX工委 XX办事处创建学习型党组织工作总结',
			'',
			PARTY_BODY,
			'二〇一一年七月十四日',
			'',
		].join('\n'),
		want: {
			unit: '中共XX工委 XX办事处',
			unitParts: ['中共XX工委', 'XX办事处'],
			unitAnonymized: true,
			category: '学习型党组织',
			reportType: '工作总结',
			date: '2011-07-14',
			datePrecision: 'day',
			dateSource: 'report',
		},
	},
	{
		name: 'a unit named only in the sign-off, above a letter-spaced date; the unit’s kind beats party words in the body',
		text: [
			'强化学习 促进发展',
			'',
			PARTY_BODY,
			'清河县水务局',
			'',
			'二 〇 一 一 年 六 月',
			'',
		].join('\n'),
		want: {
			unit: '清河县水务局',
			unitParts: ['清河县水务局'],
			unitAnonymized: false,
			category: '学习型机关',
			date: '2011-06',
			datePrecision: 'month',
			dateSource: 'report',
		},
	},
	{
		name: 'a unit and an Arabic date set with spaces on one sign-off line',
		text: ['以学促教 共同成长', '', PARTY_BODY, '清河县第二小学　2011 年 6 月 18 日', ''].join(
			'\n',
		),
		want: {
			unit: '清河县第二小学',
			category: '学习型学校',
			date: '2011-06-18',
			datePrecision: 'day',
			dateSource: 'report',
		},
	},
	{
		name: 'a joint unit signed on two lines above the date',
		text: [
			'建设学习型机关 提升服务水平',
			'',
			PARTY_BODY,
			'中共清河县委组织部',
			'清河县人力资源和社会保障局',
			'二〇一一年三月',
			'',
		].join('\n'),
		want: {
			unit: '中共清河县委组织部 清河县人力资源和社会保障局',
			unitParts: ['中共清河县委组织部', '清河县人力资源和社会保障局'],
			category: '学习型机关',
			date: '2011-03',
			dateSource: 'report',
		},
	},
	{
		name: 'a unit line wrapped over two lines under the title',
		text: [
			'强化学习 促进发展',
			'',
			'北京德青源农业科技股份有限公司延庆',
			'养殖基地',
			'',
			PARTY_BODY,
		].join('\n'),
		want: {
			title: '强化学习 促进发展',
			unit: '北京德青源农业科技股份有限公司延庆养殖基地',
			unitParts: ['北京德青源农业科技股份有限公司延庆养殖基地'],
			category: '学习型企业',
		},
	},
	{
		name: 'the body that decides, named only in 经……研究决定',
		text: [
			'关于开展创建学习型机关活动的实施意见',
			'',
			'为进一步提高干部队伍素质，经县文化委员会党组研究决定，在全系统开展创建学习型机关活动。现提出如下意见：',
			'',
			'一、指导思想',
			'',
			'以科学发展观为指导，坚持学以致用，推动文化工作。',
			'',
		].join('\n'),
		want: {
			unit: '县文化委员会党组',
			category: '学习型机关',
			reportType: '实施方案',
			date: null,
			dateSource: 'none',
		},
		issues: ['unit:from-body'],
	},
	{
		name: 'an anonymised sign-off unit above a placeholder date: kept and flagged, no date',
		text: ['强化学习 促进发展', '', PARTY_BODY, '***局', '', '***年***月', ''].join('\n'),
		want: {
			unit: '***局',
			unitAnonymized: true,
			category: '学习型机关',
			date: null,
			datePrecision: 'none',
			dateSource: 'none',
		},
		issues: ['date:unparsed'],
	},
	{
		name: 'a 20xx placeholder is never a date',
		text: ['强化学习 促进发展', '', PARTY_BODY, 'XX村党支部', '20xx年x月x日', ''].join('\n'),
		want: {
			unit: 'XX村党支部',
			unitAnonymized: true,
			category: '学习型党组织',
			date: null,
			dateSource: 'none',
		},
		issues: ['date:unparsed'],
	},
	{
		name: 'a subtitle without 学习型 still names its writer',
		text: [
			'真抓实干 再上台阶',
			'',
			'——清河县水务局2010年上半年工作总结',
			'',
			PARTY_BODY,
			'二〇一〇年七月',
			'',
		].join('\n'),
		want: {
			unit: '清河县水务局',
			category: '学习型机关',
			reportType: '工作总结',
			date: '2010-07',
			dateSource: 'report',
		},
	},
	{
		name: 'a subtitle that names an occasion, not a writer, leaves the unit to the byline',
		text: [
			'学习引领发展',
			'',
			'——在全县学习型组织建设经验交流会上的发言',
			'',
			'清河县中医医院',
			'',
			PARTY_BODY,
		].join('\n'),
		want: { unit: '清河县中医医院', category: '学习型医院' },
	},
	{
		name: 'a byline in brackets under the title',
		text: ['强化学习 促进发展', '', '（中共延庆县委组织部）', '', PARTY_BODY].join('\n'),
		want: { unit: '中共延庆县委组织部', category: '学习型机关' },
	},
	{
		name: 'a labelled byline under the title',
		text: ['强化学习 促进发展', '', '报送单位：延庆县水务局', '', PARTY_BODY].join('\n'),
		want: { unit: '延庆县水务局', category: '学习型机关' },
	},
	{
		name: 'a party committee of a town written out in full is a party organisation',
		text: ['凝心聚力 共谋发展', '', PARTY_BODY, '中共双桥镇委员会', '2011年7月8日', ''].join('\n'),
		want: { unit: '中共双桥镇委员会', category: '学习型党组织', date: '2011-07-08' },
	},
	{
		name: 'an essay with its author under the title has an author and no unit',
		text: [
			'论学习型组织的理论基础',
			'',
			'作者：李文远',
			'',
			'摘要：本文介绍彼得·圣吉的第五项修炼。',
			'',
			'一、理论的由来',
			'',
			'彼得·圣吉于1990年出版了《第五项修炼》，提出了学习型组织的概念。',
			'',
			'参考文献：',
			'[1]彼得·圣吉.第五项修炼[M].上海：上海三联书店，1998.',
			'',
		].join('\n'),
		want: {
			unit: null,
			author: '李文远',
			reportType: '论文',
			category: '学习型组织（通论）',
			date: null,
		},
	},
	{
		name: 'a date range in the last heading is not the report’s date',
		text: [
			'强化学习 促进发展',
			'',
			'——清河县统计局创建学习型机关实施方案',
			'',
			PARTY_BODY,
			'（三）总结阶段（2011年11月至12月）',
			'',
			'对创建工作进行总结。',
			'',
		].join('\n'),
		want: {
			unit: '清河县统计局',
			category: '学习型机关',
			reportType: '实施方案',
			date: null,
			dateSource: 'none',
		},
	},
];

describe('unit, category and date on hand-written heads and sign-offs', () => {
	test.each(cases)('$name', ({ name, text, want, issues }) => {
		const result = ingestAll(
			[{ file: `${name.slice(0, 8)}.txt`, bytes: new TextEncoder().encode(text) }],
			vocab,
			{},
		);
		expect(result.catalog.reports).toHaveLength(1);
		const report = result.catalog.reports[0]! as unknown as Record<string, unknown>;
		expect(Object.fromEntries(Object.keys(want).map((k) => [k, report[k]]))).toEqual(want);
		const rules = result.issues
			.filter((i) => i.severity === 'warning')
			.map((i) => i.ruleId)
			.filter((r) => r.startsWith('unit:') || r.startsWith('date:'));
		expect(rules).toEqual(issues ?? []);
	});
});

describe('the sign-off beats the book’s date', () => {
	const book = [
		'建设学习型示范县经验汇编',
		'',
		'二〇一〇年八月',
		'',
		'目 录',
		'',
		'强素质 促发展……………(1)',
		'',
		'学以致用 服务三农……………(5)',
		'',
		'强素质 促发展',
		'',
		'——示范县农经站创建学习型机关自评报告',
		'',
		'示范县农经站成立于1983年5月，现有职工42人。我们坚持学习，取得了成效。',
		'',
		'二 〇 〇 九 年 一 月 十 八 日',
		'',
		'学以致用 服务三农',
		'',
		'——示范县种植业服务中心创建学习型机关自评报告',
		'',
		'示范县种植业服务中心现有职工30人。我们坚持学以致用，服务三农。',
		'',
	].join('\n');
	const result = ingestAll(
		[{ file: 'book.txt', bytes: new TextEncoder().encode(book) }],
		vocab,
		{},
	);
	const pick = (r: Record<string, unknown>) => ({
		unit: r.unit,
		date: r.date,
		datePrecision: r.datePrecision,
		dateSource: r.dateSource,
	});

	test('a report with a letter-spaced sign-off date keeps its own date; one without inherits the book’s', () => {
		expect(
			result.catalog.reports.map((r) => pick(r as unknown as Record<string, unknown>)),
		).toEqual([
			{ unit: '示范县农经站', date: '2009-01-18', datePrecision: 'day', dateSource: 'report' },
			{
				unit: '示范县种植业服务中心',
				date: '2010-08',
				datePrecision: 'month',
				dateSource: 'compilation',
			},
		]);
	});
});

// The hand-labelled reports of tests/fixtures/librarian/ (tuning and held-out): the fields a
// librarian reads off each source. Units as printed; where a subtitle and a sign-off both name
// the writer, the subtitle comes first (docs/ingest-spec.md §2), then a byline, then the sign-off.
describe('fields of the librarian’s hand-written reports', () => {
	const J = '学习型机关',
		X = '学习型学校',
		Y = '学习型医院',
		S = '学习型社团',
		Q = '学习型社区',
		D = '学习型党组织',
		E = '学习型企业',
		T = '学习型组织（通论）',
		F = '学习型家庭';
	test.each<[string, string | null, string | null, string, string, string | null]>([
		['tuning/t01-dishui-ju.txt', '清河县地方税务局', null, J, '自评报告', '2010-11'],
		['tuning/t02-sanzhong.txt', '清河县第三中学', null, X, '自查报告', '2011-03'],
		['tuning/t03-zhongyiyuan.txt', '清河县中医医院', null, Y, '自评报告', '2011-04-20'],
		['tuning/t04-hehua-shequ.txt', '清河县城关镇荷花社区', null, Q, '自评报告', '2011-06'],
		['tuning/t05-liuzhuang-cun.txt', '刘庄村党支部', null, D, '实施方案', '2011-03'],
		['tuning/t06-jixie-gongsi.txt', '清河重型机械有限公司', null, E, '经验材料', '2010-12-28'],
		['tuning/t07-lunwen-xinzhi.txt', null, '李文远', T, '论文', null],
		['tuning/t08-shuangqiao-zhen.txt', '中共双桥镇委员会', null, D, '工作总结', '2011-07-08'],
		['tuning/t09-sheying-xiehui.txt', '清河县摄影家协会', null, S, '自评报告', '2011-05'],
		['tuning/t10-jianchayuan.txt', '清河县人民检察院', null, J, '自查报告', '2011-09'],
		['heldout/h01-caizheng-ju.txt', '平安县财政局', null, J, '经验材料', '2011-10'],
		['heldout/h02-zhongxin-xiaoxue.txt', '平安县城南中心小学', null, X, '自评报告', '2011-06-15'],
		[
			'heldout/h03-jiedao-gongwei.txt',
			'中共平安县城东街道工作委员会',
			null,
			D,
			'实施方案',
			'2011-04',
		],
		['heldout/h04-weishengyuan.txt', '平安县石桥乡卫生院', null, Y, '自查报告', '2011-05'],
		['heldout/h05-gongdian-gongsi.txt', '国网平安县供电公司', null, E, '经验材料', '2011-11'],
		['heldout/h06-wenquan-shequ.txt', '温泉社区居委会', null, Q, '工作汇报', '2011-08-10'],
		['heldout/h07-zuzhibu.txt', '中共平安县委组织部', null, J, '自评报告', '2010-09'],
		['heldout/h08-lunwen-zhishi.txt', null, '陈海燕', T, '论文', null],
		['heldout/h09-fulian-jiating.txt', '平安县妇联', null, F, '工作汇报', '2011-03-08'],
		['heldout/h10-fayuan.txt', '平安县人民法院', null, J, '自评报告', '2011-12'],
		['heldout/h11-shuili-ju.txt', '市水利局', null, J, '经验材料', null],
		['heldout/h12-youeryuan.txt', '城关镇中心幼儿园', null, X, '工作汇报', '2011-06'],
		['heldout/h13-jiedaoban.txt', '平安县西关街道办事处', null, D, '工作汇报', '2011-08'],
		['heldout/h14-yinhang.txt', '中国农业银行平安县支行', null, E, '经验材料', '2011-10'],
		['heldout/h15-jiaoyu-ju.txt', '平安县教育局', null, J, '自查报告', '2011-11'],
		['heldout/h16-shequ-dangzhibu.txt', '平安县南关社区党支部', null, D, '工作总结', '2011-12'],
	])('%s: unit %s, author %s, %s, %s, %s', (file, unit, author, category, reportType, date) => {
		const bytes = new Uint8Array(
			readFileSync(new URL(`../fixtures/librarian/${file}`, import.meta.url)),
		);
		const [report] = ingestAll([{ file: file.split('/')[1]!, bytes }], vocab, {}).catalog.reports;
		expect({
			unit: report?.unit,
			author: report?.author,
			category: report?.category,
			reportType: report?.reportType,
			date: report?.date,
			dateSource: report?.dateSource,
		}).toEqual({
			unit,
			author,
			category,
			reportType,
			date,
			dateSource: date ? 'report' : 'none',
		});
	});
});
