/**
 * PDF layout cases of issue 13 (tests/fixtures/formats/<case>/, printed by `make-pdf-cases.ts`
 * from the hand-written HTML of `pdf-cases.ts`): headings from font size, the outline as the TOC.
 * Every expectation is written by hand from `pdf-cases.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { outlineToc } from '../../src/lib/ingest/structure/outline-toc.ts';
import { readReportHead } from '../../src/lib/ingest/report/report-header.ts';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';
import { pdfAssets } from '../../scripts/lib/pdf-assets.ts';
import { pdfCases } from '../fixtures/formats/pdf-cases.ts';
import type { OutlineEntry } from '../../src/lib/ingest/types.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/formats');
const vocab = parseVocabulary(
	readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
);

const results = new Map<string, ReturnType<typeof ingestAll>>();
async function ingestPdf(name: string) {
	if (!results.has(name)) {
		const input = await extractSource(
			{
				file: `${name}.pdf`,
				bytes: new Uint8Array(readFileSync(path.join(root, name, 'book.pdf'))),
			},
			pdfAssets,
		);
		results.set(name, ingestAll([input], vocab, {}));
	}
	return results.get(name)!;
}

/** The headings of a page as its renderer makes them: `h<depth> text`. */
type Result = Awaited<ReturnType<typeof ingestAll>>;
/** Errors, and every text or structure issue: none for a book read as it was printed. */
const problems = (result: Result) =>
	result.issues.filter(
		(i) =>
			i.severity === 'error' || i.ruleId.startsWith('text:') || i.ruleId.startsWith('structure:'),
	);
/** Each report's title, subtitle, unit, date and line range. */
const headFields = (result: Result) =>
	result.pages.map((p) => [
		p.frontmatter.title,
		p.frontmatter.subtitle,
		p.frontmatter.unit,
		p.frontmatter.date,
		p.frontmatter.lines,
	]);
const headingsOf = (mdx: string) => renderMdx(mdx).headings.map((h) => `h${h.depth} ${h.text}`);

describe(
	'pdf-headings-outline: headings set larger, no printed TOC, an outline',
	{ timeout: 60_000 },
	() => {
		test('the outline names the three reports: each is a report, the third too (no dated sign-off before it)', async () => {
			const result = await ingestPdf('pdf-headings-outline');
			expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
			const source = result.catalog.sources[0]!;
			expect(source.shape).toBe('toc-compilation');
			expect(source.toc.map((t) => [t.kind, t.title, t.page])).toEqual([
				['report', '书香机关建设的实践', null],
				['report', '关于社区教育的几点体会', null],
				['report', '让读书成为机关干部的习惯', null],
			]);
			expect(source.title).toBe('机关学习文集');
			expect(
				result.pages.map((p) => [
					p.frontmatter.title,
					p.frontmatter.subtitle,
					p.frontmatter.unit,
					p.frontmatter.author,
					p.frontmatter.date,
				]),
			).toEqual([
				['书香机关建设的实践', '——市水利局创建学习型机关工作汇报', '市水利局', null, '2013-03-10'],
				['关于社区教育的几点体会', null, null, '李红梅', '2013-05'],
				['让读书成为机关干部的习惯', null, null, '王建国', '2013-05'],
			]);
			// (The A5 print: the cover, report 1 on page 2, reports 2 and 3 on page 3; as pdftotext splits it at form feeds.)
			expect(result.pages.map((p) => p.frontmatter.pdfPages)).toEqual([
				[2, 2],
				[3, 3],
				[3, 3],
			]);
		});

		test('a short line set larger than the body is a heading, the larger the higher; run-in （一）… sentences are not', async () => {
			const result = await ingestPdf('pdf-headings-outline');
			expect(result.pages.map((p) => headingsOf(p.mdx))).toEqual([
				['h2 健全学习制度', 'h3 每周一次集中学习', 'h3 每年一次读书交流', 'h2 创新学习载体'],
				['h2 社区教育要贴近居民需求', 'h2 社区教育要整合各方资源'],
				['h2 从每天读书半小时做起'],
			]);
			const first = result.pages[0]!.text.split('\n');
			expect(first).toContain(
				'（一）领导带头学。局党组中心组每月学习一次，党组成员每人每年撰写调研报告一篇以上。',
			);
			expect(first.slice(-2)).toEqual(['市水利局', '二〇一三年三月十日']);
		});
	},
);

describe('outlineToc', () => {
	const entry = (title: string, items: OutlineEntry[] = []): OutlineEntry => ({
		title,
		page: 1,
		items,
	});

	test('a section entry holds reports; another top-level entry is a report and its children its headings', () => {
		const toc = outlineToc([
			entry('第一部分 学习型机关', [
				entry('书香机关建设的实践', [entry('健全学习制度')]),
				entry('强化理论武装'),
			]),
			entry('关于社区教育的几点体会', [entry('社区教育要贴近居民需求')]),
		]);
		expect(toc?.items.map((i) => [i.kind, i.title, i.section])).toEqual([
			['section', '学习型机关', null],
			['report', '书香机关建设的实践', '学习型机关'],
			['report', '强化理论武装', '学习型机关'],
			['report', '关于社区教育的几点体会', null],
		]);
	});

	test('a single top entry (the book) is read from its children; fewer than two reports is no TOC', () => {
		expect(
			outlineToc([entry('机关学习文集', [entry('甲报告'), entry('乙报告')])])?.items.map(
				(i) => i.title,
			),
		).toEqual(['甲报告', '乙报告']);
		expect(outlineToc([entry('机关学习文集', [entry('甲报告')])])).toBeNull();
		expect(outlineToc([])).toBeNull();
	});
});

describe('pdf-picture: a photograph inside a page of text', { timeout: 60_000 }, () => {
	test('leaves a placeholder line where it stands, counted; an ornament and a background leave none', async () => {
		const result = await ingestPdf('pdf-picture');
		expect(
			result.issues.filter((i) => i.severity === 'error' || i.ruleId.startsWith('text:')),
		).toEqual([]);
		expect(result.catalog.sources[0]!.repairs['picture-placeholder']).toBe(1);
		expect(result.pages).toHaveLength(1);
		expect(result.pages[0]!.text.split('\n')).toEqual([
			'北街社区书屋建成于二〇一〇年，面积八十平方米，藏书三千余册，每天开放八小时，成为居民读书学习的好去处。',
			'［图］',
			'图1社区书屋一角',
			'书屋实行志愿者管理，由社区离退休党员轮流值班，居民凭借阅证免费借阅图书，全年借阅图书一万二千余册次。',
			'社区还在书屋开办了亲子阅读班，每周六上午由志愿者带领孩子和家长一起读书，深受居民欢迎。',
			'北街社区居委会',
			'二〇一一年十二月',
		]);
	});
});

describe('pdf-two-columns: a body set in two columns', { timeout: 60_000 }, () => {
	test('is read column by column, a paragraph joined across the column break; the next report in one column', async () => {
		const result = await ingestPdf('pdf-two-columns');
		expect(
			result.issues.filter(
				(i) =>
					i.severity === 'error' ||
					i.ruleId.startsWith('text:') ||
					i.ruleId === 'structure:unassigned',
			),
		).toEqual([]);
		expect(
			result.pages.map((p) => [
				p.frontmatter.title,
				p.frontmatter.subtitle,
				p.frontmatter.unit,
				p.frontmatter.date,
			]),
		).toEqual([
			['以学促干 争创一流', '——市纺织集团创建学习型企业经验材料', '市纺织集团', '2012-10-12'],
			['抓班组学习 促安全生产', '——市煤业公司一矿创建学习型班组汇报', '市煤业公司一矿', '2012-09'],
		]);
		expect(result.pages[0]!.text.split('\n')).toEqual([
			'市纺织集团现有职工四千二百人，是全市规模最大的纺织企业。近年来，集团党委把创建学习型企业作为推动企业转型升级的重要抓手，坚持全员学习、终身学习，企业的创新能力和市场竞争力不断增强。',
			'一、建立学习激励机制',
			'集团制定了《职工学习奖励办法》，对取得学历证书、职业资格证书和技术成果的职工给予奖励，三年来共发放学习奖励金一百二十万元。集团还把职工的学习情况作为岗位聘任、职务晋升的重要依据，形成了人人想学习、人人会学习的良好氛围。',
			'二、开展技术练兵活动',
			'各分厂每季度开展一次技术比武，每年举办一届职工技能运动会，对获得名次的职工给予表彰。通过技术练兵，一大批青年职工成长为生产骨干，集团现有高级技师三十六人、技师二百一十人，职工队伍的整体素质有了明显提高，为企业的持续发展提供了可靠的人才保证，也为全市纺织行业培养输送了一批技术人才。',
			'三、推进学习成果转化',
			'我们把学习与解决生产经营中的实际问题结合起来，组织职工开展质量攻关和节能降耗活动，三年来完成攻关课题八十四项，创造经济效益三千二百万元。学习型企业的创建，使集团的发展步入了快车道。',
			'市纺织集团',
			'二〇一二年十月十二日',
		]);
		expect(result.pages[1]!.text.split('\n')).toEqual([
			'一矿共有班组六十八个，我们以创建学习型班组为载体，把安全知识学习作为班组学习的首要内容，实现了连续一千天安全生产无事故。',
			'每个班组每周开展一次安全知识学习，班前会上讲一条安全规程，职工轮流当安全讲师，人人争做安全明白人。',
			'市煤业公司一矿',
			'二〇一二年九月',
		]);
	});
});

describe('pdftotext extractions', () => {
	test.each(['pdf-city-a5', 'pdf-factory-b5', 'pdf-city-a4-footer'])(
		'%s: form feeds are page breaks, not zero-width-control repairs',
		(name) => {
			for (const file of ['book.txt', 'book.layout.txt']) {
				const bytes = new Uint8Array(readFileSync(path.join(root, name, file)));
				expect(bytes.filter((b) => b === 0x0c).length).toBeGreaterThan(2);
				const source = ingestAll([{ file, bytes }], vocab, {}).catalog.sources[0]!;
				expect([file, source.repairs['zero-width-control'] ?? 0]).toEqual([file, 0]);
				// (The pages they make are read: every book's running heads are found on them.)
				expect(source.repairs['running-head']).toBeGreaterThan(2);
			}
		},
	);
});

describe(
	'pdf-alternating-heads: each report’s own running head is on only two of eight pages',
	{ timeout: 60_000 },
	() => {
		const html = pdfCases.find((c) => c.name === 'pdf-alternating-heads')!.html;
		/** A report's body as written in pdf-cases.ts: its paragraphs after the subtitle, no white space. */
		const bodyOf = (section: string) => {
			const part = html.slice(
				html.indexOf(`<section class="${section}">`),
				html.indexOf('</section>', html.indexOf(`<section class="${section}">`)),
			);
			return [...part.matchAll(/<p(?: class="sign")?>([^<]+)<\/p>/g)]
				.map((m) => m[1]!)
				.join('')
				.replace(/\s+/g, '');
		};

		test.each(['book.pdf', 'book.txt', 'book.layout.txt'])(
			'%s: every head removed and counted (4 of the book, 2 of each report), bodies whole',
			async (file) => {
				const bytes = new Uint8Array(readFileSync(path.join(root, 'pdf-alternating-heads', file)));
				const result = ingestAll([await extractSource({ file, bytes }, pdfAssets)], vocab, {});
				expect(
					result.issues.filter((i) => i.severity === 'error' || i.ruleId.startsWith('text:')),
				).toEqual([]);
				const source = result.catalog.sources[0]!;
				expect([source.repairs['running-head'], source.repairs.folio]).toEqual([8, 8]);
				expect(source.title).toBe('街道学习型组织建设汇编');
				expect(
					result.pages.map((p) => [p.frontmatter.title, p.frontmatter.unit, p.frontmatter.date]),
				).toEqual([
					['让学习成为机关的风气', '南湖街道工委', '2013-01-08'],
					['社区学校办到家门口', '东风社区居委会', '2013-01-10'],
				]);
				expect(result.pages.map((p) => p.text.replace(/\s+/g, ''))).toEqual([
					bodyOf('r1'),
					bodyOf('r2'),
				]);
			},
		);
	},
);

/** Ingest one file of a fixture folder (a PDF through PDF.js, a text as it is). */
async function ingestFile(name: string, file: string) {
	const bytes = new Uint8Array(readFileSync(path.join(root, name, file)));
	return ingestAll([await extractSource({ file, bytes }, pdfAssets)], vocab, {});
}

describe('pdf-wrapped-subtitle: a subtitle too long for an A5 line wraps onto a second', () => {
	test.each(['book.pdf', 'book.txt', 'book.layout.txt'])(
		'%s: both halves are the subtitle (centred over a unit line, right-set over the body); none goes to the body',
		async (file) => {
			const result = await ingestFile('pdf-wrapped-subtitle', file);
			expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
			expect(
				result.pages.map((p) => [
					p.frontmatter.title,
					p.frontmatter.subtitle,
					p.frontmatter.unit,
					p.frontmatter.reportType,
					p.frontmatter.date,
				]),
			).toEqual([
				[
					'学习兴镇 实干富民',
					'——平川县南沟镇人民政府关于开展创建学习型乡镇活动三年来工作情况的总结汇报',
					'平川县南沟镇人民政府',
					'工作汇报',
					'2012-03-20',
				],
				[
					'书香润泽南沟村',
					'——平川县南沟镇南沟村党支部关于创建学习型村庄推动农村经济发展的经验交流材料',
					'平川县南沟镇南沟村党支部',
					'经验材料',
					'2012-03-22',
				],
			]);
			expect(result.pages.map((p) => p.text.split('\n')[0]!.slice(0, 8))).toEqual([
				'三年来，南沟镇把',
				'南沟村有农户四百',
			]);
		},
	);
});

describe('readReportHead: the tail of a wrapped subtitle', () => {
	const span = (...texts: string[]) => texts.map((text, i) => ({ no: i + 1, text }));
	const body = [
		'三年来，南沟镇把创建学习型乡镇作为推动全镇经济社会发展的重',
		'要举措，坚持以学促干、学以致用，全镇干部群众的学习热情不断高',
		'涨。',
	];

	test('is joined when the subtitle fills the measure; a unit line or a name under it is not a tail', () => {
		const head = (...under: string[]) =>
			readReportHead(
				span(
					'学习兴镇 实干富民',
					'——平川县南沟镇人民政府关于开展创建学习型乡镇三年来的工作',
					...under,
					...body,
				),
			);
		expect(head('情况汇报', '平川县南沟镇人民政府').subtitle).toBe(
			'——平川县南沟镇人民政府关于开展创建学习型乡镇三年来的工作情况汇报',
		);
		expect(head('平川县南沟镇人民政府').subtitle).toBe(
			'——平川县南沟镇人民政府关于开展创建学习型乡镇三年来的工作',
		);
		expect(head('平川县南沟镇人民政府').byline).toEqual(['平川县南沟镇人民政府']);
		expect(head('李红梅').subtitle).toBe(
			'——平川县南沟镇人民政府关于开展创建学习型乡镇三年来的工作',
		);
	});

	test('is not looked for under a subtitle shorter than the measure, or one a blank line ends', () => {
		// A hand-typed text: each paragraph one line, far longer than the subtitle.
		const typed = readReportHead(
			span(
				'学习兴镇 实干富民',
				'——平川县南沟镇人民政府创建学习型乡镇',
				'南沟镇党委',
				body.join(''),
			),
		);
		expect([typed.subtitle, typed.byline]).toEqual([
			'——平川县南沟镇人民政府创建学习型乡镇',
			['南沟镇党委'],
		]);
		const apart = readReportHead(
			span(
				'学习兴镇 实干富民',
				'——平川县南沟镇人民政府关于开展创建学习型乡镇三年来的工作',
				'',
				'情况汇报',
				...body,
			),
		);
		expect(apart.subtitle).toBe('——平川县南沟镇人民政府关于开展创建学习型乡镇三年来的工作');
	});
});

describe('pdftotext of a page set in two columns (plain: the columns come out interleaved)', () => {
	test('book.txt: no report starts mid-sentence; the next page’s report is its own; the page is named in a warning', async () => {
		const result = await ingestFile('pdf-two-columns', 'book.txt');
		// `要依据，形成了…` (line 31) continues a sentence of the left column: it heads no report.
		expect(result.pages.map((p) => [p.frontmatter.title, p.frontmatter.lines])).toEqual([
			['以学促干 争创一流', [1, 39]],
			['抓班组学习 促安全生产', [41, 48]],
		]);
		expect(result.pages[1]!.frontmatter.unit).toBe('市煤业公司一矿');
		// Page 1 breaks off mid-sentence before a blank line, with more text under it, at lines
		// 11 (`…给予奖`), 23 (`…集团`) and 27 (`…的重`): its text is out of order, and said so.
		const columns = result.issues.filter((i) => i.ruleId === 'text:column-order');
		expect(columns.map((i) => [i.file, i.line, i.severity])).toEqual([['book.txt', 11, 'warning']]);
		expect(columns[0]!.message).toContain('lines 11, 23, 27');
		expect(columns[0]!.message).toContain('page 1');
		// Pieces of several lines (not lines written in turn): why the order can't be known.
		expect(columns[0]!.message).toContain(
			'nothing in a text tells where a piece stood on the page, so which piece goes on with which can',
		);
	});

	test('book.layout.txt: read column by column, it gives the reports, fields and text the PDF gives, with no warning', async () => {
		const result = await ingestFile('pdf-two-columns', 'book.layout.txt');
		expect(problems(result)).toEqual([]);
		// The same as the PDF's (the test of book.pdf above), written again by hand.
		expect(headFields(result)).toEqual([
			[
				'以学促干 争创一流',
				'——市纺织集团创建学习型企业经验材料',
				'市纺织集团',
				'2012-10-12',
				[1, 22],
			],
			[
				'抓班组学习 促安全生产',
				'——市煤业公司一矿创建学习型班组汇报',
				'市煤业公司一矿',
				'2012-09',
				[23, 31],
			],
		]);
		expect(result.pages[0]!.text.split('\n')).toEqual([
			'市纺织集团现有职工四千二百人，是全市规模最大的纺织企业。近年来，集团党委把创建学习型企业作为推动企业转型升级的重要抓手，坚持全员学习、终身学习，企业的创新能力和市场竞争力不断增强。',
			'一、建立学习激励机制',
			'集团制定了《职工学习奖励办法》，对取得学历证书、职业资格证书和技术成果的职工给予奖励，三年来共发放学习奖励金一百二十万元。集团还把职工的学习情况作为岗位聘任、职务晋升的重要依据，形成了人人想学习、人人会学习的良好氛围。',
			'二、开展技术练兵活动',
			'各分厂每季度开展一次技术比武，每年举办一届职工技能运动会，对获得名次的职工给予表彰。通过技术练兵，一大批青年职工成长为生产骨干，集团现有高级技师三十六人、技师二百一十人，职工队伍的整体素质有了明显提高，为企业的持续发展提供了可靠的人才保证，也为全市纺织行业培养输送了一批技术人才。',
			'三、推进学习成果转化',
			'我们把学习与解决生产经营中的实际问题结合起来，组织职工开展质量攻关和节能降耗活动，三年来完成攻关课题八十四项，创造经济效益三千二百万元。学习型企业的创建，使集团的发展步入了快车道。',
			'市纺织集团',
			'二〇一二年十月十二日',
		]);
		// Lines 4–7 and 10–14 hold a line of each column; line 9 is the right column's alone.
		expect(result.catalog.sources[0]!.repairs).toEqual({ 'column-split': 10, folio: 1 });
	});
});

describe('a two-column -layout text written by hand: other widths, a heading over both columns, a short column', () => {
	// tests/fixtures/formats/text-two-columns/book.layout.txt: typed in the character columns
	// `pdftotext -layout` writes (one column a character): columns 16 characters wide, the right
	// one from column 20; on page 1 a block, the heading `三、成效与体会` centred over both
	// columns, a block whose left column is a line short (the sign-off under the right one);
	// page 2 in one column.
	test('each block is read left column, then right column; the heading between them; page 2 untouched', async () => {
		const result = await ingestFile('text-two-columns', 'book.layout.txt');
		expect(problems(result)).toEqual([]);
		expect(headFields(result)).toEqual([
			['办好社区学校 服务终身学习', '——城东街道社区教育工作汇报', '城东街道', '2013-12', [1, 18]],
			['书香机关建设的实践', '——市水利局创建学习型机关工作汇报', '市水利局', '2013-11', [23, 31]],
		]);
		expect(result.pages[0]!.text.split('\n')).toEqual([
			'城东街道辖十二个社区，常住人口八万余人。近年来，街道把社区教育作为社会治理的重要内容，建成了街道社区学校和十二个社区分校。',
			'一、建好社区学校',
			'街道社区学校设有图书室、电脑室和多功能教室，各社区分校办起了市民学堂，开设书法、摄影、烹饪等课程，每年培训居民四千余人次。',
			'二、培育学习团队',
			'街道扶持成立了读书会、合唱团等学习团队五十二个，每个团队确定一名负责人，定期开展活动，带动了更多居民参与学习。',
			'三、成效与体会',
			'三年来，街道共举办各类培训班三百余期，参加学习的居民达到两万人次。居民的文明素养明显提高，社区的学习氛围日益浓厚，社区学校被评为市级示范社区学校。',
			'城东街道',
			'二〇一三年十二月',
		]);
		expect(result.pages[1]!.text.split('\n')).toEqual([
			'市水利局坚持每月一次集中学习，每季度一次专题讲座，干部职工的学习热情明显提高。',
			'我们还建起了机关图书室，藏书三千余册，干部职工人均年读书十二本，机关的作风和效能有了明显转变。',
			'市水利局',
			'二〇一三年十一月',
		]);
		// Lines 4–9 and 15–18 are read in two pieces or moved (17: the sign-off's unit; 18: its date).
		expect(result.catalog.sources[0]!.repairs).toEqual({ 'column-split': 10, folio: 2 });
	});

	test('a line of prose across the gutter inside a block makes the split uncertain: the page is kept as extracted and named', async () => {
		const text = readFileSync(path.join(root, 'text-two-columns', 'book.layout.txt'), 'utf8')
			.split('\n')
			// A line over both columns, with no blank line around it, between lines 6 and 7: a
			// clause in it, so no heading (a heading across both columns ends the block above it).
			.flatMap((l, i) => (i === 6 ? ['            建好社区学校，服务居民学习', l] : [l]))
			.join('\n');
		const result = ingestAll(
			[{ file: 'across.layout.txt', bytes: new TextEncoder().encode(text) }],
			vocab,
			{},
		);
		const columns = result.issues.filter((i) => i.ruleId === 'text:column-order');
		expect(columns.map((i) => [i.file, i.line])).toEqual([['across.layout.txt', 4]]);
		// Block 1 is kept side by side; block 2 (lines 16–19) is still read column by column.
		expect(result.pages[0]!.text).toContain('常住人课程，每年培训');
		expect(result.pages[0]!.text).toContain('社区的学习氛围日益浓厚');
		expect(result.catalog.sources[0]!.repairs['column-split']).toBe(4);
	});
});

describe('column order and uncertain heads, beyond the two-column fixture', () => {
	test.each([
		'pdf-city-a5',
		'pdf-factory-b5',
		'pdf-city-a4-footer',
		'pdf-alternating-heads',
		'pdf-picture',
		'pdf-headings-outline',
		'pdf-wrapped-subtitle',
	])('%s: one column, sentences cut by page breaks: no text:column-order warning', async (name) => {
		for (const file of ['book.txt', 'book.layout.txt']) {
			const result = await ingestFile(name, file);
			expect([file, result.issues.filter((i) => i.ruleId === 'text:column-order')]).toEqual([
				file,
				[],
			]);
		}
	});

	test('a title over body text after a sign-off whose text broke off is no report, and is named', () => {
		const text = [
			'甲局学习工作',
			'——甲局创建学习型机关工作总结',
			'甲局把创建学习型机关作为机关建设的基础工程，全年组织集中学习四十次。',
			'我们还组织了读书交流活动，干部职工交流读书心得，形成了',
			'甲局',
			'二〇一二年三月',
			'良好的学习风气',
			'这一年里，干部职工的学习热情明显提高，机关作风有了明显转变。',
			'',
			'乙局学习工作',
			'——乙局创建学习型机关工作总结',
			'乙局坚持每周学习一次，学习内容包括政治理论和业务知识。',
			'乙局',
			'二〇一二年四月',
		].join('\n');
		const result = ingestAll(
			[{ file: 'cut.txt', bytes: new TextEncoder().encode(text) }],
			vocab,
			{},
		);
		expect(result.pages.map((p) => [p.frontmatter.title, p.frontmatter.lines])).toEqual([
			['甲局学习工作', [1, 8]],
			['乙局学习工作', [10, 14]],
		]);
		const named = result.issues.filter((i) => i.ruleId === 'structure:uncertain-head');
		expect(named.map((i) => [i.line, i.message.includes('line 4 ')])).toEqual([[7, true]]);
	});

	test('so is a title over a unit line and body text there (a head of full shape but for its place)', () => {
		const text = [
			'甲局学习工作',
			'——甲局创建学习型机关工作总结',
			'甲局把创建学习型机关作为机关建设的基础工程，全年组织集中学习四十次。',
			'我们还组织了读书交流活动，干部职工交流读书心得，形成了',
			'甲局',
			'二〇一二年三月',
			'丁局学习工作',
			'丁局',
			'丁局坚持每周学习一次，学习内容包括政治理论和业务知识。',
			'',
			'乙局学习工作',
			'——乙局创建学习型机关工作总结',
			'乙局坚持每月学习一次，学习内容包括政治理论和业务知识。',
			'乙局',
			'二〇一二年四月',
		].join('\n');
		const result = ingestAll(
			[{ file: 'cut.txt', bytes: new TextEncoder().encode(text) }],
			vocab,
			{},
		);
		expect(result.pages.map((p) => p.frontmatter.title)).toEqual(['甲局学习工作', '乙局学习工作']);
		const named = result.issues.filter((i) => i.ruleId === 'structure:uncertain-head');
		expect(named.map((i) => [i.file, i.line])).toEqual([['cut.txt', 7]]);
	});
});

describe('pdftotext of a book with no printed TOC (its outline is not in the text)', () => {
	test.each(['book.txt', 'book.layout.txt'])(
		'%s: the report heads (a title, its body, a sign-off; three times) split it into its reports',
		async (file) => {
			const result = await ingestFile('pdf-headings-outline', file);
			expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
			expect(
				result.pages.map((p) => [
					p.frontmatter.title,
					p.frontmatter.subtitle,
					p.frontmatter.unit,
					p.frontmatter.author,
					p.frontmatter.date,
				]),
			).toEqual([
				['书香机关建设的实践', '——市水利局创建学习型机关工作汇报', '市水利局', null, '2013-03-10'],
				['关于社区教育的几点体会', null, null, '李红梅', '2013-05'],
				['让读书成为机关干部的习惯', null, null, '王建国', '2013-05'],
			]);
			expect(result.catalog.sources[0]!.title).toBe('机关学习文集');
			// A run-in heading's paragraph wrapped at the A5 measure is one paragraph, as in the PDF.
			expect(result.pages[0]!.text.split('\n')).toContain(
				'（二）考核促进学。我们把学习情况纳入干部年度考核，考核结果与评优评先挂钩，调动了干部职工学习的积极性。',
			);
		},
	);

	test('an author line under a title is its byline, not a sign-off: the heading under it starts no report', () => {
		const text = [
			'书香机关建设的实践',
			'——市水利局创建学习型机关工作汇报',
			'近年来，市水利局把创建学习型机关作为加强机关建设的基础工程。',
			'市水利局',
			'二〇一三年三月十日',
			'让读书成为机关干部的习惯',
			'——市直机关读书活动的几点体会',
			'作者：王建国',
			'读书的意义',
			'读书是机关干部提高素质的基本途径，一个单位的学习风气取决于干部是否养成了读书的习惯。',
		].join('\n');
		const result = ingestAll(
			[{ file: 'byline.txt', bytes: new TextEncoder().encode(text) }],
			vocab,
			{},
		);
		expect(result.pages.map((p) => [p.frontmatter.title, p.frontmatter.author])).toEqual([
			['书香机关建设的实践', null],
			['让读书成为机关干部的习惯', '王建国'],
		]);
	});

	test('one report where the text shows three sign-offs is warned about (structure:one-report)', () => {
		// The same book's text with its titles run into the text before them (no head shape left):
		// it stays one report, but its three sign-offs (a dated one, two `作者：` lines) are named.
		const text = readFileSync(path.join(root, 'pdf-headings-outline', 'book.txt'), 'utf8')
			.replace('\n关于社区教育的几点体会\n', '\n关于社区教育的几点体会。\n')
			.replace('\n让读书成为机关干部的习惯\n', '\n让读书成为机关干部的习惯。\n');
		const result = ingestAll(
			[{ file: 'run-in.txt', bytes: new TextEncoder().encode(text) }],
			vocab,
			{},
		);
		expect(result.pages).toHaveLength(1);
		const warned = result.issues.filter((i) => i.ruleId === 'structure:one-report');
		expect(warned.map((i) => i.message.split(',')[0])).toEqual(['3 sign-offs']);
	});
});
