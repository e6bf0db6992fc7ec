/**
 * `scripts/lib/search-record-cache.ts`: records of pages whose HTML is unchanged come from the
 * last build; anything else (other code, another page, a corrupt file) makes them again.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	pageKey,
	SearchRecordCache,
	type CachedRecord,
} from '../../scripts/lib/search-record-cache.ts';
import { recordChars } from '../../src/lib/search/index-words.ts';

let tmp: string;
let file: string;
beforeEach(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-records-'));
	file = path.join(tmp, 'records.v8');
});
afterEach(async () => {
	await rm(tmp, { recursive: true, force: true });
});

const html = (text: string) => new TextEncoder().encode(`<main data-pagefind-body>${text}</main>`);
const record = (text: string): CachedRecord => ({
	record: {
		page: {
			url: '/reports/a/',
			content: text,
			wordCount: text.length,
			filters: { category: ['学习型社区'] },
			meta: { title: text },
			anchors: [],
		},
		chars: recordChars([{ tag: 'p', text }]),
	},
	raw: text,
});

describe('SearchRecordCache', () => {
	test('a page with the same URL and HTML is not made again, in the next build', async () => {
		let made = 0;
		const make = (text: string) => () => (made++, record(text));
		const first = await SearchRecordCache.open(file, 'code-1');
		await first.get(pageKey('/reports/a/', html('学习型社区')), make('学习型社区'));
		await first.get(pageKey('/reports/b/', html('读书')), make('读书'));
		await first.save();
		expect([first.hits, first.misses, made]).toEqual([0, 2, 2]);

		const second = await SearchRecordCache.open(file, 'code-1');
		const got = await second.get(pageKey('/reports/a/', html('学习型社区')), make('x'));
		expect(got.record?.page.content).toBe('学习型社区');
		expect(Array.from(got.record!.chars.chars)).toEqual(
			[...'学习型社区'].map((c) => c.codePointAt(0)),
		);
		// changed HTML, or the same HTML at another URL: made again
		await second.get(pageKey('/reports/b/', html('读书会')), make('读书会'));
		await second.get(pageKey('/reports/c/', html('学习型社区')), make('学习型社区'));
		expect([second.hits, second.misses, made]).toEqual([1, 2, 4]);
		await second.save();
		// saving keeps only what this build used: the old b is gone
		const third = await SearchRecordCache.open(file, 'code-1');
		await third.get(pageKey('/reports/b/', html('读书')), make('读书'));
		expect(third.misses).toBe(1);
	});

	test('other code, a corrupt file or no file: every record is made', async () => {
		const first = await SearchRecordCache.open(file, 'code-1');
		await first.get(pageKey('/a/', html('甲')), () => record('甲'));
		await first.save();
		const other = await SearchRecordCache.open(file, 'code-2');
		await other.get(pageKey('/a/', html('甲')), () => record('甲'));
		expect(other.misses).toBe(1);
		await writeFile(file, 'not a v8 serialization');
		const corrupt = await SearchRecordCache.open(file, 'code-1');
		await corrupt.get(pageKey('/a/', html('甲')), () => record('甲'));
		expect(corrupt.misses).toBe(1);
		const none = await SearchRecordCache.open(null, 'code-1');
		await none.get(pageKey('/a/', html('甲')), () => record('甲'));
		await none.save();
		expect(none.misses).toBe(1);
	});
});
