/**
 * `pdfToText`: PDF.js text items (hand-placed here, in PDF units, y upwards) → paragraphs by
 * geometry: a full line continues, an indented line starts a paragraph, a line in another size
 * or a right-aligned sign-off stands alone; every line knows its PDF page.
 */
import { describe, expect, test } from 'vitest';
import { pdfToText, type PdfItem } from '../../src/lib/ingest/formats/pdf-lines.ts';
import { findGutter } from '../../src/lib/ingest/formats/pdf-columns.ts';

const size = 10;
// A text block from x = 50 to x = 350 (30 characters of 10 units).
const line = (str: string, y: number, x = 50): PdfItem => ({
	str,
	x,
	y,
	w: str.length * size,
	size,
});

describe('pdfToText', () => {
	test('joins lines broken at the measure, starts a paragraph at an indent, keeps headings and sign-offs apart', () => {
		const page = {
			items: [
				{ str: '强化理论武装', x: 120, y: 760, w: 84, size: 14 },
				line('近年来我局以科学发展观为指导把创建学习型机关作', 740, 70),
				line('为加强干部队伍建设的重要抓手坚持以学习促工作以工', 722),
				line('作带学习。', 704),
				line('一、加强组织领导', 680),
				line('我们成立了领导小组并制定了学习制度和考核办法每周', 662, 70),
				line('五下午为集中学习日。', 644),
				line('东城区财政局', 626, 290),
				line('二〇一一年六月十八日', 608, 250),
			],
		};
		// Make the long lines reach the right edge (x + w = 350).
		for (const item of page.items) if (item.str.length >= 20) item.w = 350 - item.x;
		const { text, pageOfLine } = pdfToText([page]);
		expect(text.split('\n').filter((l) => l !== '')).toEqual([
			'强化理论武装',
			'近年来我局以科学发展观为指导把创建学习型机关作为加强干部队伍建设的重要抓手坚持以学习促工作以工作带学习。',
			'一、加强组织领导',
			'我们成立了领导小组并制定了学习制度和考核办法每周五下午为集中学习日。',
			'东城区财政局',
			'二〇一一年六月十八日',
		]);
		expect(new Set(pageOfLine)).toEqual(new Set([1]));
	});

	test('a picture among the text leaves a placeholder paragraph at its top; a small one or one under text leaves none', () => {
		const items = [
			line('第一段文字。', 740, 70),
			line('第二段文字。', 600, 70),
			line('第三段文字。', 560, 70),
		];
		const pictures = [
			{ x: 100, y: 620, w: 200, h: 100 }, // between the first and second paragraphs
			{ x: 190, y: 580, w: 8, h: 8 }, // an ornament
			{ x: 40, y: 540, w: 320, h: 40 }, // a background under the third paragraph
		];
		const { text, pictures: count } = pdfToText([{ items, pictures }]);
		expect(text.split('\n').filter((l) => l !== '')).toEqual([
			'第一段文字。',
			'［图］',
			'第二段文字。',
			'第三段文字。',
		]);
		expect(count).toBe(1);
	});

	test('gives each paragraph its font size over the body size (the commonest), 0 for a blank line', () => {
		const page = {
			items: [
				{ str: '强化理论武装', x: 120, y: 760, w: 84, size: 14 },
				line('正文第一段。', 740, 70),
				{ str: '健全学习制度', x: 50, y: 720, w: 72, size: 12 },
				line('正文第二段。', 700, 70),
			],
		};
		const { text, sizeOfLine } = pdfToText([page]);
		const sized = text.split('\n').map((l, i) => [l, sizeOfLine[i]]);
		expect(sized.filter(([l]) => l !== '')).toEqual([
			['强化理论武装', 1.4],
			['正文第一段。', 1],
			['健全学习制度', 1.2],
			['正文第二段。', 1],
		]);
		expect(sized.filter(([l]) => l === '').map(([, s]) => s)).toEqual([0, 0, 0, 0]);
	});

	test('items on one baseline make one line, wide gaps become spaces (letter-spacing), pages are numbered', () => {
		const spaced = ['二', '〇', '一', '一', '年'].map((str, k) => ({
			str,
			x: 200 + k * 20,
			y: 600,
			w: 10,
			size,
		}));
		const { text, pageOfLine, empty } = pdfToText([
			{ items: [line('第一页的正文。', 700)] },
			{ items: [] },
			{ items: spaced },
		]);
		const lines = text.split('\n');
		expect(lines.filter((l) => l !== '')).toEqual(['第一页的正文。', '二 〇 一 一 年']);
		expect(pageOfLine[lines.indexOf('二 〇 一 一 年')]).toBe(3);
		expect(empty).toEqual([2]);
	});
});

describe('two columns', () => {
	// Two columns of 14 characters (x 50–190 and 210–350), a title across both, a subtitle right-aligned.
	const col = (str: string, y: number, x: number, w = 140): PdfItem => ({ str, x, y, w, size });
	const page = {
		items: [
			{ str: '以学促干争创一流', x: 150, y: 780, w: 112, size: 14 },
			col('——市纺织集团经验材料', 760, 250, 100),
			col('左栏第一段开头的文字左栏', 740, 70, 120),
			col('第一段接着写下去一直写到', 722, 50),
			col('这里。', 704, 50, 30),
			col('左栏第二段的文字写到栏底', 686, 70, 120),
			col('右栏接着写完第二段的最后', 740, 210),
			col('一句话。', 722, 210, 40),
			col('右栏第三段另起一行的文字', 704, 230, 120),
			col('写完了。', 686, 210, 40),
		],
	};

	test('a page in two columns is read column by column: title, subtitle, left column, right column', () => {
		expect(findGutter(page.items, size)).toEqual({
			from: expect.any(Number),
			to: expect.any(Number),
		});
		const { text } = pdfToText([page]);
		expect(text.split('\n').filter((l) => l !== '')).toEqual([
			'以学促干争创一流',
			'——市纺织集团经验材料',
			'左栏第一段开头的文字左栏第一段接着写下去一直写到这里。',
			'左栏第二段的文字写到栏底',
			'右栏接着写完第二段的最后一句话。',
			'右栏第三段另起一行的文字写完了。',
		]);
	});

	test('a TOC with page numbers at the right edge, or one column of text, has no gutter', () => {
		const toc = [
			'第一篇报告的标题',
			'第二篇报告的标题',
			'第三篇报告的标题',
			'第四篇报告的标题',
			'第五篇报告的标题',
			'第六篇报告的标题',
		].flatMap((t, i) => [
			col(t, 740 - i * 20, 50, 80),
			col(String(i * 4 + 1), 740 - i * 20, 340, 10),
		]);
		expect(findGutter(toc, size)).toBeNull();
		const one = Array.from({ length: 8 }, (_, i) =>
			col('一栏到底的正文文字一栏到底的正文文字一栏到底的正文', 740 - i * 18, 50, 300),
		);
		expect(findGutter(one, size)).toBeNull();
	});
});
