import { describe, expect, test } from 'vitest';
import { hasUnitPage, unitSlug } from '../../src/lib/site/unit-slug.ts';
import { slugSchema } from '../../src/lib/frontmatter.ts';

describe('unitSlug', () => {
	test('is an ASCII slug valid in URLs', () => {
		expect(slugSchema.safeParse(unitSlug('jianshe-yanqing', '延庆县农经站')).success).toBe(true);
	});
	test('is stable for one name in one compilation', () => {
		expect(unitSlug('a', '市统计局')).toBe(unitSlug('a', '市统计局'));
		expect(unitSlug('a', ' 市统计局 ')).toBe(unitSlug('a', '市统计局'));
	});
	test('tells apart one generic name in two compilations', () => {
		expect(unitSlug('book-a', '市统计局')).not.toBe(unitSlug('book-b', '市统计局'));
	});
	test('tells apart two names in one compilation', () => {
		expect(unitSlug('a', '延庆县水务局')).not.toBe(unitSlug('a', '延庆县农经站'));
	});
	test('starts with the compilation slug', () => {
		expect(unitSlug('book-a', '市统计局').startsWith('book-a-u')).toBe(true);
	});
});

describe('hasUnitPage', () => {
	test.each([
		[{ unit: '延庆县农经站', unitAnonymized: false }, true],
		[{ unit: 'XX村', unitAnonymized: true }, false],
		[{ unit: null, unitAnonymized: false }, false],
	])('%o → %s', (data, expected) => expect(hasUnitPage(data)).toBe(expected));
});
