/**
 * Plain `pdftotext` (no `-layout`) of pages set in two columns (issue 13): the lines of the two
 * columns written in turn, a blank line after each (`pages/interleaved-columns.ts`), read column
 * by column; where the order can't be known, the page is named and kept as extracted. The
 * fixture `pdf-columns-plain` is printed by `make-pdf-cases.ts` from `pdf-cases.ts`; every
 * expectation is written by hand from the HTML there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { unweaveColumns } from '../../src/lib/ingest/pages/interleaved-columns.ts';
import { createRepairLog } from '../../src/lib/ingest/lines/repair-log.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { pdfAssets } from '../../scripts/lib/pdf-assets.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/formats');
const vocab = parseVocabulary(
	readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
);
const ingestText = (file: string, text: string) =>
	ingestAll([{ file, bytes: new TextEncoder().encode(text) }], vocab, {});
type Result = ReturnType<typeof ingestAll>;
const problems = (result: Result) =>
	result.issues.filter(
		(i) =>
			i.severity === 'error' || i.ruleId.startsWith('text:') || i.ruleId.startsWith('structure:'),
	);

/** The bodies of the first three reports, written by hand from pdf-cases.ts (pdf-columns-plain). */
const BODIES = [
	[
		'城东街道辖十二个社区，常住人口八万余人。近年来，街道把社区教育作为社会治理的重要内容，建成了街道社区学校和十二个社区分校，形成了街道、社区、楼院三级社区教育网络，社区教育工作走在了全区的前列。',
		'街道社区学校设有图书室、电脑室和多功能教室，各社区分校办起了市民学堂，开设书法、摄影、烹饪、保健等二十多门课程，每年培训居民四千余人次，受到了居民的普遍欢迎。',
		'街道扶持成立了读书会、合唱团、书画社等学习团队五十二个，每个团队确定一名负责人，制定活动计划，定期开展活动，带动了更多的居民参与学习，居民学习的积极性越来越高。',
		'三年来，街道共举办各类培训班三百余期，参加学习的居民达到两万人次。居民的文明素养明显提高，社区的学习氛围日益浓厚，街道社区学校被评为市级示范社区学校，两个社区被评为市级学习型社区。',
		'我们的体会是：社区教育必须坚持以居民的需求为导向，坚持整合辖区的各种资源，坚持把社区教育同社区建设和社区服务结合起来，这样社区教育才能有生命力，才能长久地坚持下去。',
		'城东街道',
		'二〇一三年十二月',
	],
	[
		'西城区老年大学现有学员二千六百人，为了让更多的老年人就近上学，学校从二〇一一年起在社区设立分校，把课堂办到了老年人的家门口，深受老年人的欢迎。',
		'各社区分校由社区提供教室，老年大学派出教师，统一教学计划，统一教材，统一考核，开设了书法、绘画、声乐、太极拳和保健养生等课程，学员达到一千二百人。',
		'体会与打算',
		'办好社区分校，关键是要有一支热心老年教育的教师队伍。我们从退休教师和社区志愿者中聘请了六十多名兼职教师，定期组织教研活动，不断提高教学质量。',
		'下一步，我们将在全区每个街道都建立一所社区分校，让老年人学有所乐、学有所为，为建设学习型城区作出新的贡献。',
		'西城区老年大学',
		'二〇一三年十一月',
	],
	[
		'南关社区有居民二千八百户。近年来，社区把建设书香社区作为创建学习型社区的重要抓手，建成了社区图书室和十个楼院读书角，藏书一万二千余册。',
		'社区组建了读书会和亲子阅读小组，每月举办一次读书分享会，每年评选十户书香家庭，读书已经成为居民生活的一部分。',
		'我们还请辖区学校的老师和退休干部担任读书辅导员，为居民推荐好书，辅导孩子阅读，每年开展读书辅导活动五十多次，参加的居民有一千多人次。',
		'书香社区的建设，使社区的风气越来越好，邻里关系越来越和睦，南关社区被评为全市书香社区。',
		'南关社区居委会',
		'二〇一四年一月',
	],
];

describe('pdf-columns-plain/book.txt: the lines of two columns written in turn', () => {
	const text = readFileSync(path.join(root, 'pdf-columns-plain', 'book.txt'), 'utf8');
	const result = ingestText('book.txt', text);

	test('the four reports, their fields and line ranges, with no warning', () => {
		expect(problems(result)).toEqual([]);
		expect(
			result.pages.map((p) => [
				p.frontmatter.title,
				p.frontmatter.subtitle,
				p.frontmatter.unit,
				p.frontmatter.date,
				p.frontmatter.lines,
			]),
		).toEqual([
			['办好社区学校 服务终身学习', '——城东街道社区教育工作汇报', '城东街道', '2013-12', [8, 55]],
			[
				'老年大学办进社区',
				'——西城区老年大学社区分校工作总结',
				'西城区老年大学社区分校',
				'2013-11',
				[61, 95],
			],
			[
				'书香社区建设的几点做法',
				'——南关社区居委会经验材料',
				'南关社区居委会',
				'2014-01',
				[101, 132],
			],
			[
				'让学习成为职工的习惯',
				'——市自来水公司创建学习型企业汇报',
				'市自来水公司',
				'2014-02',
				[134, 139],
			],
		]);
		const source = result.catalog.sources[0]!;
		expect(source.title).toBe('社区教育经验汇编');
		// Moved among the text lines: page 2, all of lines 12–55 but none (23); page 3, two runs of
		// eight lines whose first and last two stay (6 + 6); page 4, lines 105–132 (15).
		expect(source.repairs).toEqual({ 'column-interleave': 50, folio: 3, 'running-head': 3 });
	});

	test('each body reads column by column: paragraphs joined across the column break and past a sentence end at the measure', () => {
		// The heading across both columns (report 2) stands between the two runs, after the right
		// column's lines; report 3's right column is short: its sign-off beside the left column,
		// which goes on alone.
		expect(result.pages.slice(0, 3).map((p) => p.text.split('\n'))).toEqual(BODIES);
		expect(result.pages[3]!.text.split('\n')[0]).toBe(
			'市自来水公司坚持每月一次职工夜校，每季度一次技术比武，职工人人有学习计划，个个有学习笔记，企业的服务水平有了明显提高。',
		);
	});
});

describe('pdf-columns-plain/book.pdf: the PDF itself', { timeout: 60_000 }, () => {
	test('gives the same reports, fields and bodies (the gutter found under a running head and over a folio, and beside a short column)', async () => {
		const bytes = new Uint8Array(readFileSync(path.join(root, 'pdf-columns-plain', 'book.pdf')));
		const result = ingestAll(
			[await extractSource({ file: 'book.pdf', bytes }, pdfAssets)],
			vocab,
			{},
		);
		expect(problems(result)).toEqual([]);
		expect(
			result.pages.map((p) => [
				p.frontmatter.title,
				p.frontmatter.unit,
				p.frontmatter.date,
				p.frontmatter.pdfPages,
			]),
		).toEqual([
			['办好社区学校 服务终身学习', '城东街道', '2013-12', [2, 2]],
			['老年大学办进社区', '西城区老年大学社区分校', '2013-11', [3, 3]],
			['书香社区建设的几点做法', '南关社区居委会', '2014-01', [4, 4]],
			['让学习成为职工的习惯', '市自来水公司', '2014-02', [4, 4]],
		]);
		expect(result.pages.slice(0, 3).map((p) => p.text.split('\n'))).toEqual(BODIES);
	});
});

describe('pdf-columns-plain/book.layout.txt: the columns side by side', () => {
	test('a heading across both columns ends the block above it, a title under short columns is no column line: the bodies of the PDF', () => {
		const text = readFileSync(path.join(root, 'pdf-columns-plain', 'book.layout.txt'), 'utf8');
		const result = ingestText('book.layout.txt', text);
		expect(problems(result)).toEqual([]);
		// `体会与打算` (line 46) runs from the left column's edge into the gutter; so does the title
		// `让学习成为职工的习惯` (line 76) under the columns of page 4, which the block took before.
		expect(
			result.pages.map((p) => [
				p.frontmatter.title,
				p.frontmatter.unit,
				p.frontmatter.date,
				p.frontmatter.lines,
			]),
		).toEqual([
			['办好社区学校 服务终身学习', '城东街道', '2013-12', [13, 28]],
			['老年大学办进社区', '西城区老年大学社区分校', '2013-11', [39, 51]],
			['书香社区建设的几点做法', '南关社区居委会', '2014-01', [62, 73]],
			['让学习成为职工的习惯', '市自来水公司', '2014-02', [76, 82]],
		]);
		expect(result.pages.slice(0, 3).map((p) => p.text.split('\n'))).toEqual(BODIES);
	});
});

describe('unweaveColumns: only an order that is certain', () => {
	const lines = (texts: readonly string[]) => texts.map((text, i) => ({ no: i + 1, text }));
	// Two columns of 11 characters, written in turn; a one-column line across the page under them.
	const woven = [
		'市水利局坚持每月学习，',
		'',
		'干部职工，学习热情明显',
		'',
		'每季度举办一次专题讲座',
		'',
		'提高，机关作风也有了明',
		'',
		'，由局领导主讲。我',
		'',
		'显转变，群众满意度逐年',
		'',
		'们还建起了机关图书室，',
		'提高。',
		'',
		'机关图书室藏书三千余册，干部职工人均年读书十二本，读书已经成为机关的风气。',
	];
	const read = (texts: readonly string[]) => {
		const log = createRepairLog();
		const out = unweaveColumns(
			'a.txt',
			lines(texts),
			texts.map(() => 1),
			new Map(),
			log,
		);
		return { ...out, log, texts: out.read?.lines.filter((l) => l.text).map((l) => l.no) };
	};

	test('odd lines, then even lines; the column that goes on alone keeps its tail; counted', () => {
		const out = read(woven);
		expect(out.issues).toEqual([]);
		// Left: 1, 5, 9, 13 and its tail 14; right: 3, 7, 11; then the line across the page.
		expect(out.texts).toEqual([1, 5, 9, 13, 14, 3, 7, 11, 16]);
		expect(out.log.counts).toEqual({ 'column-interleave': 7 });
	});

	test('no prose across the page: could be one column set with wide line spacing; named, kept', () => {
		const out = read(woven.slice(0, 14));
		expect(out.read).toBeNull();
		expect(out.issues.map((i) => [i.ruleId, i.line])).toEqual([['text:column-order', 1]]);
		expect(out.issues[0]!.message).toContain('wide line spacing');
	});

	test('two short lines in a row, the second no sentence end: a heading across both columns or a line of each; named, kept', () => {
		const texts = [...woven];
		// Line 9 ends its column's paragraph; line 11 a short heading-like line, no date after it.
		texts[8] = '由局领导主讲。';
		texts[10] = '学习的体会';
		const out = read(texts);
		expect(out.read).toBeNull();
		expect(out.issues.map((i) => i.line)).toEqual([1]);
		expect(out.issues[0]!.message).toContain('“由局领导主讲。”, “学习的体会”');
	});

	test('a short line without a sentence end after a short line, a full line not indented after it in its column: a heading across both columns, the runs above and under it read each on its own', () => {
		const texts = [
			...['市水利局坚持每月学习，', '机关还开展了读书活动，', '每季度举办一次专题讲座'],
			...['每人每年读书十二本，机', '，由局领导轮流主讲，干', '关作风明显转变。'],
			...['部职工踊跃参加。', '学习的体会', '我们的体会是：领导', '学习型机关建设永无止境'],
			...['带头是关键，制度是保障', '，我们将继续努力，把学', '，氛围是基础。'],
			...['习型机关建设推向深入。'],
			'机关图书室藏书三千余册，干部职工人均年读书十二本，读书已经成为机关的风气。',
		].flatMap((t, i) => (i === 0 ? [t] : ['', t]));
		const out = read(texts);
		expect(out.issues).toEqual([]);
		// Above: left 1, 5, 9, 13 (its last line alone), right 3, 7, 11; the heading 15; under it:
		// left 17, 21, 25, right 19, 23, 27; the line across the page 29.
		expect(out.texts).toEqual([1, 5, 9, 13, 3, 7, 11, 15, 17, 21, 25, 19, 23, 27, 29]);
	});

	test('the same pair before a sign-off date in its column is a short line of each column', () => {
		// Line 9 ends the left column's paragraph, 11 is the right column's sign-off unit, 13 its date.
		const out = read([
			'市水利局坚持每月学习，',
			'',
			'干部职工，学习热情明显',
			'',
			'每季度举办一次专题讲座',
			'',
			'提高，机关作风也有了明',
			'',
			'由局领导主讲。',
			'',
			'市水利局',
			'',
			'们还建起了机关图书室，',
			'',
			'二〇一三年三月',
			'',
			'藏书三千余册。',
			'',
			'机关图书室藏书三千余册，干部职工人均年读书十二本，读书已经成为机关的风气。',
		]);
		expect(out.issues).toEqual([]);
		expect(out.texts).toEqual([1, 5, 9, 13, 17, 3, 7, 11, 15, 19]);
	});
});

describe('pdf-columns-head/book.txt: the columns written in pieces of several lines', () => {
	test('a page of narrow lines that breaks off mid-sentence once, with more text under it, is named', () => {
		const text = readFileSync(path.join(root, 'pdf-columns-head', 'book.txt'), 'utf8');
		const result = ingestText('book.txt', text);
		// Line 12 (`…评选二十名读书标兵，职工`) breaks off before a blank line; page 1's lines are
		// at most 34 characters, page 2's paragraph 59: one break is enough there.
		const named = result.issues.filter((i) => i.ruleId === 'text:column-order');
		expect(named.map((i) => [i.line, i.severity])).toEqual([[12, 'warning']]);
		expect(named[0]!.message).toContain('Page 1 looks set in columns');
	});
});
