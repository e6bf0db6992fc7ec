import { describe, expect, test } from 'vitest';
import { countingYear, tocOnlyDate } from '../../src/lib/site/counting-year.ts';

describe('the counting rule', () => {
	test.each([
		[{ date: '2009-06-05', dateSource: 'report' as const }, '2009'],
		[{ date: '2010-12', dateSource: 'compilation' as const }, '2010'],
		[{ date: '2011', dateSource: 'report' as const }, '2011'],
		[{ date: null, dateSource: 'none' as const }, 'undated'],
	])('countingYear(%o) is %s', (dated, year) => expect(countingYear(dated)).toBe(year));

	test('a TOC-only entry takes its compilation date, marked as inherited', () => {
		expect(tocOnlyDate('2010-12')).toEqual({ date: '2010-12', dateSource: 'compilation' });
		expect(tocOnlyDate(null)).toEqual({ date: null, dateSource: 'none' });
	});
});
