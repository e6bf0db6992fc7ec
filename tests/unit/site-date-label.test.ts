import { describe, expect, test } from 'vitest';
import { dateLabel, formatIsoDate, yearKey, yearLabel } from '../../src/lib/site/date-label.ts';

describe('formatIsoDate', () => {
	test.each([
		['2010', '2010年'],
		['2010-08', '2010年8月'],
		['2009-06-05', '2009年6月5日'],
		['2011-12-31', '2011年12月31日'],
	])('shows %s at its own precision as %s', (date, label) => {
		expect(formatIsoDate(date)).toBe(label);
	});
	test('is empty for null', () => expect(formatIsoDate(null)).toBe(''));
});

describe('dateLabel', () => {
	test('shows a report’s own date plainly', () => {
		expect(dateLabel({ date: '2010-08', dateSource: 'report' })).toBe('2010年8月');
	});
	test('marks an inherited compilation date as 收录于', () => {
		expect(dateLabel({ date: '2010-08', dateSource: 'compilation' })).toBe('收录于 2010年8月');
	});
	test('says 未注明日期 when there is no date', () => {
		expect(dateLabel({ date: null, dateSource: 'none' })).toBe('未注明日期');
	});
});

describe('year keys', () => {
	test.each([
		['2010-08-01', '2010'],
		['1999', '1999'],
		[null, 'undated'],
	])('yearKey(%s) is %s', (date, key) => expect(yearKey(date)).toBe(key));
	test('labels years and the undated group', () => {
		expect(yearLabel('2010')).toBe('2010年');
		expect(yearLabel('undated')).toBe('未注明日期');
	});
});
