import { describe, expect, test } from 'vitest';
import { excerptSegments, locateMatch } from '../../src/lib/search/excerpt.ts';

const chars = [...'我们开展创建学习型社区活动，学习型社区建设'];

describe('search excerpts', () => {
	test('finds the match at or nearest to the reported position', () => {
		expect(locateMatch(chars, [...'学习型社区'], 6)).toBe(6);
		expect(locateMatch(chars, [...'学习型社区'], 13)).toBe(14);
		expect(locateMatch(chars, [...'不存在'], 0)).toBe(-1);
	});

	test('marks the match and cuts the text around it with …', () => {
		expect(excerptSegments(chars, 6, 5, 2)).toEqual([
			{ text: '…创建', mark: false },
			{ text: '学习型社区', mark: true },
			{ text: '活动…', mark: false },
		]);
		expect(excerptSegments(chars, 0, 2, 1)).toEqual([
			{ text: '我们', mark: true },
			{ text: '开…', mark: false },
		]);
	});
});
