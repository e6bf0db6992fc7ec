/**
 * `scripts/lib/search-words.ts` with its cache (`search-postings-cache.ts`): the words of the
 * index patched from the last build's when pages keep their numbers and few changed, built from
 * every page otherwise, and the same words either way; a damaged or missing cache file is no cache.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { recordChars, type RecordChars } from '../../src/lib/search/index-words.ts';
import type { DrainedWords } from '../../src/lib/search/postings.ts';
import { indexRangeWords } from '../../scripts/lib/search-words.ts';

const record = (title: string, body: string): RecordChars =>
	recordChars(
		[
			{ tag: 'h1', text: title },
			{ tag: 'p', text: body },
		],
		[title],
	);

const pool = '学习型社区机关企业党组织读书会大讲堂制度化创新培训职工书屋居民家庭评选月期';
let seed = 11;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
const text = (n: number) => Array.from({ length: n }, () => pool[next() % pool.length]).join('');
const corpus = Array.from({ length: 24 }, (_, i) => record(text(5), `${text(120)}${i}`));
const urls = corpus.map((_, i) => `/reports/r${i}/`);

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'postings-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** The words of every range, as [word, pages, entries in hex], and whether they were patched. */
async function words(
	pageUrls: readonly string[],
	chars: readonly RecordChars[],
	cacheDir: string | null,
	threads = 1,
): Promise<{ patched: number | null; flat: unknown[] }> {
	const run = await indexRangeWords(pageUrls, chars, {
		gram: 5,
		rangeChars: 600,
		threads,
		cacheDir,
		codeDigest: 'test',
	});
	const flat: unknown[] = [];
	for await (const d of run.drained as AsyncGenerator<DrainedWords>)
		d.words.forEach((w, k) =>
			flat.push([
				w,
				d.counts[k],
				Buffer.from(d.bytes.subarray(d.starts[k]!, d.starts[k + 1]!)).toString('hex'),
			]),
		);
	return { patched: run.patchedPages, flat };
}

const cacheDir = () => path.join(dir, 'postings');

describe('indexRangeWords with the last build’s words', () => {
	test('one page changed: patched, and the words of a build without cache', async () => {
		expect((await words(urls, corpus, cacheDir())).patched).toBeNull();
		const after = [...corpus];
		after[5] = record(text(5), text(140));
		const patched = await words(urls, after, cacheDir());
		expect(patched.patched).toBe(1);
		const fresh = await words(urls, after, null);
		expect(fresh.patched).toBeNull();
		expect(patched.flat).toEqual(fresh.flat);
		// and the next build patches from this one's words
		const again = [...after];
		again[6] = record(text(5), text(90));
		const second = await words(urls, again, cacheDir());
		expect(second.patched).toBe(1);
		expect(second.flat).toEqual((await words(urls, again, null)).flat);
	});

	test('on two worker threads (each writing its ranges into the cache): the same words', async () => {
		const built = await words(urls, corpus, cacheDir(), 2);
		expect(built.patched).toBeNull();
		expect(built.flat).toEqual((await words(urls, corpus, null)).flat);
		const after = [...corpus];
		after[9] = record(text(5), text(150));
		const patched = await words(urls, after, cacheDir(), 2);
		expect(patched.patched).toBe(1);
		expect(patched.flat).toEqual((await words(urls, after, null)).flat);
		// what the workers wrote is the cache of the next build
		const again = [...after];
		again[10] = record(text(5), text(60));
		const next = await words(urls, again, cacheDir(), 1);
		expect(next.patched).toBe(1);
		expect(next.flat).toEqual((await words(urls, again, null)).flat);
	}, 30_000);

	test('pages renumbered, or too many changed: built from every page', async () => {
		await words(urls, corpus, cacheDir());
		const swapped = [...urls];
		[swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
		expect((await words(swapped, corpus, cacheDir())).patched).toBeNull();
		await words(urls, corpus, cacheDir());
		const many = corpus.map((r, i) => (i % 3 === 0 ? record(text(5), text(100)) : r));
		const run = await words(urls, many, cacheDir());
		expect(run.patched).toBeNull();
		expect(run.flat).toEqual((await words(urls, many, null)).flat);
	});

	test('a damaged range file is built again; a damaged state is no cache', async () => {
		await words(urls, corpus, cacheDir());
		const names = (await readdir(cacheDir())).sort();
		const ranges = names.filter((n) => /^range-\d+\.bin$/.test(n));
		expect(ranges.length).toBeGreaterThan(2);
		const file = path.join(cacheDir(), ranges[1]!);
		const bytes = await readFile(file);
		bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x01;
		await writeFile(file, bytes);
		const after = [...corpus];
		after[3] = record(text(5), text(130));
		const run = await words(urls, after, cacheDir());
		expect(run.patched).toBe(1);
		expect(run.flat).toEqual((await words(urls, after, null)).flat);
		// the state file cut short: no cache, built from every page, the same words
		const state = path.join(cacheDir(), 'state.bin');
		await writeFile(state, (await readFile(state)).subarray(0, 10));
		const again = await words(urls, corpus, cacheDir());
		expect(again.patched).toBeNull();
		expect(again.flat).toEqual((await words(urls, corpus, null)).flat);
	});
});
