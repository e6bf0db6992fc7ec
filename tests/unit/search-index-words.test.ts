import { describe, expect, test } from 'vitest';
import { indexWords, planRanges, recordChars } from '../../src/lib/search/index-words.ts';

// 学 0i1y, 习 0fhc, 型 0haj, a 002p (see search-tokens.test.ts)
const wordsOf = (blocks: Array<{ tag: string; text: string }>, heads: string[], gram: number) => {
	const out: Array<[string, number[]]> = [];
	const source = indexWords([recordChars(blocks, heads)], gram, 1e9);
	for (const range of source.ranges()) {
		const words = source.range(range);
		words.words(0, (id, locations) => out.push([words.word(id), [...locations]]));
	}
	return new Map(out);
};

describe('index words of a record', () => {
	test('shorter n-grams once per page with their count; n-grams of full length with every position', () => {
		const words = wordsOf([{ tag: 'p', text: '学习 型学习' }], [], 2);
		expect(words).toEqual(
			new Map([
				// counted: position 0, then steps of 1 (one per further occurrence), at the runtime's
				// weight 25, which needs no marker
				['0i1yz', [0, 1]],
				['0fhcz', [0, 1]],
				['0hajz', [0]],
				// placed: 学习 at characters 0 and 3, 习型 at 1, 型学 at 2
				['0i1y0fhcz', [0, 3]],
				['0fhc0hajz', [1]],
				['0haj0i1yz', [2]],
			]),
		);
	});

	test('no n-gram spans two blocks; positions run on across blocks; headings weigh more', () => {
		const words = wordsOf(
			[
				{ tag: 'h1', text: '学习' },
				{ tag: 'p', text: '型' },
			],
			[],
			2,
		);
		expect(words.get('0fhc0hajz')).toBeUndefined();
		expect(words.get('0i1y0fhcz')).toEqual([-169, 0]);
		expect(words.get('0hajz')).toEqual([0]);
	});

	test('head texts give head words after the text, one position apart', () => {
		const words = wordsOf([{ tag: 'p', text: 'a' }], ['学习', '习型'], 2);
		expect(words.get('002pz')).toEqual([0]);
		// text is 1 character: 学习 at 1, then a gap, 习型 at 4
		expect(words.get('0i1y0fhcy')).toEqual([1]);
		expect(words.get('0fhc0hajy')).toEqual([4]);
		expect(words.get('0fhcy')).toEqual([0, 1]);
		expect(words.get('0fhc0hajz')).toBeUndefined();
	});

	test('counts stop at the cap', () => {
		const words = wordsOf([{ tag: 'p', text: '学'.repeat(100) }], [], 5);
		expect(words.get('0i1yz')).toHaveLength(24);
		expect(words.get('0i1y0i1y0i1y0i1y0i1yz')).toHaveLength(96);
	});

	test('ranges split the characters by code point, each within the budget unless one character exceeds it', () => {
		// a 2 + b 1 = 3 fit the budget of 3; 学 3 more do not
		const records = [recordChars([{ tag: 'p', text: 'aab学学学' }])];
		expect(planRanges(records, 3)).toEqual([
			{ from: 0, to: 0x5b66 },
			{ from: 0x5b66, to: 0x110000 },
		]);
		expect(planRanges(records, 2)).toHaveLength(3);
		// words of a range start with its characters only
		const source = indexWords(records, 2, 3);
		const seen: string[][] = source.ranges().map((range) => {
			const words: string[] = [];
			const of = source.range(range);
			of.words(0, (id) => words.push(of.word(id)));
			return words.sort();
		});
		expect(seen).toEqual([
			['002p002pz', '002p002qz', '002pz', '002q0i1yz', '002qz'],
			['0i1y0i1yz', '0i1yz'],
		]);
	});

	test('an n-gram length below 1 is refused', () => {
		expect(() => indexWords([], 0, 10)).toThrowErrorMatchingInlineSnapshot(
			`[Error: Expected an n-gram length >= 1, found 0]`,
		);
	});
});
