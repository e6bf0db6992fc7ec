import { describe, expect, test } from 'vitest';
import {
	detectReportType,
	type ReportTypeInput,
} from '../../src/lib/ingest/report/metadata/index.ts';

describe('detectReportType', () => {
	test.each<[string, ReportTypeInput, string]>([
		[
			'自评 from the subtitle',
			{ title: '强素质 促发展', subtitle: '——延庆县农经站创建学习型机关自评报告' },
			'自评报告',
		],
		['自查 kept distinct', { title: '延庆县人民检察院创建学习型机关自查报告' }, '自查报告'],
		[
			'a TOC page number after the suffix',
			{ title: '延庆县法院创建学习型机关自评报告……(29)' },
			'自评报告',
		],
		['实施方案', { title: '街道学习型党组织创建工作实施方案' }, '实施方案'],
		[
			'…总结 is 工作总结',
			{ title: '加强学习型党组织建设', subtitle: '——***街道工委学习型党组织建设上半年总结' },
			'工作总结',
		],
		['工作汇报', { title: '街道办事处创建学习型党组织工作汇报' }, '工作汇报'],
		['规划、方案: the first printed', { title: '兴谷街道创建学习型新村规划、方案' }, '规划'],
		['…初探 is 论文', { title: '企业创建学习型组织初探' }, '论文'],
		['经验材料 suffix', { title: '创建学习型社区经验材料' }, '经验材料'],
		['新闻报道 suffix', { title: '学习型城市建设新闻报道' }, '新闻报道'],
		[
			'the web label when the title says nothing',
			{ title: '创建学习型企业组织', webLabel: '第4篇:街道创建学习型党组织实施方案' },
			'实施方案',
		],
		[
			'the document names itself',
			{ title: '推进学习型党组织建设', bodyText: '为认真落实上级要求，特制定本实施方案。' },
			'实施方案',
		],
		[
			'news wording',
			{ title: '市民大讲堂开讲', bodyText: '本报讯 昨天，市民大讲堂第一讲开讲。' },
			'新闻报道',
		],
		[
			'an author and theory make an essay',
			{
				title: '创建学习型企业组织',
				author: '马宏均',
				bodyText: '按照美国彼得.圣吉在《第五项修炼》中的说法',
			},
			'论文',
		],
		[
			'an author without theory is not an essay',
			{ title: '深入开展学习型机关创建活动', author: '邬德华', bodyText: '我们的主要做法是：' },
			'经验材料',
		],
		[
			'a 经验材料汇编 makes 经验材料',
			{ title: '狠抓学习提素质', compilationTitle: '建设学习型党组织 经验材料汇编' },
			'经验材料',
		],
		['the default is 经验材料', { title: '创建学习型机关的实践与思考' }, '经验材料'],
		[
			'自查情况报告 is 自查报告',
			{ title: '学以立身', subtitle: '——平安县教育局创建学习型机关自查情况报告' },
			'自查报告',
		],
		['自评工作报告 is 自评报告', { title: '清河县司法局创建学习型机关自评工作报告' }, '自评报告'],
		['总结报告 is 工作总结', { title: '清河县水务局创建学习型机关总结报告' }, '工作总结'],
		['工作要点 is 规划', { title: '清河县2011年学习型机关建设工作要点' }, '规划'],
		[
			'an essay title with an author byline',
			{
				title: '论学习型组织的理论基础',
				author: '李文远',
				bodyText: '彼得·圣吉提出了五项修炼。参考文献：',
			},
			'论文',
		],
	])('%s', (_name, input, type) => {
		expect(detectReportType(input)).toBe(type);
	});
});
