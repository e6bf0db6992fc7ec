import { describe, expect, test } from 'vitest';
import {
	foldTableFromPairs,
	prepareQuery,
	queryEcho,
	splitTerms,
} from '../../src/lib/search/query.ts';

const fold = foldTableFromPairs('學学習习區区');

describe('search queries: terms ANDed, quoted phrases', () => {
	test.each([
		['学习 社区', ['学习', '社区']],
		['  学习　社区  ', ['学习', '社区']],
		['"学习型 社区"', ['学习型 社区']],
		['学习 "社区 教育" TRIZ', ['学习', '社区 教育', 'TRIZ']],
		['"未闭合 的引号', ['未闭合 的引号']],
		['""', []],
		['', []],
	])('splitTerms(%j) → %j', (typed, terms) => {
		expect(splitTerms(typed)).toEqual(terms);
	});

	test('each term is folded and becomes one word, or an exact phrase when longer than the n-gram, over the text and over the head words', () => {
		const { terms } = prepareQuery('學習型 TRIZ 学', fold, 2);
		expect(terms.map((t) => t.chars.join(''))).toEqual(['学习型', 'triz', '学']);
		expect(terms[0]).toEqual({
			typed: '學習型',
			chars: ['学', '习', '型'],
			pagefind: '"0i1y0fhcz 0fhc0hajz"',
			head: '"0i1y0fhcy 0fhc0hajy"',
		});
		expect(terms[2]!.pagefind).toBe('0i1yz');
		expect(terms[2]!.head).toBe('0i1yy');
		expect(prepareQuery('學習型', fold, 5).terms[0]!.pagefind).toBe('0i1y0fhc0hajz');
	});

	test('a repeated term counts once; the echo says what was searched', () => {
		const query = prepareQuery('学习 學習 "社区 教育"', fold, 2);
		expect(query.terms.map((t) => t.typed)).toEqual(['学习', '社区 教育']);
		expect(queryEcho(query)).toBe('“学习”和“社区教育”');
	});
});
