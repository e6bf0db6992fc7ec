import { describe, expect, test } from 'vitest';
import { ChunkBuilder } from '../../src/lib/search/pagefind-merge.ts';
import { isHeadWordOf } from '../../src/lib/search/tokens.ts';

const bytes = (n: number) => new Uint8Array(n);
const ranges = (chunks: Array<{ from: string; to: string; words: Uint8Array[] } | null>) => chunks.filter((c) => c !== null).map((c) => [c!.from, c!.to, c!.words.length]);

describe('chunks of the merged index', () => {
	test('a full chunk is cut after the word that fills it', () => {
		const b = new ChunkBuilder(10);
		expect(ranges([b.add('0aaa0bbb', bytes(12)), b.add('0aaa0bbbh', bytes(2)), b.add('0aaa0ccc', bytes(3)), b.flush()])).toEqual([
			['0aaa0bbb', '0aaa0bbb', 1],
			['0aaa0bbbh', '0aaa0ccc', 2],
		]);
	});

	test('a head word stays in the chunk of its unmarked word, however full', () => {
		const b = new ChunkBuilder(10, isHeadWordOf);
		expect(b.add('0aaa0bbb', bytes(12))).toBeNull();
		expect(b.bytes).toBe(0);
		expect(b.add('0aaa0bbbh', bytes(2))).toBeNull();
		const cut = b.add('0aaa0ccc', bytes(3));
		expect(ranges([cut, b.flush()])).toEqual([
			['0aaa0bbb', '0aaa0bbbh', 2],
			['0aaa0ccc', '0aaa0ccc', 1],
		]);
	});

	test('isHeadWordOf: only the word with the head mark', () => {
		expect(isHeadWordOf('0aaa0bbb', '0aaa0bbbh')).toBe(true);
		expect(isHeadWordOf('0aaa', '0aaah')).toBe(true);
		expect(isHeadWordOf('0aaa', '0aaa0bbb')).toBe(false);
		expect(isHeadWordOf('0aaa0bbb', '0aaa0bbbhh')).toBe(false);
	});
});
