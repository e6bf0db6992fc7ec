import { describe, expect, test } from 'vitest';
import { unitTable } from '../../src/lib/ingest/lines/unit-table.ts';

describe('unitTable', () => {
	test.each([
		['white space', /[\s\u3000]+/g],
		[
			'invisible characters',
			/[\uE000-\uF8FF\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g,
		],
		['sentence ends', /[。；;！!？?]/g],
		['a class with surrogates', /[\ud800-\udbff\u4e00]/g],
	])('%s: marks exactly the code units the class matches one by one', (_name, pattern) => {
		const table = unitTable(pattern);
		const single = new RegExp(pattern.source);
		const differing: number[] = [];
		for (let unit = 0; unit < 65536; unit++)
			if (table[unit] !== (single.test(String.fromCharCode(unit)) ? 1 : 0)) differing.push(unit);
		expect(differing).toEqual([]);
	});

	test('refuses a regex it cannot read per code unit', () => {
		expect(() => unitTable(/[\s]/)).toThrow(/global/);
		expect(() => unitTable(/[\s]/gu)).toThrow(/u flag/);
	});
});
