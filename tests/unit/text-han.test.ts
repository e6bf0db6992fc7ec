import { describe, expect, test } from 'vitest';
import { HAN, HAN_CLASS, countHan } from '../../src/lib/text/han.ts';

describe('the Han range', () => {
	test.each([
		['〇', 'U+3007 ideographic zero (二〇一一年)'],
		['㐀', 'U+3400 first of Extension A'],
		['䶿', 'U+4DBF last of Extension A'],
		['一', 'U+4E00 first unified ideograph'],
		['龥', 'U+9FA5 last of GB2312-era unified ideographs'],
		['鿿', 'U+9FFF last of the unified block'],
		['\uf900', 'U+F900 first compatibility ideograph'],
		['\uf90a', 'U+F90A compatibility 金'],
		['\ufad9', 'U+FAD9 last assigned compatibility ideograph'],
	])('%s is Han (%s)', (ch) => {
		expect(countHan(ch)).toBe(1);
		expect(HAN.test(ch)).toBe(true);
	});

	test.each([
		['々', 'U+3005 iteration mark'],
		['〆', 'U+3006 closing mark'],
		['〈', 'U+3008 bracket, right after 〇'],
		['㏿', 'U+33FF, right before Extension A'],
		['䷀', 'U+4DC0 Yijing hexagram, between Extension A and the unified block'],
		['ꀀ', 'U+A000 Yi syllable, right after the unified block'],
		['\uf8ff', 'U+F8FF private use, right before the compatibility block'],
		['\ufb00', 'U+FB00 ligature ff, right after it'],
		['⼀', 'U+2F00 Kangxi radical one'],
		['𠀀', 'U+20000 Extension B (supplementary plane): not Han to these tests'],
		['A', 'ASCII'],
		['，', 'fullwidth comma'],
		['', 'the empty string'],
	])('%j is not Han (%s)', (ch) => {
		expect(countHan(ch)).toBe(0);
		expect(HAN.test(ch)).toBe(false);
	});

	test('countHan counts Han characters only', () => {
		expect(countHan('二〇一一年6月，学习型 ABC \uf90a')).toBe(10);
		expect(countHan('')).toBe(0);
	});

	test('HAN and HAN_CLASS describe the same set', () => {
		expect(HAN.source).toBe(`[${HAN_CLASS}]`);
		expect(new RegExp(`^[${HAN_CLASS}]+$`).test('〇\u3400一\uf900')).toBe(true);
	});
});
