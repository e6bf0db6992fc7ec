import { describe, expect, test } from 'vitest';
import { blockTokens, charCode, decodeWords, pagefindQuery, prefixWords, searchChars } from '../../src/lib/search/tokens.ts';

describe('search tokens', () => {
	test('a character is four lower-case base-36 digits of its code point', () => {
		expect(charCode('学')).toBe((0x5b66).toString(36).padStart(4, '0'));
		expect(charCode('a')).toBe('002p');
		expect(charCode('𠀀')).toHaveLength(4);
	});

	test('a block gives one word per character: the bigram starting there, shorter at the end', () => {
		const [a, b, c] = ['学', '习', '型'].map(charCode);
		expect(blockTokens('学习型')).toEqual([a! + b!, b! + c!, c!]);
		expect(blockTokens('学 习')).toEqual([a! + b!, b!]);
	});

	test.each([
		['学', 1],
		['学习', 1],
		['学习型社区', 4],
	])('the query %s becomes %i word(s), a phrase when more than one', (q, n) => {
		const query = pagefindQuery(q)!;
		expect(query.replace(/"/g, '').split(' ')).toHaveLength(n);
		expect(query.startsWith('"')).toBe(n > 1);
	});

	test('an empty query is null; whitespace is ignored', () => {
		expect(pagefindQuery('  ')).toBeNull();
		expect(pagefindQuery('学习 型')).toBe(pagefindQuery('学习型'));
	});

	test('decoding the words of a block gives its characters back', () => {
		const text = '强素质 促发展，“五子行动”3个8';
		expect(decodeWords(blockTokens(text)).join('')).toBe(searchChars(text).join(''));
	});

	test('prefix words: every bigram index word and one-character query, not metadata words', () => {
		const prefixes = prefixWords(2)!;
		for (const word of blockTokens('学习型社区，读书。')) expect(prefixes.words.test(word), word).toBe(true);
		expect(pagefindQuery('学')!.length).toBe(prefixes.length);
		expect(blockTokens('学习')[0]!.startsWith(pagefindQuery('学')!)).toBe(true);
		for (const word of ['report', '2002年10月19日', '龙凤区机关党工委', '0ysu0mcv0w2z']) expect(prefixes.words.test(word), word).toBe(false);
		expect(prefixWords(3)).toBeNull();
	});
});

describe('head words (title, subtitle, unit)', () => {
	test('are the n-grams and the characters with the head mark at the end, never an unmarked word', async () => {
		const { headTokens, headQuery, prefixWords } = await import('../../src/lib/search/tokens.ts');
		expect(headTokens('学习型')).toEqual([['0i1y0fhch', '0fhc0hajh', '0hajh'], ['0i1yh', '0fhch', '0hajh']]);
		expect(headQuery('学习型')).toBe('"0i1y0fhch 0fhc0hajh"');
		expect(headQuery('学')).toBe('"0i1yh"');
		// a head word sorts next to its unmarked word (same index chunk) and is in its prefix group
		const prefixes = prefixWords(2)!;
		expect(prefixes.words.exec('0i1y0fhch')?.[1]).toBe('0i1y');
		expect(prefixes.words.exec('0i1yh')?.[1]).toBe('0i1y');
		expect(['0i1y0fhc', '0i1y0fhch', '0i1y0fhd'].sort()).toEqual(['0i1y0fhc', '0i1y0fhch', '0i1y0fhd']);
	});
});
