import { describe, expect, test } from 'vitest';
import { ChunkCutter, wordHash } from '../../src/lib/search/index-chunks.ts';
import type { EncodedPages } from '../../src/lib/search/postings.ts';

/** A word whose encoded entry is `bytes` long: [word, [one page of `bytes - 6` bytes], []]. */
const word = (w: string, bytes = 16): EncodedPages => ({
	word: w,
	count: 1,
	entries: new Uint8Array(bytes - 6),
});
const cut = (words: EncodedPages[], target: number) => {
	const cutter = new ChunkCutter(target);
	return words
		.map((w) => cutter.add(w))
		.concat(cutter.flush())
		.filter((c) => c !== null)
		.map((c) => [c.from, c.to]);
};
const letters = 'abcdefghijklmnopqrstuvwxyz';
// aa … az, ba … bh: 34 words of 16 bytes
const words = (sizes: Record<string, number> = {}) =>
	[...letters.split('').map((c) => `a${c}`), ...'abcdefgh'.split('').map((c) => `b${c}`)].map((w) =>
		word(w, sizes[w]),
	);

describe('content-defined chunks', () => {
	test('the hash is FNV-1a 32 (its published test vectors)', () => {
		expect(wordHash('')).toBe(0x811c9dc5);
		expect(wordHash('a')).toBe(0xe40c292c);
		expect(wordHash('foobar')).toBe(0xbf9cf968);
	});

	// Target 100: no cut below 50 bytes, a cut at 150 at the latest, and between, after a word of
	// 16 bytes whose hash is below 16/60 of 2^32 (0x44444444): of aa … bh, ah (0x4324f60c), ai,
	// al (0x3f24efc0), am, an, ao, ba … bg (FNV-1a worked out by hand/python, not by the code).
	test('cuts after a word whose hash says so, once half the target is reached, and at 1.5x the target', () => {
		expect(cut(words(), 100)).toEqual([
			['aa', 'ah'], // ah: 8 × 16 = 128 bytes, a cut word
			['ai', 'al'], // ai is one but the chunk has 16 bytes; al at 64
			['am', 'av'], // am, an, ao under 50 bytes; no cut word after: av is the 10th, 160 ≥ 150
			['aw', 'ba'], // ba at 7 × 16 = 112
			['bb', 'be'], // be at 64 (bb, bc, bd under 50)
			['bf', 'bh'], // the rest
		]);
	});

	test('a word that grows moves the cuts before the next shared cut only: the chunks after it are the same bytes', () => {
		const before = new ChunkCutter(100);
		const after = new ChunkCutter(100);
		const run = (cutter: ChunkCutter, list: EncodedPages[]) =>
			list
				.map((w) => cutter.add(w))
				.concat(cutter.flush())
				.filter((c) => c !== null);
		const a = run(before, words());
		// ab grows to 60 bytes: 76 ≥ 50 and 60/60 of the spread, a cut; ac … ah is a chunk of its own
		const b = run(after, words({ ab: 60 }));
		expect(b.map((c) => [c.from, c.to])).toEqual([
			['aa', 'ab'],
			['ac', 'ah'],
			['ai', 'al'],
			['am', 'av'],
			['aw', 'ba'],
			['bb', 'be'],
			['bf', 'bh'],
		]);
		expect(b.slice(2).map((c) => Buffer.from(c.bytes).toString('hex'))).toEqual(
			a.slice(1).map((c) => Buffer.from(c.bytes).toString('hex')),
		);
	});

	test('a word bigger than the spread ends its chunk; one word above the maximum is a chunk alone', () => {
		expect(cut([word('aa', 200), word('ab'), word('ac', 200)], 100)).toEqual([
			['aa', 'aa'],
			['ab', 'ac'],
		]);
	});
});
