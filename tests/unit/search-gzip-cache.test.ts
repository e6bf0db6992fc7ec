import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gzipKey, SearchGzipCache } from '../../scripts/lib/search-gzip-cache.ts';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-gzip-cache-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

const UTF8 = new TextEncoder();
const a = UTF8.encode('学习型社区 '.repeat(200));
const b = UTF8.encode('读书 '.repeat(300));

describe('search gzip cache', () => {
	test('a second run reuses the gzipped bytes of unchanged files, the same as gzipping them', async () => {
		const file = path.join(dir, 'one.bin');
		const first = await SearchGzipCache.open(file);
		const za = await first.gzip(a);
		const zb = await first.gzip(b);
		expect([first.hits, first.misses]).toEqual([0, 2]);
		expect(Buffer.from(za).equals(gzipSync(a))).toBe(true);
		await first.save();
		const second = await SearchGzipCache.open(file);
		const again = await second.gzip(a);
		expect([second.hits, second.misses]).toEqual([1, 0]);
		expect(Buffer.from(again).equals(Buffer.from(za))).toBe(true);
		await second.save();
		// only the entries the second run used are kept: b is gzipped again by a third
		const third = await SearchGzipCache.open(file);
		expect(Buffer.from(await third.gzip(b)).equals(Buffer.from(zb))).toBe(true);
		expect([third.hits, third.misses]).toEqual([0, 1]);
	});

	test('a damaged entry, a damaged file or no file give the same bytes as gzip', async () => {
		const file = path.join(dir, 'damaged.bin');
		const first = await SearchGzipCache.open(file);
		await first.gzip(a);
		await first.save();
		const data = await readFile(file);
		// flip a byte inside the entry's gzipped bytes (the file ends with them)
		data[data.length - 20] = data[data.length - 20]! ^ 0xff;
		await writeFile(file, data);
		const damaged = await SearchGzipCache.open(file);
		const z = await damaged.gzip(a);
		expect([damaged.hits, damaged.misses]).toEqual([0, 1]);
		expect(Buffer.from(z).equals(gzipSync(a))).toBe(true);
		// the key given by the caller (the writer's digest) is the one of the bytes
		const keyed = await SearchGzipCache.open(null);
		expect(Buffer.from(await keyed.gzip(b, gzipKey(b))).equals(gzipSync(b))).toBe(true);
		// a truncated file, garbage, and no file: empty caches
		await writeFile(path.join(dir, 'short.bin'), data.subarray(0, 10));
		await writeFile(path.join(dir, 'garbage.bin'), 'not a cache');
		for (const name of ['short.bin', 'garbage.bin', 'none.bin']) {
			const c = await SearchGzipCache.open(path.join(dir, name));
			expect(Buffer.from(await c.gzip(b)).equals(gzipSync(b))).toBe(true);
			expect([name, c.hits]).toEqual([name, 0]);
		}
	});
});
