import { describe, expect, test } from 'vitest';
import { bodyText, readBodyBlocks } from '../../src/lib/knowledge/rendered-blocks.ts';
import {
	collectPractices,
	type PracticeReport,
} from '../../src/lib/knowledge/collect-practices.ts';
import { practiceKey, practiceSlug } from '../../src/lib/knowledge/practice-key.ts';
import { findMention, quoteAround } from '../../src/lib/knowledge/practice-quote.ts';
import { anchorId } from '../../src/lib/mdx/anchor-id.ts';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';

const paragraphs = [
	'一段 <b>不是标签</b> &amp; 也不是实体 {x}。',
	'第二段：“四个一”活动，即读一本书。',
];
const mdx = `## 一、标题 & 小结\n\n${paragraphs.map((p) => p.replace(/[<{&]/g, (c) => `\\${c}`)).join('\n\n')}\n`;

describe('readBodyBlocks', () => {
	test('reads the renderer’s blocks: text as written, ids as the renderer computed them', () => {
		const blocks = readBodyBlocks(renderMdx(mdx).html);
		expect(blocks.map((b) => b.tag)).toEqual(['h2', 'p', 'p']);
		expect(blocks.slice(1).map((b) => b.text)).toEqual(paragraphs);
		const seen = new Map<string, number>();
		expect(blocks[1]!.id).toBe(anchorId('p', paragraphs[0]!, new Map()));
		expect(blocks[0]!.id).toBe(anchorId('h', '一、标题 & 小结', seen));
	});

	test('bodyText joins blocks with a blank line', () => {
		expect(
			bodyText([
				{ tag: 'h2', id: 'h', text: 'A' },
				{ tag: 'p', id: 'p', text: 'B' },
			]),
		).toBe('A\n\nB');
	});
});

describe('practiceKey and practiceSlug', () => {
	test.each([
		['“四个一”活动', '四个一'],
		['“四个一”', '四个一'],
		['“３个８”学习制度', '3个8'],
		['"科技 沙龙"', '科技沙龙'],
		['读书月', '读书月'],
	])('%s → %s', (printed, key) => expect(practiceKey(printed)).toBe(key));

	test('slugs are ASCII, stable and distinct', () => {
		const slugs = ['四个一', '十个一', '3个8'].map(practiceSlug);
		for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		expect(new Set(slugs).size).toBe(3);
		expect(practiceSlug('3个8')).toMatch(/^3-8-/);
		expect(practiceSlug('十个一')).toBe(practiceSlug('十个一'));
	});
});

const p = (id: string, text: string) => ({ tag: 'p' as const, id, text });
const report = (id: string, unit: string | null, namedPractices: string[]): PracticeReport => ({
	id,
	title: `题${id}`,
	unit,
	date: '2010',
	dateSource: 'report',
	category: '学习型机关',
	categorySlug: 'jiguan',
	namedPractices,
	compilationTitle: '汇编',
	sourceSlug: 's',
});

describe('findMention', () => {
	test('prefers the paragraph that defines the name over an earlier passing mention', () => {
		const blocks = [
			p('p-a', '我们开展了“十个一”等活动。'),
			p('p-b', '重点推出“十个一”，即每人读十本书。'),
		];
		expect(findMention(blocks, '十个一')).toEqual({
			anchor: 'p-b',
			quote: '重点推出“十个一”，即每人读十本书。',
		});
	});

	test('falls back to the first paragraph that prints the name, then to a heading', () => {
		expect(findMention([p('p-a', '无关。'), p('p-b', '开展“五结合”。')], '五结合')?.anchor).toBe(
			'p-b',
		);
		const blocks = [
			{ tag: 'h2' as const, id: 'h-x', text: '二、坚持“五结合”' },
			p('p-c', '内容如下。'),
		];
		expect(findMention(blocks, '五结合')).toEqual({
			anchor: 'h-x',
			quote: '二、坚持“五结合” 内容如下。',
		});
		expect(findMention([p('p-a', '无关。')], '五结合')).toBeNull();
	});

	test('quotes the sentence with the name, marking a cut start', () => {
		expect(
			quoteAround(
				'第一句。第二句有“十个一”而且很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。第三句。',
				'十个一',
				20,
			),
		).toBe('…第二句有“十个一”而且很长很长很长很长很…');
	});
});

describe('collectPractices', () => {
	test('groups one name across units, each use with its own paragraph and quote', () => {
		const practices = collectPractices([
			{
				data: report('r1', '甲局', ['“四个一”活动', '“五子行动”']),
				blocks: [p('p-1', '开展“四个一”活动，即读一本好书。'), p('p-2', '推进“五子行动”。')],
			},
			{
				data: report('r2', '乙街道', ['“四个一”']),
				blocks: [p('p-9', '具体做到“四个一”：一是联系实际。')],
			},
		]);
		expect(practices.map((x) => [x.key, x.unitCount])).toEqual([
			['四个一', 2],
			['五子行动', 1],
		]);
		const [four] = practices;
		expect(four!.label).toBe('“四个一”');
		expect(four!.uses.map((u) => [u.unit, u.printed, u.anchor, u.quote])).toEqual([
			['甲局', '“四个一”活动', 'p-1', '开展“四个一”活动，即读一本好书。'],
			['乙街道', '“四个一”', 'p-9', '具体做到“四个一”：一是联系实际。'],
		]);
		expect(practices[1]!.label).toBe('“五子行动”');
	});

	test('counts a report once per name and reports without a unit by report', () => {
		const practices = collectPractices([
			{
				data: report('r1', null, ['“十个一”', '“十个一”活动']),
				blocks: [p('p-1', '推出“十个一”。')],
			},
			{ data: report('r2', null, ['“十个一”']), blocks: [p('p-2', '推出“十个一”。')] },
		]);
		expect(practices).toHaveLength(1);
		expect(practices[0]!.uses).toHaveLength(2);
		expect(practices[0]!.unitCount).toBe(2);
	});
});
