import { expect, test } from 'vitest';
import { datePrecisionOf, datePrecisionSchema, isoDateSchema } from '../../src/lib/frontmatter.ts';

test.each([
	['2010-12-05', 'day'],
	['2010-12', 'month'],
	['2010', 'year'],
	[null, 'none'],
] as const)('datePrecisionOf(%j) is %s, a value of datePrecisionSchema', (date, precision) => {
	expect(datePrecisionOf(date)).toBe(precision);
	expect(datePrecisionSchema.parse(precision)).toBe(precision);
	if (date !== null) expect(isoDateSchema.parse(date)).toBe(date);
});
