import { describe, expect, test } from 'vitest';
import { charCode, headQuery, pagefindQuery, searchChars } from '../../src/lib/search/tokens.ts';

// 学 U+5B66 = 23398 = 18·36² + 1·36 + 34 → `0i1y`; 习 U+4E60 → `0fhc`; 型 U+578B → `0haj`
describe('search tokens (query side)', () => {
	test('a character is four lower-case base-36 digits of its code point', () => {
		expect(charCode('学')).toBe('0i1y');
		expect(charCode('a')).toBe('002p');
		expect(charCode('𠀀')).toHaveLength(4);
		// no code starts with y or z: the marks never begin a character
		expect(charCode(String.fromCodePoint(0x10ffff))[0]! < 'y').toBe(true);
	});

	test('a query up to the n-gram length is one marked word', () => {
		expect(pagefindQuery('学', 5)).toBe('0i1yz');
		expect(pagefindQuery('学习型', 5)).toBe('0i1y0fhc0hajz');
		expect(pagefindQuery('学习', 2)).toBe('0i1y0fhcz');
	});

	test('a longer query is the exact phrase of its n-gram words', () => {
		expect(pagefindQuery('学习型', 2)).toBe('"0i1y0fhcz 0fhc0hajz"');
		expect(pagefindQuery('学习型学', 2)).toBe('"0i1y0fhcz 0fhc0hajz 0haj0i1yz"');
	});

	test('head queries are the same words with the head mark', () => {
		expect(headQuery('学', 5)).toBe('0i1yy');
		expect(headQuery('学习型', 2)).toBe('"0i1y0fhcy 0fhc0hajy"');
	});

	test('an empty query is null; whitespace is ignored', () => {
		expect(pagefindQuery('  ')).toBeNull();
		expect(headQuery('')).toBeNull();
		expect(pagefindQuery('学习 型')).toBe(pagefindQuery('学习型'));
		expect(searchChars(' 学 习\n')).toEqual(['学', '习']);
	});
});
