import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileWords } from '../../src/lib/ingest/report/metadata/word-matcher.ts';

/** Every occurrence of every word, by plain `indexOf`, sorted like `scan` reports them. */
function naive(words: readonly string[], text: string): [number, number][] {
	const found: [number, number][] = [];
	words.forEach((word, w) => {
		if (word === '') return;
		for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1))
			found.push([w, at]);
	});
	return found.sort(
		(a, b) => a[1] + words[a[0]]!.length - (b[1] + words[b[0]]!.length) || a[0] - b[0],
	);
}

/** Occurrences as `scan` reports them, in its own order. */
function scannedRaw(words: readonly string[], text: string): [number, number][] {
	const found: [number, number][] = [];
	compileWords(words).scan(text, (w, start) => found.push([w, start]));
	return found;
}

function scanned(words: readonly string[], text: string): [number, number][] {
	return scannedRaw(words, text).sort(
		(a, b) => a[1] + words[a[0]]!.length - (b[1] + words[b[0]]!.length) || a[0] - b[0],
	);
}

describe('compileWords', () => {
	test('finds overlapping and nested words', () => {
		const words = ['学习', '学习制度', '制度', '习制'];
		const long = '学习制度'.repeat(300);
		expect(compileWords(words).collect(long).count).toBe(scannedRaw(words, long).length);
		expect(scanned(words, '建立学习制度')).toEqual([
			[0, 2],
			[3, 3],
			[1, 2],
			[2, 4],
		]);
		expect(compileWords(words).test('没有')).toBe(false);
		expect(compileWords(words).test('制度化')).toBe(true);
	});

	test('agrees with indexOf on random words and texts', () => {
		const unit = fc.constantFrom('学', '习', '型', '组', '织', 'a', 'b', '😀', '\ud83d');
		const word = fc.array(unit, { minLength: 0, maxLength: 4 }).map((a) => a.join(''));
		const text = fc.array(unit, { maxLength: 40 }).map((a) => a.join(''));
		fc.assert(
			fc.property(fc.array(word, { maxLength: 8 }), text, (words, t) => {
				expect(scanned(words, t)).toEqual(naive(words, t));
				expect(compileWords(words).test(t)).toBe(naive(words, t).length > 0);
				const { count, pairs } = compileWords(words).collect(t);
				const collected = Array.from({ length: count }, (_, k): [number, number] => [
					pairs[2 * k]!,
					pairs[2 * k + 1]!,
				]);
				expect(collected).toEqual(scannedRaw(words, t));
			}),
			{ numRuns: 2000 },
		);
	});
});
