import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mergeShards } from '../../scripts/lib/merge-shards.ts';
import { buildSearchIndex } from '../../scripts/lib/search-index.ts';
import { decodeFilter, decodeIndexChunk, decodeMeta, type IndexMeta } from '../../src/lib/search/pagefind-files.ts';

/**
 * The merge is checked against Pagefind itself: the same records written as one index and as
 * three shards merged must decode to the same words (pages, positions, metadata positions,
 * variants), filters, sort order, metadata fields and pages.
 */

interface Rec {
	url: string;
	body: string;
	meta: Record<string, string>;
	filters: Record<string, string>;
}

const WORDS = ['0ysu0mcv', '0mcv0w2z', 'alpha', 'beta', 'café', 'naïve', 'zeta', '0w2z', 'résumé', 'gamma'];
const FIELDS = ['title', 'unit', 'subtitle', 'kind'];

/** Deterministic records: varied words, some metadata fields only on some pages (so the shards' field lists differ). */
function records(n: number): Rec[] {
	let x = 7;
	const rand = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % k);
	return Array.from({ length: n }, (_, i) => {
		const body = Array.from({ length: 5 + rand(40) }, () => WORDS[rand(WORDS.length)]).join(' ');
		const meta: Record<string, string> = { title: `报告 ${i} ${WORDS[rand(WORDS.length)]}` };
		// 'subtitle' only on every third record, 'kind' never on those: shards of `i mod 3` differ
		for (const field of FIELDS.slice(1)) {
			const allowed = field === 'subtitle' ? i % 3 === 1 : field === 'kind' ? i % 3 !== 1 : true;
			if (allowed && rand(2) === 0) meta[field] = `${field} ${WORDS[rand(WORDS.length)]} 学习型`;
		}
		return { url: `/r/${i}/`, body, meta, filters: { year: String(2000 + rand(4)), kind: rand(2) ? '报告' : '汇编' } };
	});
}

function html(r: Rec, rank: number): string {
	const head = [
		...Object.entries(r.meta).map(([k, v]) => `<meta data-pagefind-meta="${k}[content]" content="${v}">`),
		...Object.entries(r.filters).map(([k, v]) => `<meta data-pagefind-filter="${k}[content]" content="${v}">`),
		`<meta data-pagefind-sort="date[content]" content="${String(rank).padStart(3, '0')}">`,
	];
	return `<!doctype html><html lang="und"><head>${head.join('')}</head><body><main data-pagefind-body><p>${r.body}</p><h2 id="s">${r.body.slice(0, 20)}</h2></main></body></html>`;
}

async function writeIndex(dir: string, recs: ReadonlyArray<{ r: Rec; rank: number }>): Promise<void> {
	const { index } = await pagefind.createIndex({ writePlayground: false, forceLanguage: 'und' });
	for (const { r, rank } of recs) await index!.addHTMLFile({ url: r.url, content: html(r, rank) });
	await index!.writeFiles({ outputPath: dir });
	await index!.deleteIndex();
}

const unzip = async (file: string) => new Uint8Array(gunzipSync(await readFile(file)));

/** Everything a search reads from an index folder, decoded, independent of chunking and file names. */
async function readIndex(dir: string) {
	const entry = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8'));
	const meta: IndexMeta = decodeMeta(await unzip(path.join(dir, `pagefind.${entry.languages.und.hash}.pf_meta`)));
	const words = new Map<string, unknown>();
	let last = '';
	for (const [from, to, hash] of meta.chunks) {
		const chunk = decodeIndexChunk(await unzip(path.join(dir, 'index', `${hash}.pf_index`)));
		// a chunk's range starts at its first word, or at a prefix of it (prefix-union.ts)
		expect(chunk[0]![0].startsWith(from)).toBe(true);
		expect(chunk.at(-1)![0]).toBe(to);
		for (const [word, pages, variants] of chunk) {
			if (last) expect(Buffer.compare(Buffer.from(last), Buffer.from(word))).toBe(-1);
			last = word;
			// metadata positions name fields: compare by field name
			const named = (list: typeof pages) => list.map(([p, locs, metaLocs]) => [p, locs, metaLocs.map((v) => (v < 0 ? meta.metaFields[-v - 1] : v))]);
			words.set(word, [named(pages), variants.map(([v, vp]) => [v, named(vp)])]);
		}
	}
	const filters = await Promise.all(meta.filters.map(async ([, hash]) => decodeFilter(await unzip(path.join(dir, 'filter', `${hash}.pf_filter`)))));
	return { entry, meta, words, filters, fragments: (await readdir(path.join(dir, 'fragment'))).sort() };
}

let root: string;
beforeAll(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'huibian-merge-'));
});
afterAll(async () => {
	await pagefind.close();
	await rm(root, { recursive: true, force: true });
});

describe('merging Pagefind shards', () => {
	test('three shards merged decode to what Pagefind writes as one index', async () => {
		const recs = records(60).map((r, rank) => ({ r, rank }));
		await writeIndex(path.join(root, 'one'), recs);
		const shards = [0, 1, 2].map((k) => recs.filter(({ rank }) => rank % 3 === k));
		const dirs = shards.map((_, k) => path.join(root, `shard-${k}`));
		for (const [k, shard] of shards.entries()) await writeIndex(dirs[k]!, shard);
		const stats = await mergeShards({
			shards: dirs,
			pageMaps: shards.map((shard) => shard.map(({ rank }) => rank)),
			sortOrders: { date: recs.map(({ rank }) => rank) },
			out: path.join(root, 'merged'),
			chunkBytes: 200,
		});
		const one = await readIndex(path.join(root, 'one'));
		const merged = await readIndex(path.join(root, 'merged'));
		// the shards really differ in their metadata fields, so field numbers were remapped
		const shardFields = await Promise.all(dirs.map(async (d) => (await readIndex(d)).meta.metaFields.join()));
		expect(new Set(shardFields).size).toBeGreaterThan(1);
		expect(merged.meta.metaFields).toEqual(one.meta.metaFields);
		expect([...merged.words.keys()]).toEqual([...one.words.keys()]);
		expect(merged.words).toEqual(one.words);
		expect([...one.words.values()].some((w) => (w as unknown[][])[1]!.length > 0)).toBe(true); // variants (café) were merged too
		expect(merged.filters).toEqual(one.filters);
		expect(merged.meta.sorts).toEqual(one.meta.sorts);
		expect(merged.meta.pages).toEqual(one.meta.pages);
		expect(merged.fragments).toEqual(one.fragments);
		expect(merged.entry.languages.und.page_count).toBe(60);
		expect(stats).toMatchObject({ pages: 60, renamed: 0 });
		expect(stats.chunks).toBe(merged.meta.chunks.length);
		expect(stats.chunks).toBeGreaterThan(one.meta.chunks.length); // 200-byte chunks: the chunking is the merge's own
		// the merged folder is complete: Pagefind's scripts and WebAssembly are there
		const files = await readdir(path.join(root, 'merged'));
		expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.unknown.pagefind']));
	});

	test('fragment names used by two shards are renamed; a wrong page map is refused', async () => {
		const recs = records(8).map((r, rank) => ({ r, rank }));
		for (const name of ['a', 'b']) await writeIndex(path.join(root, `dup-${name}`), recs);
		const before = await readIndex(path.join(root, 'dup-a'));
		const stats = await mergeShards({
			shards: [path.join(root, 'dup-a'), path.join(root, 'dup-b')],
			pageMaps: [recs.map((_, i) => i), recs.map((_, i) => i + 8)],
			sortOrders: { date: [0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15] },
			out: path.join(root, 'dup'),
		});
		const merged = await readIndex(path.join(root, 'dup'));
		expect(stats.renamed).toBe(8);
		expect(new Set(merged.meta.pages.map((p) => p[0])).size).toBe(16);
		expect(merged.fragments).toHaveLength(16);
		expect(merged.meta.pages.slice(0, 8)).toEqual(before.meta.pages);
		expect(merged.meta.sorts[0]![1]).toEqual([0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15]);
		// every word now lists each page of a twin pair
		for (const [, value] of merged.words) {
			const pages = (value as number[][][])[0]!.map((p) => p[0]!);
			expect(pages.filter((p) => p < 8).map((p) => p + 8)).toEqual(pages.filter((p) => p >= 8));
		}
		for (const name of ['c', 'd']) await writeIndex(path.join(root, `bad-${name}`), recs);
		await expect(
			mergeShards({
				shards: [path.join(root, 'bad-c'), path.join(root, 'bad-d')],
				pageMaps: [recs.map((_, i) => i), recs.map((_, i) => i + 8)],
				sortOrders: { date: [...Array(16).keys()].reverse() },
				out: path.join(root, 'bad'),
			}),
		).rejects.toThrow(/another order/);
		await expect(
			mergeShards({
				shards: [path.join(root, 'bad-c'), path.join(root, 'bad-d')],
				pageMaps: [recs.map((_, i) => i), recs.map((_, i) => 15 - i)],
				sortOrders: { date: [...Array(16).keys()] },
				out: path.join(root, 'bad2'),
			}),
		).rejects.toThrow(/not ascending/);
	});

	test('a one-character query finds every page in the one chunk Pagefind loads for it', async () => {
		// 40 bigram words starting with the same character (code `0ysu`), a few on each page: with
		// 150-byte chunks they fill many chunks
		const group = Array.from({ length: 40 }, (_, i) => `0ysu${(1000 + i * 7).toString(36).padStart(4, '0')}`);
		let x = 11;
		const rand = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % k);
		const recs = Array.from({ length: 30 }, (_, i) => ({
			r: { url: `/g/${i}/`, body: [...Array(3)].map(() => group[rand(group.length)]).join(' ') + ' 0mcv0w2z', meta: { title: `t${i}` }, filters: {} },
			rank: i,
		}));
		const shards = [0, 1].map((k) => recs.filter(({ rank }) => rank % 2 === k));
		const dirs = shards.map((_, k) => path.join(root, `g-${k}`));
		for (const [k, shard] of shards.entries()) await writeIndex(dirs[k]!, shard);
		const merge = (out: string, prefixes: { words: RegExp; length: number } | null) =>
			mergeShards({ shards: dirs, pageMaps: shards.map((sh) => sh.map(({ rank }) => rank)), sortOrders: { date: recs.map(({ rank }) => rank) }, out, chunkBytes: 150, prefixes });
		/** Pages Pagefind's browser code finds for a prefix term: the first chunk with from ≤ term ≤ to, words with the prefix in it. */
		const found = async (dir: string, term: string) => {
			const { meta } = await readIndex(dir);
			const chunk = meta.chunks.find(([from, to]) => term >= from && term <= to);
			if (!chunk) return new Set<number>();
			const words = decodeIndexChunk(await unzip(path.join(dir, 'index', `${chunk[2]}.pf_index`)));
			return new Set(words.filter(([w]) => w.startsWith(term)).flatMap(([, pages]) => pages.map((p) => p[0])));
		};
		const pagesWith = (code: string) => new Set(recs.filter(({ r }) => r.body.includes(code)).map(({ rank }) => rank));
		await merge(path.join(root, 'g-plain'), null);
		for (const k of [0, 1]) await rm(dirs[k]!, { recursive: true });
		for (const [k, shard] of shards.entries()) await writeIndex(dirs[k]!, shard);
		await merge(path.join(root, 'g-prefix'), { words: /^[0-9a-z]{4}(?:[0-9a-z]{4})?$/, length: 4 });
		const plain = await readIndex(path.join(root, 'g-plain'));
		expect(plain.meta.chunks.filter(([from, to]) => to.startsWith('0ysu') || from.startsWith('0ysu')).length).toBeGreaterThan(2);
		// without the prefix word, the one chunk loaded misses pages
		expect((await found(path.join(root, 'g-plain'), '0ysu')).size).toBeLessThan(pagesWith('0ysu').size);
		// with it, every page with the character is found, and the other words are unchanged
		expect(await found(path.join(root, 'g-prefix'), '0ysu')).toEqual(pagesWith('0ysu'));
		const withPrefix = await readIndex(path.join(root, 'g-prefix'));
		expect([...withPrefix.words.keys()].filter((w) => !plain.words.has(w))).toEqual(['0ysu']);
		for (const [word, value] of plain.words) expect(withPrefix.words.get(word), word).toEqual(value);
		// a group that fits in one chunk gets no prefix word
		expect(withPrefix.words.has('0mcv')).toBe(false);
	});

	test('shards without pages: left out, or copied when there is nothing else', async () => {
		await writeIndex(path.join(root, 'e-0'), []);
		await writeIndex(path.join(root, 'e-1'), []);
		const recs = records(4).map((r, rank) => ({ r, rank }));
		await writeIndex(path.join(root, 'e-2'), recs);
		const stats = await mergeShards({
			shards: [path.join(root, 'e-0'), path.join(root, 'e-2')],
			pageMaps: [[], [0, 1, 2, 3]],
			sortOrders: { date: [0, 1, 2, 3] },
			out: path.join(root, 'e-merged'),
		});
		expect(stats.pages).toBe(4);
		expect((await readIndex(path.join(root, 'e-merged'))).meta.pages).toEqual((await readIndex(path.join(root, 'e-2'))).meta.pages);
		const empty = await mergeShards({ shards: [path.join(root, 'e-1')], pageMaps: [[]], sortOrders: { date: [] }, out: path.join(root, 'e-empty') });
		expect(empty).toEqual({ pages: 0, chunks: 0, renamed: 0 });
		const entry = JSON.parse(await readFile(path.join(root, 'e-empty', 'pagefind-entry.json'), 'utf8'));
		expect(entry.languages).toEqual({});
		expect(await readdir(path.join(root, 'e-empty'))).toContain('pagefind.js');
	});

	test('buildSearchIndex: a page without words is left out and the others stay in date order', async () => {
		const site = path.join(root, 'site-wordless');
		const reports = [
			{ id: 'a', url: '/reports/a/', date: '2010-01-01', body: '<h1 id="t">学习型社区</h1><p>读书活动</p>' },
			{ id: 'b', url: '/reports/b/', date: '2012-01-01', body: '<h1 id="t"> </h1><p>\u3000</p>' },
			{ id: 'c', url: '/reports/c/', date: '2011-01-01', body: '<h1 id="t">学习型机关</h1>' },
		];
		for (const r of reports) {
			await mkdir(path.join(site, r.url), { recursive: true });
			const head = `<meta data-pagefind-meta="title[data-v]" data-v="${r.id}"><meta data-pagefind-filter="year[data-v]" data-v="${r.date.slice(0, 4)}">`;
			await writeFile(path.join(site, r.url, 'index.html'), `<!doctype html><html lang="zh-CN"><head></head><body><main data-pagefind-body>${head}${r.body}</main></body></html>`);
		}
		const catalog = path.join(site, 'catalog.json');
		await writeFile(catalog, JSON.stringify({ sources: [], tocOnly: [], reports: reports.map(({ body, ...r }) => r) }));
		const stats = await buildSearchIndex(site, catalog);
		expect(stats.pages).toBe(3);
		const index = await readIndex(path.join(site, 'pagefind'));
		expect(index.meta.pages).toHaveLength(2);
		expect(index.meta.sorts).toEqual([['date', [0, 1]]]);
		const years = index.filters.find(([name]) => name === 'year')![1];
		expect(years).toEqual([['2010', [0]], ['2011', [1]]]);
	});
});
