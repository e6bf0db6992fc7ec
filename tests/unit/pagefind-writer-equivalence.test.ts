/**
 * The writer against Pagefind itself: the same records are indexed by Pagefind 1.6's own indexer
 * (its Node API, from HTML) and by `writePagefindIndex`, and Pagefind's runtime (its pagefind.js
 * and WebAssembly, run in Node) answers a suite of queries over each: results, order, scores,
 * matched words, locations and their weights, sub-results, anchors, metadata, filters, filter
 * counts and sort orders must be identical. Only the fragment text differs, by design (huibian's
 * fragments carry the original text, Pagefind's its normalised words).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Element, ElementContent, Root } from 'hast';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blockWeight, packLocations } from '../../src/lib/search/locations.ts';
import {
	PAGEFIND_VERSION,
	writePagefindIndex,
	type IndexPage,
	type WordSource,
} from '../../src/lib/search/pagefind-writer.ts';
import { loadRuntime, type Runtime } from '../helpers/pagefind-runtime.ts';

interface Block {
	tag: 'h1' | 'h2' | 'h3' | 'p';
	words: string[];
	id?: string;
}
interface Rec {
	url: string;
	blocks: Block[];
	filters: Record<string, string[]>;
	meta: Record<string, string>;
	sort: Record<string, string>;
}

// ASCII words as huibian's tokens are: codes sharing prefixes, words that are prefixes of others
const VOCAB = [
	'0ysu',
	'0ysu0mcv',
	'0ysu0mcvh',
	'0mcv0w2z',
	'0w2z',
	'abc',
	'abcd',
	'abd',
	'zz',
	'q1',
	'q10',
	'q2',
	'x9x9',
];

function records(n: number): Rec[] {
	let x = 11;
	const rand = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % k);
	const words = (k: number) => Array.from({ length: k }, () => VOCAB[rand(VOCAB.length)]!);
	return Array.from({ length: n }, (_, i) => {
		const blocks: Block[] = [
			{ tag: 'h1', words: words(1 + rand(3)) },
			{ tag: 'p', words: words(3 + rand(30)) },
		];
		if (rand(2))
			blocks.push(
				{ tag: 'h2', words: words(1 + rand(3)), id: `s-${i}` },
				{ tag: 'p', words: words(rand(20) + 1) },
			);
		if (rand(3) === 0) blocks.push({ tag: 'h3', words: words(2), id: `t-${i}` });
		const theme = ['a', 'b', 'c'].filter(() => rand(2));
		return {
			url: `/reports/r${i}/`,
			blocks,
			filters: {
				kind: [rand(4) ? 'report' : 'toc'],
				year: [String(2000 + rand(5))],
				...(theme.length ? { theme } : {}),
			},
			meta: { title: `报告 ${i}`, ...(rand(2) ? { unit: `单位${rand(9)}` } : {}) },
			// ranks, and ties on purpose: Pagefind's sort is stable in page order
			sort: { date: String(rand(n)).padStart(3, '0'), ...(rand(3) ? { name: `n${rand(7)}` } : {}) },
		};
	});
}

/** The record as the HTML Pagefind indexes (a hast tree, serialised). */
function recordHtml(r: Rec): string {
	const el = (
		tagName: string,
		properties: Record<string, string>,
		children: ElementContent[] = [],
	): Element => ({ type: 'element', tagName, properties, children });
	const metas: Element[] = [];
	for (const [key, values] of Object.entries(r.filters))
		for (const v of values)
			metas.push(el('meta', { dataPagefindFilter: `${key}[content]`, content: v }));
	for (const [key, v] of Object.entries(r.meta))
		metas.push(el('meta', { dataPagefindMeta: `${key}[content]`, content: v }));
	for (const [key, v] of Object.entries(r.sort))
		metas.push(el('meta', { dataPagefindSort: `${key}[content]`, content: v }));
	const body = r.blocks.map((b) =>
		el(b.tag, b.id ? { id: b.id } : {}, [{ type: 'text', value: b.words.join(' ') }]),
	);
	const tree: Root = {
		type: 'root',
		children: [
			{ type: 'doctype' },
			el('html', { lang: 'und' }, [
				el('head', {}, metas),
				el('body', {}, [el('main', { dataPagefindBody: '' }, body)]),
			]),
		],
	};
	return unified().use(rehypeStringify).stringify(tree);
}

/** The records' words as Pagefind reads them: one position per word in reading order, weighted by block. */
const wordSource = (recs: readonly Rec[]): WordSource => ({
	ranges: () => [null],
	range: () => {
		const ids = new Map<string, number>();
		const names: string[] = [];
		const id = (word: string) =>
			ids.get(word) ?? (ids.set(word, names.length), names.push(word) - 1);
		return {
			words: (page, add) => wordsOf(recs, page, (word, locations) => add(id(word), locations)),
			word: (i) => names[i]!,
		};
	},
});

function wordsOf(
	recs: readonly Rec[],
	page: number,
	add: (word: string, locations: number[]) => void,
): void {
	{
		const at = new Map<string, { positions: number[]; weights: number[] }>();
		let position = 0;
		for (const block of recs[page]!.blocks) {
			for (const word of block.words) {
				const entry = at.get(word) ?? { positions: [], weights: [] };
				at.set(word, entry);
				entry.positions.push(position++);
				entry.weights.push(blockWeight(block.tag));
			}
		}
		for (const [word, { positions, weights }] of at) add(word, packLocations(positions, weights));
	}
}

function indexPages(recs: readonly Rec[]): IndexPage[] {
	return recs.map((r) => {
		let position = 0;
		const anchors = [];
		for (const b of r.blocks) {
			if (b.id)
				anchors.push({ element: b.tag, id: b.id, text: b.words.join(' '), location: position });
			position += b.words.length;
		}
		return {
			url: r.url,
			content: r.blocks.map((b) => b.words.join(' ')).join('\n'),
			wordCount: position,
			filters: r.filters,
			meta: r.meta,
			sort: r.sort,
			anchors,
		};
	});
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let root: string;
let theirs: Runtime;
let ours: Runtime;
let oursSmall: Runtime;
const recs = records(80);

beforeAll(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'huibian-writer-'));
	const pfDir = path.join(root, 'pagefind-own');
	const { index } = await pagefind.createIndex({ writePlayground: false, forceLanguage: 'und' });
	for (const r of recs) await index!.addHTMLFile({ url: r.url, content: recordHtml(r) });
	await index!.writeFiles({ outputPath: pfDir });
	await index!.deleteIndex();
	await pagefind.close();
	const entry = JSON.parse(readFileSync(path.join(pfDir, 'pagefind-entry.json'), 'utf8'));
	const write = async (dir: string, chunkBytes: number) => {
		for (const file of writePagefindIndex(indexPages(recs), wordSource(recs), {
			language: 'und',
			chunkBytes,
			includeCharacters: entry.include_characters,
			sha256,
		})) {
			const to = path.join(dir, file.path);
			await mkdir(path.dirname(to), { recursive: true });
			await writeFile(to, file.gzip ? gzipSync(file.bytes) : file.bytes);
		}
		for (const name of await readdir(pfDir))
			if (/\.(js|pagefind)$/.test(name))
				await copyFile(path.join(pfDir, name), path.join(dir, name));
		return (await readdir(path.join(dir, 'index'))).length;
	};
	// Pagefind's own index of 80 small pages is one chunk
	expect(await readdir(path.join(pfDir, 'index'))).toHaveLength(1);
	expect(await write(path.join(root, 'writer'), 1e9)).toBe(1);
	expect(await write(path.join(root, 'writer-small'), 300)).toBeGreaterThan(10);
	theirs = await loadRuntime(pfDir);
	ours = await loadRuntime(path.join(root, 'writer'));
	oursSmall = await loadRuntime(path.join(root, 'writer-small'));
	// a search counts the filter values of the filter chunks loaded so far: load them all, as the search page does
	for (const runtime of [theirs, ours, oursSmall]) await runtime.filters();
});
afterAll(async () => {
	if (!process.env.KEEP) await rm(root, { recursive: true, force: true });
	else console.log(root);
});

/** Everything a search answers, with each result's data (the fragment text left out: it differs by design). */
async function answer(runtime: Runtime, term: string | null, options: Record<string, unknown>) {
	const found = await runtime.search(term, options);
	const results = await Promise.all(
		found.results.map(async (r) => {
			const {
				content: _content,
				excerpt: _excerpt,
				raw_content: _raw,
				...data
			} = (await r.data()) as Record<string, unknown>;
			const subs = (data.sub_results as Array<Record<string, unknown>>).map(
				({ excerpt: _e, ...s }) => s,
			);
			return { score: r.score, words: r.words, ...data, sub_results: subs } as Record<
				string,
				unknown
			>;
		}),
	);
	return {
		results,
		filters: found.filters,
		totalFilters: found.totalFilters,
		unfiltered: found.unfilteredResultCount,
	};
}

const QUERIES: Array<[string | null, Record<string, unknown>]> = [
	['0ysu', {}],
	['0ysu0mcv', {}],
	['"0ysu0mcv"', {}],
	['"0ysu0mcv 0mcv0w2z"', {}],
	['"abc abd zz"', {}],
	['abc', {}],
	['ab', {}],
	['q1', {}],
	['"q1"', {}],
	['abc zz', {}],
	['0w2z x9x9', { filters: { kind: 'report' } }],
	['abd', { filters: { theme: { any: ['a', 'c'] } } }],
	['abd', { filters: { year: ['2001', '2003'] }, sort: { date: 'asc' } }],
	['zz', { sort: { date: 'desc' } }],
	['zz', { sort: { name: 'asc' } }],
	['nothing', {}],
	['"zz nothing"', {}],
	[null, { sort: { date: 'asc' } }],
	[null, { filters: { kind: { any: ['toc'] } } }],
	[null, { filters: { theme: { all: ['a', 'b'] } }, sort: { date: 'desc' } }],
];

describe('the writer answers every query as Pagefind’s own index', () => {
	test('Pagefind is the version the writer writes', () => {
		const installed = JSON.parse(
			readFileSync(path.join('node_modules', 'pagefind', 'package.json'), 'utf8'),
		).version;
		expect(installed).toBe(PAGEFIND_VERSION);
	});

	test('filters, with counts', async () => {
		expect(await ours.filters()).toEqual(await theirs.filters());
		expect(await oursSmall.filters()).toEqual(await theirs.filters());
	});

	test.each(QUERIES)('%s %j', async (term, options) => {
		const expected = await answer(theirs, term, options);
		expect(await answer(ours, term, options)).toEqual(expected);
	});

	// A query word is looked up in the one chunk whose range holds it (Pagefind's
	// `request_indexes`), so a prefix query misses extensions cut into the next chunk, in
	// Pagefind's own indexes too. Exact words and phrases (all huibian queries, `tokens.ts`) are
	// answered the same whatever the chunking:
	test.each(
		QUERIES.filter(
			([term]) =>
				term === null ||
				term.startsWith('"') ||
				['0w2z x9x9', 'abd', 'zz', 'nothing'].includes(term),
		),
	)('in 300-byte chunks: %s %j', async (term, options) => {
		expect(await answer(oursSmall, term, options)).toEqual(await answer(theirs, term, options));
	});

	test('the suite reaches what it compares: weights, sub-results, ties, empty answers', async () => {
		const abc = await answer(theirs, 'abc', {});
		expect(abc.results.length).toBeGreaterThan(10);
		expect(
			abc.results.some((r) =>
				(r.weighted_locations as Array<{ weight: number }>).some((l) => l.weight === 7),
			),
		).toBe(true);
		expect(abc.results.some((r) => (r.sub_results as unknown[]).length > 1)).toBe(true);
		expect((await answer(theirs, 'nothing', {})).results).toEqual([]);
		const byDate = await answer(theirs, null, { sort: { date: 'asc' } });
		expect(byDate.results.length).toBe(recs.length);
	});
});
