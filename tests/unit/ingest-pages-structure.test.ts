/**
 * The printed page (issue 13: furniture, letter-spaced lines) meets the structure (issue 21: TOC
 * shapes, line accounting): one explicit case per rule that the two needed from each other. The
 * format fixtures (tests/fixtures/formats/) and the structure fixtures show them on whole books.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { draftSource } from '../../src/lib/ingest/draft-source.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { accountLines } from '../../src/lib/ingest/structure/account-lines.ts';
import { buildBlocks } from '../../src/lib/ingest/report/blocks.ts';
import { sectionMarkerOf } from '../../src/lib/ingest/lines/line-kinds.ts';
import { collapseLetterSpaced } from '../../src/lib/ingest/pages/letter-spaced.ts';
import { parseToc } from '../../src/lib/ingest/structure/parse-toc.ts';
import { createRepairLog, dropLine } from '../../src/lib/ingest/lines/repair-log.ts';
import { toSourceLines } from '../../src/lib/ingest/lines/source-lines.ts';
import { isFrameLine } from '../../src/lib/ingest/structure/split-compilation.ts';
import { readColumnToc } from '../../src/lib/ingest/structure/toc-columns.ts';
import { isHeaderRow, readTocRow } from '../../src/lib/ingest/structure/toc-row.ts';

const lines = (text: string) => toSourceLines(text, createRepairLog());

describe('letter-spaced lines of their own are not pieces of one line', () => {
	const collapse = (texts: string[]) => {
		const src = texts.map((text, i) => ({ no: i + 1, text }));
		const log = createRepairLog();
		collapseLetterSpaced(
			src,
			log,
			new Map(),
			texts.map(() => 1),
		);
		return { texts: src.map((l) => l.text), moved: [...(log.movedLines ?? new Map())] };
	};

	test('编　者 ⏎ 目　录: two headings, each collapsed on its own line', () => {
		expect(collapse(['编　者', '', '目　录'])).toEqual({ texts: ['编者', '', '目录'], moved: [] });
	});

	test('目 录 ⏎ a TOC’s column heads: 目录 stays a line of its own', () => {
		expect(
			collapse(['目        录', '', '篇    名          单    位          页码']).texts[0],
		).toBe('目录');
	});

	test('pieces with a lone character are still joined, and each moved piece is logged with its new line', () => {
		expect(collapse(['二', '', '〇', '一 一 年', '', '六 月'])).toEqual({
			texts: ['', '', '', '', '', '二〇一一年六月'],
			moved: [
				[1, 6],
				[3, 6],
				[4, 6],
			],
		});
	});
});

describe('the line account knows the page repairs', () => {
	test('a folio or running head removed before the split is a repair, a moved piece is where its text went', () => {
		const src = lines('甲\n正文。\n\n— 2 —\n二\n〇一一年');
		const log = createRepairLog();
		dropLine(log, 4, 'folio');
		src[3] = { no: 4, text: '' };
		(log.movedLines = new Map()).set(5, 6);
		src[4] = { no: 5, text: '' };
		src[5] = { no: 6, text: '二〇一一年' };
		const { account } = accountLines({
			file: 'a.txt',
			lines: src,
			spans: [{ start: 0, end: 6, order: 0, webLabel: null, bundle: false }],
			log,
			regions: [],
		});
		expect(account).toMatchObject({ report: [1, 2, 5, 6], repair: [4], unassigned: [] });
	});
});

describe('TOC rows as a page prints them', () => {
	test('a row whose leaders end the line waits for its page on the next line (no sentence end)', () => {
		const toc = parseToc(
			lines(
				'目 录\n强化理论武装……（4）\n和谐家园 书香社区\n——和平里街道北街社区创建学习型社区经验材料……………\n（7）\n\n正文开始。',
			),
		);
		expect(toc?.items.map((i) => [i.title, i.subtitle, i.page])).toEqual([
			['强化理论武装', null, 4],
			['和谐家园 书香社区', '——和平里街道北街社区创建学习型社区经验材料', 7],
		]);
	});

	test.each([
		['1 4', 4, '1'],
		['2                                     5', 5, '2'],
	] as const)(
		'%j: a row number and a page, the title on a line of its own',
		(text, page, number) => {
			expect(readTocRow(text, true)).toMatchObject({
				cells: [],
				page,
				number: { style: 'arabic', text: number },
			});
		},
	);

	test('a row number set off by one space is taken off the title inside a TOC only, and only before a page', () => {
		expect(readTocRow('3 关于企业建设学习型组织的几点思考 6', true)).toMatchObject({
			cells: ['关于企业建设学习型组织的几点思考'],
			page: 6,
			number: { text: '3' },
		});
		expect(readTocRow('3 关于企业建设学习型组织的几点思考', true).number).toBeNull();
	});

	test('序号 题目 页码 is a header row', () => {
		expect(isHeaderRow('序号 题目 页码')).toBe(true);
		expect(isHeaderRow('序号')).toBe(true);
	});

	test('a table TOC read row by row: title, then number and page, then the subtitle', () => {
		const toc = parseToc(
			lines(
				'目 录\n序号 题目 页码\n以学习创新驱动企业发展\n1 4\n——市第一机床厂创建学习型企业经验材料\n建设学习型班组 夯实企业管理基础\n2 5\n——市供电公司城南供电所创建学习型班组汇报\n3 关于企业建设学习型组织的几点思考 6\n\n正文开始。',
			),
		);
		expect(toc?.items.map((i) => [i.title, i.subtitle, i.page])).toEqual([
			['以学习创新驱动企业发展', '——市第一机床厂创建学习型企业经验材料', 4],
			['建设学习型班组 夯实企业管理基础', '——市供电公司城南供电所创建学习型班组汇报', 5],
			['关于企业建设学习型组织的几点思考', null, 6],
		]);
	});

	test('a table TOC read column by column: the 序号 column 1..N is not the pages; a subtitle cell stays with its title', () => {
		const src = lines(
			'目 录\n序号\n1\n2\n3\n题目\n甲乙丙丁\n——戊己庚辛\n子丑寅卯\n辰巳午未\n页码\n4\n5\n6\n正文。',
		);
		expect(
			readColumnToc(src, 0, () => false)?.entries.map((e) => [e.title, e.subtitle ?? null, e.page]),
		).toEqual([
			['甲乙丙丁', '——戊己庚辛', 4],
			['子丑寅卯', null, 5],
			['辰巳午未', null, 6],
		]);
		// Numbers that do not count 1, 2, 3 … are a page column.
		expect(
			readColumnToc(lines('目 录\n4\n9\n甲乙丙丁\n戊己庚辛\n正文。'), 0, () => false),
		).toBeNull();
	});
});

describe('part pages', () => {
	test.each([
		['第一部分学习型企业', '学习型企业'],
		['第一部分 学习型企业', '学习型企业'],
		['第二部分', '第二部分'],
		['第一编辑部', null],
		['第一章节的内容', null],
	] as const)('%j → %j', (text, label) => {
		expect(sectionMarkerOf(text)).toBe(label);
	});

	test('the name under a bare part header is frame; a sentence or a subtitle there is not', () => {
		const src = lines(
			'第 一 部 分\n\n学习型企业\n第二部分\n我们的做法是这样的。\n第三部分\n——某单位经验',
		);
		collapseLetterSpaced(
			src,
			createRepairLog(),
			new Map(),
			src.map(() => 1),
		);
		expect([0, 2, 4, 6].map((i) => isFrameLine(src, i, new Set()))).toEqual([
			true,
			true,
			false,
			false,
		]);
	});
});

describe('bare numbers in a body', () => {
	const texts = (pagesKnown: boolean) =>
		buildBlocks(
			lines('合理化建议（条）\n\n860\n\n1020\n\n技术革新（项）\n\n58'),
			createRepairLog(),
			pagesKnown,
		).map((b) => b.text);

	test('with the pages known (folios already removed) a number alone is text: a table cell', () => {
		expect(texts(true).join('|')).toContain('860');
		expect(texts(true).join('|')).toContain('58');
	});

	test('without pages it is still taken for a page number', () => {
		expect(texts(false).join('|')).not.toContain('860');
	});
});

describe('text kept with a report across a frame line', () => {
	const vocab = parseVocabulary(
		readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
	);

	test('the section marker between the kept text and the head is frame, and no text is reported lost', () => {
		const text =
			'某县学习型组织汇编\n\n目录\n◆ 机关篇\n强化学习 提升素质……1\n建设书香校园……5\n\n说明：本书收录的材料均经单位审核。\n\n◆ 机关篇\n\n强化学习 提升素质\n某县统计局\n我局坚持学习，成效明显。\n\n建设书香校园\n某县中学\n我校开展读书活动，效果很好。\n';
		const out = draftSource({ file: 'a.txt', bytes: new TextEncoder().encode(text) }, vocab);
		expect(out.issues.map((i) => [i.ruleId, i.line])).toEqual([['structure:unassigned', 8]]);
		expect('account' in out && out.account).toMatchObject({
			kept: [8],
			frame: [10],
			unassigned: [],
		});
		expect('reports' in out && out.reports[0]!.text).toContain(
			'说明：本书收录的材料均经单位审核。',
		);
	});
});
