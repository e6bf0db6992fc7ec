/**
 * `scripts/lib/search-ranges.ts`: the words of the index's ranges built on worker threads are the
 * same, in the same order, as built in one thread, so the writer cuts the same chunks.
 */
import { describe, expect, test } from 'vitest';
import { planRanges, recordChars } from '../../src/lib/search/index-words.ts';
import type { DrainedWords } from '../../src/lib/search/postings.ts';
import { makeRanges } from '../../scripts/lib/search-ranges.ts';

const texts = [
	'学习型社区建设，让生活更美好。社区书屋开放。',
	'建设学习型机关：读书月、大讲堂、网上学习。',
	'学习型企业 TRIZ 创新方法培训 2011 年',
	'社区大讲堂每月一期，居民读书会。',
	'机关干部学习制度化，学习型党组织建设。',
];
const records = texts.map((t, i) =>
	recordChars([{ tag: i % 2 ? 'p' : 'h2', text: t }], [t.slice(0, 4)]),
);

async function collect(threads: number, rangeChars: number): Promise<DrainedWords[]> {
	const count = planRanges(records, rangeChars).length;
	const task = { kind: 'build', chars: records, rangeChars, gram: 5, saveDir: null } as const;
	const out: DrainedWords[] = [];
	for await (const { drained } of makeRanges(task, count, { threads }))
		out.push({ ...drained!, bytes: drained!.bytes.slice() });
	return out;
}

const flat = (ranges: DrainedWords[]) =>
	ranges.flatMap((r) =>
		r.words.map((w, k) => [
			w,
			r.counts[k],
			Buffer.from(r.bytes.subarray(r.starts[k]!, r.starts[k + 1]!)).toString('hex'),
		]),
	);

describe('makeRanges', () => {
	test('two worker threads give the words of one thread, range by range', async () => {
		const one = await collect(1, 12);
		const two = await collect(2, 12);
		expect(one.length).toBeGreaterThan(4);
		expect(two.map((r) => r.words.length)).toEqual(one.map((r) => r.words.length));
		expect(flat(two)).toEqual(flat(one));
		// and the ranges together are the words of the corpus in one range
		expect(flat(one)).toEqual(flat(await collect(1, 1e9)));
	}, 30_000);
});
