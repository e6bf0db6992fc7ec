/**
 * `src/lib/search/patch-postings.ts`: the last build's words of a range, patched for the pages
 * whose text changed, are the words a build from scratch gives over the new records, byte for
 * byte (`rangeWords`, an independent path: it builds every page's words again).
 */
import { describe, expect, test } from 'vitest';
import { indexWords, recordChars, type RecordChars } from '../../src/lib/search/index-words.ts';
import { pagesWords, patchRange } from '../../src/lib/search/patch-postings.ts';
import { rangeWords } from '../../src/lib/search/pagefind-writer.ts';
import type { DrainedWords } from '../../src/lib/search/postings.ts';

const GRAM = 5;

/** A record of one heading and one paragraph, with its title as head text. */
const record = (title: string, body: string): RecordChars =>
	recordChars(
		[
			{ tag: 'h1', text: title },
			{ tag: 'p', text: body },
		],
		[title],
	);

/** Words as [word, pages, entries in hex]: what the index writer takes of them. */
const flat = (d: DrainedWords) =>
	d.words.map((w, k) => [
		w,
		d.counts[k],
		Buffer.from(d.bytes.subarray(d.starts[k]!, d.starts[k + 1]!)).toString('hex'),
	]);

/** Every range patched for `changed`, beside every range built from scratch over `after`. */
function patchedAndBuilt(
	before: RecordChars[],
	after: RecordChars[],
	budget: number,
): { patched: DrainedWords[]; built: DrainedWords[] } {
	const changed = after.flatMap((_, i) => (after[i] === before[i] ? [] : [i]));
	const last = indexWords(before, GRAM, budget);
	const next = indexWords(after, GRAM, budget);
	const gone = indexWords(
		changed.map((p) => before[p]!),
		GRAM,
		1e12,
	);
	const added = indexWords(
		changed.map((p) => after[p]!),
		GRAM,
		1e12,
	);
	// the ranges of the last build (as the cache keeps them), for both
	const ranges = last.ranges();
	return {
		patched: ranges.map((range) =>
			patchRange(
				rangeWords(last, range, before.length),
				new Set(changed),
				pagesWords(gone, range, changed),
				pagesWords(added, range, changed),
			),
		),
		built: ranges.map((range) => rangeWords(next, range, after.length)),
	};
}

const corpus = [
	record('学习型社区建设', '社区书屋开放，居民读书会每月一期。学习型社区让生活更美好。'),
	record('建设学习型机关', '读书月、大讲堂、网上学习：机关干部学习制度化。'),
	record('学习型企业', 'TRIZ 创新方法培训 2011 年，职工书屋，读书会。'),
	record('社区大讲堂', '社区大讲堂每月一期，居民读书会，学习型家庭评选。'),
	record('学习型党组织', '机关干部学习制度化，学习型党组织建设，读书月。'),
];

describe('patchRange', () => {
	test('one sentence added to one page: the words of a build from scratch', () => {
		const after = [...corpus];
		after[2] = record(
			'学习型企业',
			'TRIZ 创新方法培训 2011 年，职工书屋，读书会。这是新加的一句话。',
		);
		const { patched, built } = patchedAndBuilt(corpus, after, 20);
		expect(patched.length).toBeGreaterThan(3);
		expect(patched.map(flat)).toEqual(built.map(flat));
	});

	test('words that only the changed page had are gone, and its new words are there', () => {
		const after = [...corpus];
		// 创新 was only on page 2; 赛 is on no page
		after[2] = record('学习型企业', '职工书屋，读书会，赛。');
		const { patched } = patchedAndBuilt(corpus, after, 1e12);
		const words = patched[0]!.words;
		const before = indexWords(corpus, GRAM, 1e12);
		const old = rangeWords(before, before.ranges()[0], corpus.length).words;
		// 创 is U+521B, 赛 U+8D5B: their one-character words (`tokens.ts`: base 36, then `z`)
		const chuang = `${(0x521b).toString(36).padStart(4, '0')}z`;
		const sai = `${(0x8d5b).toString(36).padStart(4, '0')}z`;
		expect(old).toContain(chuang);
		expect(old).not.toContain(sai);
		expect(words).not.toContain(chuang);
		expect(words).toContain(sai);
	});

	test('several pages changed, one emptied, the first and the last: as from scratch', () => {
		const after = [...corpus];
		after[0] = record('学习型社区建设', '社区书屋开放。');
		after[1] = record('', '');
		after[4] = record('学习型党组织建设', '读书月，大讲堂，学习型党组织建设，机关干部学习制度化。');
		const { patched, built } = patchedAndBuilt(corpus, after, 15);
		expect(patched.map(flat)).toEqual(built.map(flat));
	});

	test('many pages with long texts: patched ranges match over every range', () => {
		const pool = '学习型社区机关企业党组织读书会大讲堂制度化创新培训职工书屋居民家庭评选月期';
		let seed = 7;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
		const text = (n: number) =>
			Array.from({ length: n }, () => pool[next() % pool.length]).join('');
		const before = Array.from({ length: 40 }, (_, i) => record(text(6), `${text(300)}${i}`));
		const after = before.map((r, i) => (i % 9 === 3 ? record(text(6), text(200 + i)) : r));
		const { patched, built } = patchedAndBuilt(before, after, 2_000);
		expect(patched.length).toBeGreaterThan(2);
		expect(patched.map(flat)).toEqual(built.map(flat));
	});

	test('nothing changed: every range is the last build, copied', () => {
		const { patched, built } = patchedAndBuilt(corpus, [...corpus], 20);
		expect(patched.map(flat)).toEqual(built.map(flat));
	});
});
