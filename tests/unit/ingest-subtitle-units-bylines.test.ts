/**
 * Silent wrong fields of issue 13, written by hand: a subtitle's unit read past the end of the
 * organisation's name (`——X党支部在全县创建…` → `X党支部在全县`), and essays headed title ⏎
 * `作者：X` ⏎ body merged into one article, and the fields a head warned about and not made a
 * report gave the report it stays in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { unitFromSubtitle } from '../../src/lib/ingest/report/unit.ts';

const vocab = parseVocabulary(
	readFileSync(new URL('../../content/vocabulary.yaml', import.meta.url), 'utf8'),
);
const words = vocab.categories.flatMap((c) => c.unitWords);
const ingestText = (text: string) =>
	ingestAll([{ file: 'c.txt', bytes: new TextEncoder().encode(text) }], vocab, {});

describe('a subtitle’s unit ends where the organisation’s name ends', () => {
	test.each([
		['——清河县水务局党支部在全县创建学习型党组织中的实践', '清河县水务局党支部'],
		['——XX局党支部在创建学习型党组织中的实践', 'XX局党支部'],
		['——XX局党支部在……中的实践', 'XX局党支部'],
		['——清河县财政局党支部在机关作风建设中的实践', '清河县财政局党支部'],
		['——XX社区依托读书会创建学习型社区纪实', 'XX社区'],
		['——清河县第一中学率先创建学习型学校', '清河县第一中学'],
		['——清河县第一中学以读书促进创建学习型学校', '清河县第一中学'],
		['——清河县委组织部为全县创建学习型党组织开路', '清河县委组织部'],
		['——清河县实验小学和家长一起创建学习型家庭', '清河县实验小学'],
		['——东城街道在辖区创建学习型社区', '东城街道'],
		// `和` inside the name is no link: the cut is at `在`.
		['——清河县和平街道在辖区创建学习型社区', '清河县和平街道'],
	])('%s → %s', (subtitle, unit) => {
		expect(unitFromSubtitle(subtitle, subtitle, words)).toBe(unit);
	});

	// Names that end as an organisation's do, each written by hand (banks, mines, workshops and
	// teams, schools by their number, offices): read as they are, with no link word to cut at.
	test.each([
		['——平川县农商银行城关支行创建学习型组织纪实', '平川县农商银行城关支行'],
		['——市煤业公司一矿创建学习型班组汇报', '市煤业公司一矿'],
		['——平川县机械厂二车间创建学习型车间', '平川县机械厂二车间'],
		['——平川县供电公司检修班组创建学习型班组', '平川县供电公司检修班组'],
		['——平川县消防大队创建学习型队伍', '平川县消防大队'],
		['——平川县法院城关法庭创建学习型法庭', '平川县法院城关法庭'],
		['——平川县教育局人事科创建学习型科室', '平川县教育局人事科'],
		['——平川县文化馆创建学习型单位', '平川县文化馆'],
		['——延庆一中创建学习型学校', '延庆一中'],
		['——县妇联创建学习型家庭活动', '县妇联'],
		['——平川县青少年宫创建学习型单位', '平川县青少年宫'],
		// Townships whose name ends in 城 + 乡 (not the word 城乡 of `统筹城乡`).
		['——白城乡创建学习型乡镇自评报告', '白城乡'],
		['——平川县南城乡创建学习型乡镇', '平川县南城乡'],
		// `学习型` inside the name: the name runs to the verb before the second `学习型`.
		['——丰山县龙坪学习型组织研究会创建学习型组织自评报告', '丰山县龙坪学习型组织研究会'],
		['——平川县学习型社会促进会开展创建学习型家庭活动', '平川县学习型社会促进会'],
	])('%s → %s (an organisation ending)', (subtitle, unit) => {
		expect(unitFromSubtitle(subtitle, subtitle, words)).toBe(unit);
	});

	test.each([
		['——大家在全县创建学习型社区'],
		['——读书在机关中创建学习型组织'],
		// No organisation and no link word: not `大家一起`, `人人争做`.
		['——大家一起创建学习型社区'],
		['——人人争做创建学习型家庭'],
		['——统筹城乡创建学习型社会'],
	])('%s names no organisation: no unit', (subtitle) => {
		expect(unitFromSubtitle(subtitle, subtitle, words)).toBeNull();
	});

	test('in a report: the unit is the party branch; an unclear one is empty and warned with its line', () => {
		const result = ingestText(
			[
				'学习促发展',
				'——平川县水务局党支部在全县创建学习型党组织中的实践',
				'平川县水务局坚持每周集中学习一次，干部素质明显提高。',
				'二〇一一年六月三日',
				'',
				'共同学习',
				'——大家在全县创建学习型社区',
				'社区居民每月参加一次读书会，邻里关系更加和睦。',
				'二〇一一年七月一日',
				'',
				'一起学习',
				'——大家一起创建学习型社区',
				'居民们每周到社区学校上一次课，学习氛围十分浓厚。',
				'二〇一一年八月一日',
				'',
			].join('\n'),
		);
		expect(result.pages.map((p) => [p.frontmatter.title, p.frontmatter.unit ?? null])).toEqual([
			['学习促发展', '平川县水务局党支部'],
			['共同学习', null],
			['一起学习', null],
		]);
		expect(
			result.issues.filter((i) => i.ruleId === 'unit:unclear-subtitle').map((i) => i.line),
		).toEqual([7, 12]);
	});
});

const essays = [
	'机关读书文集',
	'',
	'让读书成为习惯',
	'作者：李文远',
	'我们单位从二〇〇九年起坚持每周集中学习一次，干部职工的学习热情明显提高。',
	'读书小组每月交流一次心得，形成了浓厚的学习氛围。',
	'',
	'书香浸润机关',
	'作者：王建国',
	'机关干部每人每年读书不少于十二本，图书室全天开放。',
	'我们还建立了网上读书平台，方便大家随时阅读。',
	'',
	'学习改变了我们',
	'作者：张晓梅',
	'通过两年的学习，干部的业务能力和服务水平都有了明显的提升。',
	'群众满意度逐年提高，各项工作走在了全县前列。',
	'',
].join('\n');

describe('reports headed title ⏎ 作者：X ⏎ body, no dated sign-off', () => {
	test('three such heads are three reports: the byline is the author, the body starts after it', () => {
		const result = ingestText(essays);
		expect(result.catalog.sources[0]!.shape).toBe('head-compilation');
		expect(
			result.pages.map((p) => [
				p.frontmatter.title,
				p.frontmatter.author ?? null,
				p.text.split('\n')[0],
			]),
		).toEqual([
			[
				'让读书成为习惯',
				'李文远',
				'我们单位从二〇〇九年起坚持每周集中学习一次，干部职工的学习热情明显提高。',
			],
			['书香浸润机关', '王建国', '机关干部每人每年读书不少于十二本，图书室全天开放。'],
			['学习改变了我们', '张晓梅', '通过两年的学习，干部的业务能力和服务水平都有了明显的提升。'],
		]);
	});

	test('a title wrapped over two lines above the byline: three such heads are three reports, each titled by both lines', () => {
		const result = ingestText(
			[
				'机关读书文集',
				'',
				'让读书成为机关干部的一种习惯',
				'和一种生活方式',
				'作者：李文远',
				'我们单位从二〇〇九年起坚持每周集中学习一次，干部职工的学习热情明显提高。',
				'',
				'建设书香机关推动干部学习常态化制度化',
				'的实践与思考',
				'作者：王建国',
				'机关干部每人每年读书不少于十二本，图书室全天开放。',
				'',
				'学习改变了我们的工作方式和服务群众的',
				'能力与本领',
				'作者：张晓梅',
				'通过两年的学习，干部的业务能力和服务水平都有了明显的提升。',
				'',
			].join('\n'),
		);
		expect(
			result.pages.map((p) => [p.frontmatter.title, p.frontmatter.author, p.text.split('\n')[0]]),
		).toEqual([
			[
				'让读书成为机关干部的一种习惯和一种生活方式',
				'李文远',
				'我们单位从二〇〇九年起坚持每周集中学习一次，干部职工的学习热情明显提高。',
			],
			[
				'建设书香机关推动干部学习常态化制度化的实践与思考',
				'王建国',
				'机关干部每人每年读书不少于十二本，图书室全天开放。',
			],
			[
				'学习改变了我们的工作方式和服务群众的能力与本领',
				'张晓梅',
				'通过两年的学习，干部的业务能力和服务水平都有了明显的提升。',
			],
		]);
	});

	test('one such head among other heads is not a report, but it is warned with its line', () => {
		const result = ingestText(
			[
				'学习兴村 实干富民',
				'——平川县南沟村创建学习型村庄工作汇报',
				'南沟村党支部',
				'南沟村把学习作为发展的第一动力，村民夜校每周开课两次。',
				'二〇一一年六月三日',
				'',
				'书香浸润机关',
				'作者：王建国',
				'机关干部每人每年读书不少于十二本，图书室全天开放。',
				'',
				'学习促发展',
				'——平川县水务局党支部在全县创建学习型党组织中的实践',
				'平川县水务局坚持每周集中学习一次，干部素质明显提高。',
				'',
			].join('\n'),
		);
		expect(result.pages.map((p) => p.frontmatter.title)).toEqual([
			'学习兴村 实干富民',
			'学习促发展',
		]);
		const warned = result.issues.filter((i) => i.ruleId === 'structure:uncertain-head');
		expect(warned.map((i) => [i.line, i.message.includes('书香浸润机关')])).toEqual([[7, true]]);
		// The warned head's byline (line 8) stays in the text above, but is not that report's
		// author: the report's author is none (its unit is the village's).
		expect(result.pages.map((p) => [p.frontmatter.author ?? null, p.frontmatter.unit])).toEqual([
			[null, '平川县南沟村'],
			[null, '平川县水务局党支部'],
		]);
		expect(result.pages[0]!.text).toContain('作者：王建国');
	});
});

// A guard (it passes before the fix too): the byline head of an essay under its book's cover line
// is no head in the middle of text, so nothing is split or warned about.
test('one essay under a cover line stays one article, its head not warned about', () => {
	const result = ingestText(essays.split('\n').slice(0, 7).join('\n'));
	expect(result.pages.map((p) => p.frontmatter.author ?? null)).toEqual(['李文远']);
	expect(result.issues.filter((i) => i.ruleId === 'structure:uncertain-head')).toEqual([]);
});

describe('a head warned about and not made a report gives the report it stays in no field', () => {
	// A report whose text breaks off (`…形成了`) before its sign-off, then a title over text and
	// a sign-off of its own: the title is not made a report (`structure:uncertain-head`, “follows a
	// sign-off”), its lines stay in the report above, which keeps the fields of its own sign-off.
	const book = (under: readonly string[], subtitle = true) =>
		[
			'甲局学习工作',
			...(subtitle ? ['——甲局创建学习型机关工作总结'] : []),
			'甲局把创建学习型机关作为机关建设的基础工程，全年组织集中学习四十次。',
			'我们还组织了读书交流活动，干部职工交流读书心得，形成了',
			'甲局',
			'二〇一二年三月',
			'丁局学习工作',
			'丁局坚持每周学习一次，学习内容包括政治理论和业务知识。',
			...under,
			'',
			'乙局学习工作',
			'——乙局创建学习型机关工作总结',
			'乙局坚持每月学习一次，学习内容包括政治理论和业务知识。',
			'乙局',
			'二〇一二年四月',
		].join('\n');
	const fields = (result: ReturnType<typeof ingestText>) =>
		result.pages.map((p) => [
			p.frontmatter.title,
			p.frontmatter.unit,
			p.frontmatter.date,
			p.frontmatter.author ?? null,
		]);
	const warned = (result: ReturnType<typeof ingestText>) =>
		result.issues.filter((i) => i.ruleId === 'structure:uncertain-head').map((i) => i.line);

	test('its dated sign-off is not the report’s date', () => {
		const result = ingestText(book(['丁局党组', '二〇一二年五月']));
		expect(warned(result)).toEqual([7]);
		expect(fields(result)).toEqual([
			['甲局学习工作', '甲局', '2012-03', null],
			['乙局学习工作', '乙局', '2012-04', null],
		]);
		// (Its lines stay in the text of the report above.)
		expect(result.pages[0]!.text).toContain('丁局党组\n二〇一二年五月');
	});

	test('nor its sign-off’s unit (the report has no subtitle to name one)', () => {
		const result = ingestText(book(['丁局党组', '二〇一二年五月'], false));
		expect(warned(result)).toEqual([6]);
		// (The report's own unit line is run into its broken-off sentence: no unit is read.)
		expect(fields(result)[0]).toEqual(['甲局学习工作', null, '2012-03', null]);
	});

	test('nor its author line', () => {
		const result = ingestText(book(['作者：丁一']));
		expect(warned(result)).toEqual([7]);
		expect(fields(result)[0]).toEqual(['甲局学习工作', '甲局', '2012-03', null]);
	});

	test('a byline head warned about after the report’s sign-off: its sign-off’s date is not the report’s', () => {
		const result = ingestText(
			[
				'学习兴村 实干富民',
				'——平川县南沟村创建学习型村庄工作汇报',
				'南沟村把学习作为发展的第一动力，村民夜校每周开课两次。',
				'南沟村党支部',
				'二〇一一年六月三日',
				'',
				'书香浸润机关',
				'作者：王建国',
				'机关干部每人每年读书不少于十二本，图书室全天开放。',
				'平川县水务局',
				'二〇一一年八月',
				'',
				'学习促发展',
				'——平川县水务局党支部在全县创建学习型党组织中的实践',
				'平川县水务局坚持每周集中学习一次，干部素质明显提高。',
			].join('\n'),
		);
		expect(warned(result)).toEqual([7]);
		expect(fields(result)).toEqual([
			['学习兴村 实干富民', '平川县南沟村', '2011-06-03', null],
			['学习促发展', '平川县水务局党支部', null, null],
		]);
	});
});
