import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	classifyCategory,
	declaredCategory,
	parseVocabulary,
	type CategoryInput,
} from '../../src/lib/ingest/report/metadata/index.ts';

const vocab = parseVocabulary(
	readFileSync(new URL('../../content/vocabulary.yaml', import.meta.url), 'utf8'),
);

const ENTERPRISE_BODY =
	'企业要建设学习型企业。企业员工是企业的主人，企业文化决定企业的竞争力。车间和班组要开展学习，员工素质提高了，企业效益也提高了。';

describe('classifyCategory precedence', () => {
	test.each<[string, CategoryInput, string, string]>([
		[
			'subtitle 创建学习型X beats the section',
			{
				title: '强素质 促发展',
				subtitle: '——延庆县农经站创建学习型机关自评报告',
				section: '学习型学校建设',
			},
			'学习型机关',
			'explicit',
		],
		[
			'学习型幼儿园 is a school',
			{ title: '创建学习型幼儿园 促进师幼和谐发展' },
			'学习型学校',
			'explicit',
		],
		[
			'学习型街道 is 乡镇（街道）',
			{ title: '关于创建学习型街道的实施方案' },
			'学习型乡镇（街道）',
			'explicit',
		],
		[
			'学习型新村 is 乡镇（街道）',
			{ title: '兴谷街道创建学习型新村规划、方案' },
			'学习型乡镇（街道）',
			'explicit',
		],
		[
			'学习型乡镇 is 乡镇（街道）',
			{ title: '争创学习型乡镇 促康庄经济发展' },
			'学习型乡镇（街道）',
			'explicit',
		],
		['学习型领导班子 is 党组织', { title: '建设学习型领导班子的意见' }, '学习型党组织', 'explicit'],
		[
			'学习型城区 is 城市（区县）',
			{ title: '推进学习型城区建设' },
			'学习型城市（区县）',
			'explicit',
		],
		[
			'学习型X建设 in the title',
			{ title: '加强学习型党组织建设 全力促进街道各项事业蓬勃发展' },
			'学习型党组织',
			'explicit',
		],
		[
			'an unknown X read as a unit: 学习型中医院',
			{ title: '继承创新 建设学习型中医院' },
			'学习型医院',
			'explicit',
		],
		[
			'学习型团队 is no kind of unit (团队 only ends in 队): the book decides',
			{
				title: '打造学习型团队 提升学校综合实力',
				unit: '市五十五中学',
				compilationTitle: '建设学习型党组织 经验材料汇编',
			},
			'学习型党组织',
			'compilation',
		],
		[
			'a place name X falls through to the section',
			{ title: '创建学习型刘斌堡 促进地区经济社会和谐发展', section: '学习型乡镇建设' },
			'学习型乡镇（街道）',
			'section',
		],
		[
			'the section beats the compilation title',
			{
				title: '以人为本 打造学习团队',
				section: '◆ 学习型社区建设',
				compilationTitle: '建设学习型党组织经验材料汇编',
			},
			'学习型社区',
			'section',
		],
		[
			'the compilation title beats the unit',
			{
				title: '建设学习团队 助力财政发展',
				unit: '市财政局',
				section: '示范单位经验',
				compilationTitle: '建设学习型党组织 经验材料汇编',
			},
			'学习型党组织',
			'compilation',
		],
		[
			'a compilation about a place does not decide',
			{
				title: '让学习成为一种自觉',
				unit: '延庆县第三小学',
				compilationTitle: '建设学习型延庆 走终身学习之路',
			},
			'学习型学校',
			'unit',
		],
		[
			'unit word at the end wins: 党校, not 委',
			{ title: '推进党校科学发展', unit: '中共延庆县委党校' },
			'学习型机关',
			'unit',
		],
		[
			'the longer unit word wins: 街道办事处',
			{ title: '多措并举', unit: '让胡路区西宾街道办事处' },
			'学习型乡镇（街道）',
			'unit',
		],
		[
			'a joint unit uses its first part',
			{ title: '以人为本', unitParts: ['城镇工委', '城镇办事处'] },
			'学习型党组织',
			'unit',
		],
		[
			'a company',
			{ title: '构筑核心竞争力', unit: '北京光瑞机械制造有限公司' },
			'学习型企业',
			'unit',
		],
		// the unit's kind decides before the body's words
		[
			'a school whose body speaks of party members',
			{
				title: '以学促教',
				unit: '清河县第二小学',
				bodyText:
					'党员干部带头学习，党支部组织党员学习，党组织建设得到加强，党员积极参与，党委要求党员先学。',
			},
			'学习型学校',
			'unit',
		],
		[
			'a bureau whose body speaks of enterprises',
			{ title: '服务发展', unit: '清河县工业和信息化局', bodyText: ENTERPRISE_BODY },
			'学习型机关',
			'unit',
		],
		[
			'a village party branch (anonymised)',
			{ title: '实施方案', unit: 'XX街道XX村党总支', bodyText: ENTERPRISE_BODY },
			'学习型党组织',
			'unit',
		],
		['an anonymised village', { title: '学习兴村', unit: 'XX村' }, '学习型乡镇（街道）', 'unit'],
		[
			'an anonymised sub-district party committee',
			{ title: '总结', unit: '***街道工委' },
			'学习型党组织',
			'unit',
		],
		[
			'a town party committee written out in full',
			{ title: '总结', unit: '中共双桥镇委员会' },
			'学习型党组织',
			'unit',
		],
		[
			'a sub-district working committee written out in full',
			{ title: '方案', unit: '中共平安县城东街道工作委员会' },
			'学习型党组织',
			'unit',
		],
		['a women’s federation', { title: '汇报', unit: '平安县妇联' }, '学习型社团', 'unit'],
		[
			'a community residents’ committee',
			{ title: '汇报', unit: '城关镇荷花社区居委会' },
			'学习型社区',
			'unit',
		],
		['a township health centre', { title: '汇报', unit: '石桥乡卫生院' }, '学习型医院', 'unit'],
		['a power supply company', { title: '汇报', unit: '国网平安县供电公司' }, '学习型企业', 'unit'],
		[
			'an explicit 创建学习型X in the subtitle beats the unit’s kind',
			{
				title: '书香飘万家',
				subtitle: '——平安县妇联开展创建学习型家庭活动情况汇报',
				unit: '平安县妇联',
			},
			'学习型家庭',
			'explicit',
		],
		[
			'the compilation’s own theme beats the unit’s kind',
			{ title: '以书育人', unit: '大庆一中', compilationTitle: '建设学习型党组织经验材料汇编' },
			'学习型党组织',
			'compilation',
		],
		[
			'a bare mention of 学习型社会 does not declare',
			{ title: '适应学习型社会的要求', bodyText: ENTERPRISE_BODY },
			'学习型企业',
			'body',
		],
		[
			'nothing decides',
			{ title: '学习的意义', bodyText: '学习很重要。' },
			'学习型组织（通论）',
			'default',
		],
	])('%s', (_name, input, label, basis) => {
		expect(classifyCategory(input, vocab)).toMatchObject({ label, basis });
	});

	test('the body wins over a web label, and the label is reported', () => {
		const result = classifyCategory(
			{
				title: '企业创建学习型组织初探',
				webLabel: '第1篇:街道创建学习型组织',
				bodyText: ENTERPRISE_BODY,
			},
			vocab,
		);
		expect(result).toEqual({
			label: '学习型企业',
			slug: 'qiye',
			basis: 'body',
			webLabelCategory: '学习型乡镇（街道）',
		});
	});

	test('a web label is used only when nothing else decides', () => {
		const result = classifyCategory(
			{ title: '工作汇报', webLabel: '第6篇:街道办事处创建学习型党组织工作汇报' },
			vocab,
		);
		expect(result).toEqual({ label: '学习型党组织', slug: 'dangzuzhi', basis: 'default' });
	});
});

describe('declaredCategory reads X and the building verbs in place (no slices, no split)', () => {
	// The reading of docs/ingest-spec.md §3 written with regexes on slices, as a reference.
	const SUBJECT_END =
		/[\s，,。；;、：:“”"（）()—\-·]|建设|创建|工作|活动|实施|自评|自查|规划|方案|总结|汇报/u;
	const reference = (text: string): string | null => {
		for (let at = text.indexOf('学习型'); at !== -1; at = text.indexOf('学习型', at + 1)) {
			const rest = text.slice(at);
			let byTerm: { slug: string; length: number } | null = null;
			for (const c of vocab.categories) {
				for (const term of [c.label, ...c.signals.filter((s) => s.startsWith('学习型'))]) {
					if (rest.startsWith(term) && (!byTerm || term.length > byTerm.length))
						byTerm = { slug: c.slug, length: term.length };
				}
			}
			const x = rest.slice(3).split(SUBJECT_END)[0] ?? '';
			const verbBefore = /(?:创建|建设|争创|构建|打造|推进|建成|争当|争做|开展|创|建)$/u.test(
				text.slice(0, at),
			);
			const buildAfter = /^(?:的)?(?:建设|创建|创建工作|建设工作)/u.test(rest.slice(3 + x.length));
			if (!verbBefore && !buildAfter) continue;
			if (byTerm) return byTerm.slug;
		}
		return null;
	};
	test('agrees with the slice-and-regex reading on random titles (vocabulary terms only)', () => {
		const pieces = [
			'学习型',
			'学习型机关',
			'学习型党组织',
			'创建',
			'建设',
			'争创',
			'的',
			'机关',
			'学校',
			'中医院',
			'团队',
			'街道',
			'工作',
			'活动',
			'，',
			' ',
			'（',
			'—',
			'延庆县',
			'自评报告',
			'建',
		];
		let seed = 11;
		const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		for (let n = 0; n < 3000; n++) {
			const text = Array.from(
				{ length: 1 + Math.floor(random() * 7) },
				() => pieces[Math.floor(random() * pieces.length)],
			).join('');
			expect([text, declaredCategory(text, vocab, false)?.slug ?? null]).toEqual([
				text,
				reference(text),
			]);
		}
	});
});
