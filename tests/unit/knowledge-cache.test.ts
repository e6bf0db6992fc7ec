import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';
import { readBodyBlocks } from '../../src/lib/knowledge/rendered-blocks.ts';
import { excerptFromBlocks } from '../../src/lib/site/excerpt.ts';
import {
	isRelatedPairs,
	isReportKnowledge,
	reportKnowledge,
	type ReportKnowledge,
} from '../../src/lib/knowledge/report-knowledge.ts';
import {
	corpusDigest,
	decodeCacheFile,
	encodeCacheFile,
	KNOWLEDGE_CODE_FILES,
	knowledgeCacheDir,
	readCacheFile,
	reportKey,
	writeCacheFile,
} from '../../src/loaders/knowledge-cache.ts';

const html = renderMdx(
	'## 一、做法\n\n开展“四个一”活动，即读一本好书。\n\n推进书香机关建设。\n',
).html;
const data = { title: '书香机关', namedPractices: ['“四个一”活动', '“五子行动”'] };

describe('reportKnowledge', () => {
	const value = reportKnowledge(html, data);

	test('excerpt, practices with their paragraph, and bigrams of title and body text', () => {
		expect(value.excerpt).toBe('开展“四个一”活动，即读一本好书。 推进书香机关建设。');
		const paragraph = readBodyBlocks(html).find((b) => b.text.startsWith('开展'))!;
		expect(value.practices).toEqual([
			{
				printed: '“四个一”活动',
				key: '四个一',
				mention: { anchor: paragraph.id, quote: '开展“四个一”活动，即读一本好书。' },
			},
			{ printed: '“五子行动”', key: '五子行动', mention: null },
		]);
		const code = (s: string) => s.charCodeAt(0) * 65536 + s.charCodeAt(1);
		const counts = new Map([...value.bigrams.codes].map((c, i) => [c, value.bigrams.counts[i]]));
		// 书香 in the title and in the body; 做法 only in the heading; none across title and body.
		expect(counts.get(code('书香'))).toBe(2);
		expect(counts.get(code('做法'))).toBe(1);
		expect(counts.get(code('关一'))).toBeUndefined();
		expect(value.bigrams.codes[0]).toBe(code('书香'));
	});

	test('the shape check accepts it and rejects what a stale or foreign file could hold', () => {
		expect(isReportKnowledge(value)).toBe(true);
		const bad: unknown[] = [
			null,
			'x',
			{ ...value, excerpt: 1 },
			{ ...value, practices: [{ printed: 'a', key: 'a', mention: { anchor: 'p' } }] },
			{ ...value, practices: [{ printed: 'a', mention: null }] },
			{ ...value, bigrams: { codes: new Uint32Array(2), counts: new Uint32Array(1) } },
			{ ...value, bigrams: { codes: [1], counts: [1] } },
			{ ...value, bigrams: { codes: new Float64Array(1), counts: new Uint32Array(1) } },
		];
		for (const b of bad) expect(isReportKnowledge(b)).toBe(false);
		expect(isRelatedPairs([['a', ['b', 'c']]])).toBe(true);
		expect(isRelatedPairs([['a', 'b']])).toBe(false);
		expect(isRelatedPairs({ a: ['b'] })).toBe(false);
	});

	test('excerpt is the one the listings use', () => {
		expect(value.excerpt).toBe(excerptFromBlocks(readBodyBlocks(html)));
	});
});

describe('cache files', () => {
	const value = reportKnowledge(html, data);
	const stored = new Map<string, ReportKnowledge>([['k1', value]]);

	test('round trip: typed arrays, maps and nulls come back equal', () => {
		const back = decodeCacheFile(encodeCacheFile(stored)) as Map<string, ReportKnowledge>;
		expect(back).toBeInstanceOf(Map);
		expect(back.get('k1')).toEqual(value);
		expect(isReportKnowledge(back.get('k1'))).toBe(true);
	});

	test('a changed, truncated or foreign file reads as nothing', () => {
		const bytes = encodeCacheFile(stored);
		for (const at of [0, 31, 32, 40, bytes.length - 1]) {
			const altered = Buffer.from(bytes);
			altered[at] = altered[at]! ^ 0x01;
			expect(decodeCacheFile(altered)).toBeUndefined();
		}
		expect(decodeCacheFile(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
		expect(decodeCacheFile(bytes.subarray(0, 32))).toBeUndefined();
		expect(decodeCacheFile(Buffer.alloc(0))).toBeUndefined();
		// Intact checksum over bytes that are no v8 value.
		const junk = Buffer.from('not a serialised value');
		const forged = Buffer.concat([createHash('sha256').update(junk).digest(), junk]);
		expect(decodeCacheFile(forged)).toBeUndefined();
	});

	const dirs: string[] = [];
	afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

	test('written atomically into a new folder, read back; a missing or damaged file is nothing', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'huibian-knowledge-'));
		dirs.push(root);
		const file = path.join(root, 'huibian-knowledge', 'reports.v8');
		expect(await readCacheFile(file)).toBeUndefined();
		await writeCacheFile(file, stored);
		expect(await readdir(path.dirname(file))).toEqual(['reports.v8']);
		expect(((await readCacheFile(file)) as Map<string, unknown>).get('k1')).toEqual(value);
		const bytes = await readFile(file);
		await writeFile(file, bytes.subarray(0, bytes.length >> 1));
		expect(await readCacheFile(file)).toBeUndefined();
	});

	test('the folder sits beside the bodies folder in the cache folder', () => {
		expect(knowledgeCacheDir('/c/astro/huibian-bodies/r1-abc.html')).toBe(
			'/c/astro/huibian-knowledge',
		);
	});
});

describe('keys', () => {
	test('a report key changes with the body, the title and the named practices only', () => {
		const key = reportKey(html, data);
		expect(reportKey(html, { ...data })).toBe(key);
		expect(reportKey(`${html} `, data)).not.toBe(key);
		expect(reportKey(html, { ...data, title: '书香机关 ' })).not.toBe(key);
		expect(reportKey(html, { ...data, namedPractices: ['“四个一”活动'] })).not.toBe(key);
		// Fields can't run into each other.
		expect(reportKey('b', { title: 'a', namedPractices: [] })).not.toBe(
			reportKey('', { title: 'a\0b', namedPractices: [] }),
		);
	});

	test('the corpus digest changes with order, ids, reprints and keys', () => {
		const a = { id: 'a', reprint: false, key: 'k1' };
		const b = { id: 'b', reprint: false, key: 'k2' };
		const digest = corpusDigest([a, b]);
		expect(corpusDigest([a, b])).toBe(digest);
		for (const other of [
			[b, a],
			[a],
			[a, { ...b, id: 'c' }],
			[a, { ...b, reprint: true }],
			[a, { ...b, key: 'k3' }],
		])
			expect(corpusDigest(other)).not.toBe(digest);
	});

	test('the code version covers every module the cached values are computed by', async () => {
		const here = path.resolve('src/loaders');
		const covered = new Set(KNOWLEDGE_CODE_FILES.map((f) => path.resolve(here, f)));
		const entries = [
			'src/lib/knowledge/report-knowledge.ts',
			'src/content.ts',
			'src/loaders/knowledge-cache.ts',
		].map((f) => path.resolve(f));
		const seen = new Set<string>();
		// Packages whose code computes the values (a new version can read HTML differently).
		const packages = new Set<string>();
		const walk = async (file: string): Promise<void> => {
			if (seen.has(file)) return;
			seen.add(file);
			const text = await readFile(file, 'utf8');
			// Runtime imports of the knowledge computation (content.ts: only its own text counts).
			if (file.endsWith('content.ts')) return;
			for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
				const spec = m[1]!;
				// A `?raw` import is text digested as it is (knowledge-code.ts), not code to follow.
				if (spec.endsWith('?raw'))
					packages.add(path.resolve(path.dirname(file), spec.slice(0, -'?raw'.length)));
				else if (spec.startsWith('.')) await walk(path.resolve(path.dirname(file), spec));
				else if (!spec.startsWith('node:') && !spec.startsWith('astro'))
					packages.add(path.resolve('node_modules', spec.split('/')[0]!, 'package.json'));
			}
		};
		for (const e of entries) await walk(e);
		// knowledge-code.ts holds the list; its paths are hashed, not its text (a glob can't match itself).
		seen.delete(path.resolve('src/loaders/knowledge-code.ts'));
		expect(seen.size).toBeGreaterThanOrEqual(8);
		for (const file of seen) expect(covered, path.relative('.', file)).toContain(file);
		expect([...packages].map((f) => path.relative('.', f))).toContain(
			'node_modules/parse5/package.json',
		);
		for (const file of packages) expect(covered, path.relative('.', file)).toContain(file);
	});
});
