import { describe, expect, test } from 'vitest';
import type { RenderedBlock } from '../../src/lib/knowledge/rendered-blocks.ts';
import { searchRecord } from '../../src/lib/search/search-record.ts';

const attributes = (kind: string) => ({
	filters: { year: ['2010'] },
	meta: { title: '學習型社區', kind, unit: '某局' },
	sort: { date: '2010-01-01' },
});
const blocks: RenderedBlock[] = [
	{ tag: 'h1', text: '學習型社區', id: null },
	{ tag: 'p', text: '一 二', id: null },
	{ tag: 'h2', text: '三、做法', id: 'h-1' },
	{ tag: 'p', text: '四', id: 'p-9' },
];

describe('a search record for the index writer', () => {
	test('the fragment keeps the original text; anchors of headings point at their first character', () => {
		const { page } = searchRecord(
			{ url: '/reports/a/', blocks, attributes: attributes('report') },
			{ 學: '学', 習: '习', 區: '区' },
			'07',
		)!;
		expect(page.content).toBe('學習型社區\n一 二\n三、做法\n四');
		// 學習型社區 5 characters, 一二 2 (the space does not count): 三、做法 starts at 7
		expect(page.anchors).toEqual([{ element: 'h2', id: 'h-1', text: '三、做法', location: 7 }]);
		expect(page.wordCount).toBe(5 + 2 + 4 + 1);
		expect(page.sort).toEqual({ date: '07' });
	});

	test('words are made from the folded text, head texts included', () => {
		const { chars } = searchRecord(
			{ url: '/reports/a/', blocks, attributes: attributes('report') },
			{ 學: '学', 習: '习', 區: '区' },
			'07',
		)!;
		expect(String.fromCodePoint(...chars.chars.subarray(0, 5))).toBe('学习型社区');
		expect(chars.heads.map((h) => String.fromCodePoint(...h))).toEqual(['学习型社区', '某局']);
	});

	test('only TOC-only records get the kind filter, and they have no head words', () => {
		const report = searchRecord({ url: '/r/', blocks, attributes: attributes('report') }, {}, '0')!;
		const toc = searchRecord(
			{ url: '/c/#entry-x', blocks: blocks.slice(0, 1), attributes: attributes('toc') },
			{},
			'1',
		)!;
		expect(report.page.filters).toEqual({ year: ['2010'] });
		expect(toc.page.filters).toEqual({ year: ['2010'], kind: ['toc'] });
		expect(toc.chars.heads).toEqual([]);
	});

	test('a record without text is left out', () => {
		expect(
			searchRecord(
				{
					url: '/r/',
					blocks: [{ tag: 'p', text: ' \n', id: null }],
					attributes: attributes('report'),
				},
				{},
				'0',
			),
		).toBeNull();
	});
});
