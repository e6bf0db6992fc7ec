/**
 * Two columns side by side on the lines of a text extraction (`pages/two-columns.ts`), and the
 * no-loss check reading such lines in their pieces. Expectations written by hand.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { pdfAssets } from '../../scripts/lib/pdf-assets.ts';
import { splitColumns } from '../../src/lib/ingest/pages/two-columns.ts';
import { createRepairLog } from '../../src/lib/ingest/lines/repair-log.ts';
import { checkNoLoss } from '../../src/lib/ingest/output/check-no-loss.ts';

const lines = (texts: readonly string[]) => texts.map((text, i) => ({ no: i + 1, text }));

describe('splitColumns', () => {
	// Aligned in display width (an editor: CJK two columns wide), the right column from column 34
	// of the display: in characters it starts at 24, 19 and 21 (the ASCII on the left: `2012`, `36`).
	const text = [
		'  全市2012年建成学习型社区        二十个，学习型家庭达到',
		'三千户。各社区办起了市民学校，    开设了书法、摄影等课',
		'全年培训居民36万人次，居民的      程，深受居民欢迎。',
		'学习热情明显提高。',
	];
	test('a text aligned in display width: the steadier gutter is measured in display columns', () => {
		const log = createRepairLog();
		const out = splitColumns(lines(text), [1, 1, 1, 1], new Map(), log)!;
		expect(out.lines.map((l) => [l.no, l.part ?? null, l.text.trim()])).toEqual([
			[1, 'left', '全市2012年建成学习型社区'],
			[2, 'left', '三千户。各社区办起了市民学校，'],
			[3, 'left', '全年培训居民36万人次，居民的'],
			[4, null, '学习热情明显提高。'],
			[1, 'right', '二十个，学习型家庭达到'],
			[2, 'right', '开设了书法、摄影等课'],
			[3, 'right', '程，深受居民欢迎。'],
		]);
		expect(out.blocks).toEqual([{ page: 1, lines: [1, 4] }]);
		expect(log.counts).toEqual({ 'column-split': 3 });
		// Where each right piece begins, in characters that are not white space.
		expect([...log.columnSplits!]).toEqual([
			[1, 14],
			[2, 15],
			[3, 15],
		]);
	});

	test('a table of contents in columns (no clause marks) and one-column prose are left alone', () => {
		const toc = [
			'以学促干 争创一流      市纺织集团      1',
			'抓班组学习 促安全生产  市煤业公司一矿  5',
			'书香机关建设的实践    市水利局        8',
		];
		expect(splitColumns(lines(toc), [1, 1, 1], new Map(), createRepairLog())).toBeNull();
		const prose = [
			'市水利局坚持每月一次集中学习，每季度一次专题讲座，干部职工',
			'的学习热情明显提高。',
		];
		expect(splitColumns(lines(prose), [1, 1], new Map(), createRepairLog())).toBeNull();
	});
});

describe('the no-loss check reads a line of two columns in its two pieces', () => {
	const raw = ['左一，左一  右一，右一', '左二，左二  右二，右二', '左三，左三  右三，右三'];
	const log = createRepairLog();
	log.columnSplits = new Map([
		[1, 5],
		[2, 5],
		[3, 5],
	]);
	const entries: Array<{ no: number; part: 'left' | 'right' }> = [
		...[1, 2, 3].map((no) => ({ no, part: 'left' as const })),
		...[1, 2, 3].map((no) => ({ no, part: 'right' as const })),
	];
	const input = (body: string) => ({
		file: 'a.txt',
		title: 't',
		rawLines: raw,
		lines: [1, 3] as const,
		log,
		head: [],
		blocks: [{ type: 'paragraph' as const, text: body, line: 1 }],
		entries,
	});
	test('the page in reading order: nothing lost', () => {
		expect(
			checkNoLoss(input('左一，左一左二，左二左三，左三右一，右一右二，右二右三，右三')),
		).toBeNull();
	});
	test('a piece lost, or the columns in the order of the lines: an error at its line', () => {
		expect(checkNoLoss(input('左一，左一左二，左二左三，左三右一，右一右三，右三'))?.line).toBe(2);
		expect(
			checkNoLoss(input('左一，左一右一，右一左二，左二右二，右二左三，左三右三，右三')),
		).toMatchObject({
			ruleId: 'text:lost',
			line: 2,
		});
	});
});

describe('a report head that ends the left column, its body in the right one (pdf-columns-head)', () => {
	// tests/fixtures/formats/pdf-columns-head (pdf-cases.ts): the second report's title and
	// subtitle are the left column's last lines (14–15); its body stands on lines 1–8, right side.
	const root = path.resolve(import.meta.dirname, '../fixtures/formats/pdf-columns-head');
	const vocab = parseVocabulary(
		readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
	);

	test('book.layout.txt: nothing lost (the head read before its body), the fields and bodies of the PDF', () => {
		const bytes = new Uint8Array(readFileSync(path.join(root, 'book.layout.txt')));
		const result = ingestAll([{ file: 'book.layout.txt', bytes }], vocab, {});
		expect(
			result.issues.filter((i) => i.severity === 'error' || i.ruleId.startsWith('text:')),
		).toEqual([]);
		expect(
			result.pages.map((p) => [
				p.frontmatter.title,
				p.frontmatter.subtitle,
				p.frontmatter.unit,
				p.frontmatter.date,
				p.frontmatter.lines,
			]),
		).toEqual([
			['社区学校进楼院', '——北关街道社区教育工作汇报', '北关街道', '2013-10', [1, 12]],
			['企业职工的学习乐园', '——市印刷厂职工书屋工作总结', '市印刷厂工会', '2013-11', [1, 15]],
			[
				'让学习成为职工的习惯',
				'——市自来水公司创建学习型企业汇报',
				'市自来水公司',
				'2014-02',
				[16, 21],
			],
		]);
		expect(result.pages[1]!.text.split('\n')).toEqual([
			'市印刷厂职工书屋建于二〇一〇年，有图书八千余册、报刊六十多种，每天开放十个小时，职工下班以后都愿意到书屋来看书学习。',
			'书屋实行职工自我管理，由各车间推选的十名图书管理员轮流值班，职工凭工作证借阅图书，全年借阅图书一万余册次。',
			'厂工会每季度在书屋举办一次读书讲座，每年评选二十名读书标兵，职工书屋被评为全市优秀职工书屋。',
			'市印刷厂工会',
			'二〇一三年十一月',
		]);
		expect(result.pages[0]!.text.split('\n')[0]).toBe(
			'北关街道有居民一万二千户，街道把社区学校办进楼院，在每个楼院设立学习点，由楼院长担任联络员，居民出门就能参加学习。',
		);
	});

	test('the no-loss check places the head by the reading order, not by its line number', () => {
		// Reading order: the head on lines 3–4, then its body on the right pieces of lines 1–2.
		const log = createRepairLog();
		log.columnSplits = new Map([
			[1, 3],
			[2, 3],
		]);
		const input = (body: string) => ({
			file: 'a.txt',
			title: '标题',
			rawLines: ['左一。  右一，右一', '左二。  右二。', '标题', '——副标题'],
			lines: [1, 4] as const,
			log,
			head: [
				{ no: 3, text: '标题' },
				{ no: 4, text: '——副标题' },
			],
			blocks: [{ type: 'paragraph' as const, text: body, line: 1 }],
			entries: [
				{ no: 3 },
				{ no: 4 },
				{ no: 1, part: 'right' as const },
				{ no: 2, part: 'right' as const },
			],
		});
		expect(checkNoLoss(input('右一，右一右二。'))).toBeNull();
		expect(checkNoLoss(input('右一，右二。'))?.ruleId).toBe('text:lost');
	});
});

describe('a TOC printed in two columns (pdf-toc-columns)', () => {
	const root = path.resolve(import.meta.dirname, '../fixtures/formats/pdf-toc-columns');
	const vocab = parseVocabulary(
		readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
	);
	// pdf-cases.ts: entries 1–3 down the left column (pages 3–5), 4–6 down the right (6–8).
	const toc = [
		['学习型机关的建设', 3],
		['学习型企业的实践', 4],
		['学习型社区的探索', 5],
		['学习型家庭的培育', 6],
		['学习型村庄的创建', 7],
		['学习型校园的打造', 8],
	];

	test('book.layout.txt: side by side, read left column then right; every entry finds its report', () => {
		const bytes = new Uint8Array(readFileSync(path.join(root, 'book.layout.txt')));
		const result = ingestAll([{ file: 'book.layout.txt', bytes }], vocab, {});
		expect(
			result.issues.filter(
				(i) =>
					i.severity === 'error' || i.ruleId.startsWith('toc:') || i.ruleId.startsWith('text:'),
			),
		).toEqual([]);
		const source = result.catalog.sources[0]!;
		expect(source.toc.map((t) => [t.title, t.page])).toEqual(toc);
		expect(source.toc.every((t) => t.reportId !== null)).toBe(true);
		expect(
			result.pages.map((p) => [p.frontmatter.title, p.frontmatter.unit, p.frontmatter.date]),
		).toEqual([
			['学习型机关的建设', '市水利局', '2014-03'],
			['学习型企业的实践', '市纺织集团', '2014-04'],
			['学习型社区的探索', '城东街道', '2014-05'],
			['学习型家庭的培育', '市妇联', '2014-06'],
			['学习型村庄的创建', '南沟村党支部', '2014-07'],
			['学习型校园的打造', '市第一中学', '2014-08'],
		]);
		// One per row read in two pieces (lines 15, 17, 19).
		expect(source.repairs['column-split']).toBe(3);
	});

	test('book.txt: the entries written in turn, read odd entries then even; every entry finds its report', () => {
		const bytes = new Uint8Array(readFileSync(path.join(root, 'book.txt')));
		const result = ingestAll([{ file: 'book.txt', bytes }], vocab, {});
		expect(
			result.issues.filter(
				(i) =>
					i.severity === 'error' || i.ruleId.startsWith('toc:') || i.ruleId.startsWith('text:'),
			),
		).toEqual([]);
		const source = result.catalog.sources[0]!;
		expect(source.toc.map((t) => [t.title, t.page])).toEqual(toc);
		expect(source.toc.every((t) => t.reportId !== null)).toBe(true);
		expect(result.pages).toHaveLength(6);
		// Lines 9–31: entries 1 (9, 11) and 6 (29, 31) stay; the other eight lines move.
		expect(source.repairs['column-interleave']).toBe(8);
	});
});

describe(
	'pdf-toc-columns/book.pdf: the TOC in two columns, from the PDF itself',
	{ timeout: 60_000 },
	() => {
		test('its gutter is between the columns, not between the titles and their page numbers', async () => {
			const file = path.resolve(
				import.meta.dirname,
				'../fixtures/formats/pdf-toc-columns/book.pdf',
			);
			const vocab = parseVocabulary(
				readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
			);
			const input = await extractSource(
				{ file: 'book.pdf', bytes: new Uint8Array(readFileSync(file)) },
				pdfAssets,
			);
			const result = ingestAll([input], vocab, {});
			expect(
				result.issues.filter(
					(i) =>
						i.severity === 'error' ||
						i.ruleId.startsWith('toc:') ||
						i.ruleId.startsWith('structure:'),
				),
			).toEqual([]);
			const source = result.catalog.sources[0]!;
			expect(source.toc.map((t) => [t.title, t.page, t.reportId !== null])).toEqual([
				['学习型机关的建设', 3, true],
				['学习型企业的实践', 4, true],
				['学习型社区的探索', 5, true],
				['学习型家庭的培育', 6, true],
				['学习型村庄的创建', 7, true],
				['学习型校园的打造', 8, true],
			]);
			expect(result.pages.map((p) => p.frontmatter.pdfPages)).toEqual([
				[3, 3],
				[4, 4],
				[5, 5],
				[6, 6],
				[7, 7],
				[8, 8],
			]);
		});
	},
);
