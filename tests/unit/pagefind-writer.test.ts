import { decode } from 'cborg';
import { describe, expect, test } from 'vitest';
import { chunkRanges, ChunkCutter } from '../../src/lib/search/index-chunks.ts';
import { blockWeight, countLocations, packLocations } from '../../src/lib/search/locations.ts';
import { decodeIndexChunk, decodeMeta } from '../../src/lib/search/pagefind-files.ts';
import {
	fragmentJson,
	sortOrder,
	writePagefindIndex,
	type IndexPage,
	type WordSource,
} from '../../src/lib/search/pagefind-writer.ts';
import { Postings } from '../../src/lib/search/postings.ts';

const page = (
	url: string,
	sort: Record<string, string> = {},
	filters: Record<string, string[]> = {},
): IndexPage => ({
	url,
	content: url,
	wordCount: 3,
	filters,
	meta: { title: url },
	sort,
	anchors: [],
});
const fakeSha = (bytes: Uint8Array) =>
	[...bytes]
		.reduce((h, b) => (h * 31 + b) >>> 0, 7)
		.toString(16)
		.padStart(8, '0')
		.repeat(8);

describe('locations as Pagefind packs them', () => {
	test('default weight first, then ascending weights; deltas inside a group', () => {
		// Pagefind 1.6 wrote exactly this for `abc` on <h1>abc …</h1><p>abc zz abc</p> (positions 0, 2, 4)
		expect(packLocations([0, 2, 4], [168, 24, 24])).toEqual([-25, 2, 2, -169, 0]);
		expect(packLocations([7, 3], [24, 24])).toEqual([-25, 3, 4]);
		expect(packLocations([], [])).toEqual([]);
	});

	test('heading weights: h1 7 … h6 2, other blocks 1 (× 24)', () => {
		expect(['h1', 'h2', 'h6', 'p', 'li'].map(blockWeight)).toEqual([168, 144, 48, 24, 24]);
	});

	test('counts without positions: a run of steps of 1 per weight; the runtime weight 25 first and unmarked', () => {
		expect(
			countLocations(
				new Map([
					[24, 3],
					[168, 1],
				]),
			),
		).toEqual([-25, 0, 1, 1, -169, 0]);
		expect(
			countLocations(
				new Map([
					[168, 1],
					[25, 2],
				]),
			),
		).toEqual([0, 1, -169, 0]);
		expect(countLocations(new Map([[24, 0]]))).toEqual([]);
		expect(packLocations([4, 1], [25, 25])).toEqual([1, 3]);
	});
});

describe('postings', () => {
	test('pages are delta-encoded per word and words come out in UTF-8 order', () => {
		const p = new Postings();
		p.add('b', 0, [-25, 1]);
		p.add('a', 2, [-25, 0]);
		p.add('b', 5, []);
		expect(p.pairs).toBe(3);
		const words = [...p.drain()].map((w) => [w.word, w.count, [...w.entries]]);
		// [0, [-25, 1], []] then [5, [], []]: CBOR 0x83 array(3), 0x82 array(2), 0x38 0x18 = -25
		expect(words).toEqual([
			['a', 1, [0x83, 0x02, 0x82, 0x38, 0x18, 0x00, 0x80]],
			['b', 2, [0x83, 0x00, 0x82, 0x38, 0x18, 0x01, 0x80, 0x83, 0x05, 0x80, 0x80]],
		]);
	});

	test('a page added twice to a word is refused', () => {
		const p = new Postings();
		p.add('a', 3, []);
		expect(() => p.add('a', 3, [])).toThrowErrorMatchingInlineSnapshot(
			`[Error: postings: page 3 of "a" after page 3]`,
		);
	});
});

describe('chunks', () => {
	test('a chunk ends at 1.5x the target size at the latest; ranges are first and last word', () => {
		const p = new Postings();
		for (const w of ['a', 'b', 'c', 'd']) p.add(w, 1, [-25, 0, 1, 1, 1, 1, 1, 1]);
		// 18 bytes a word, target 34: no cut under 17 bytes, one at 51; a (FNV-1a 0xe40c292c) and
		// b (0xe70c2de5) are above 18/20.4 of 2^32 (0xe1e1e1e1): no content cut, c reaches 54
		const cutter = new ChunkCutter(34);
		const chunks = [...p.drain()]
			.map((w) => cutter.add(w))
			.concat(cutter.flush())
			.filter((c) => c !== null);
		expect(chunks.map((c) => [c!.from, c!.to])).toEqual([
			['a', 'c'],
			['d', 'd'],
		]);
		expect(decodeIndexChunk(chunks[0]!.bytes)).toEqual([
			['a', [[1, [-25, 0, 1, 1, 1, 1, 1, 1], []]], []],
			['b', [[1, [-25, 0, 1, 1, 1, 1, 1, 1], []]], []],
			['c', [[1, [-25, 0, 1, 1, 1, 1, 1, 1], []]], []],
		]);
	});
});

describe('chunk ranges in the meta', () => {
	test('as short as they can be: a prefix above the previous chunk, the last word cut after its difference with the next', () => {
		expect(
			chunkRanges([
				['0i1yz', '0i1y0fhcz'],
				['0i1y0fhdz', '0jz'],
			]),
		).toEqual([
			['0', '0i1y0fhc~'],
			['0i1y0fhd', '0~'],
		]);
		// a last word that is a prefix of the next chunk's first, or differs only at its end, stays whole
		expect(
			chunkRanges([
				['a', 'ab'],
				['abc', 'abd'],
				['abe', 'b'],
			]),
		).toEqual([
			['a', 'ab'],
			['abc', 'abd'],
			['abe', 'b'],
		]);
		// `~` only when it is above what it replaces
		expect(
			chunkRanges([
				['a', 'aé1'],
				['b', 'b'],
			]),
		).toEqual([
			['a', 'aé1'],
			['b', 'b'],
		]);
	});

	test('every word is inside its own chunk’s range and outside the others', () => {
		const words = ['0', '00', '001z', '0z', '1', '1a', '1az', '2', 'a0z', 'a1', 'azz', 'b'];
		const bounds: Array<[string, string]> = [];
		for (let i = 0; i < words.length; i += 3)
			bounds.push([words[i]!, words[Math.min(i + 2, words.length - 1)]!]);
		const ranges = chunkRanges(bounds);
		words.forEach((word, w) => {
			const inside = ranges.flatMap(([from, to], c) => (word >= from && word <= to ? [c] : []));
			expect(inside, word).toEqual([Math.floor(w / 3)]);
		});
	});
});

describe('pages: sort orders and fragments', () => {
	test('numbers sort as numbers, text as UTF-8; ties stay in page order; pages without the key are left out', () => {
		const pages = [
			page('/a/', { n: '10', t: 'b' }),
			page('/b/', { n: '9', t: 'a' }),
			page('/c/', { n: '10' }),
			page('/d/', { n: '-1', t: '啊' }),
		];
		expect(sortOrder(pages, 'n')).toEqual([3, 1, 0, 2]);
		expect(sortOrder(pages, 't')).toEqual([1, 0, 3]);
	});

	test('a fragment has Pagefind’s keys in Pagefind’s order, filters and meta by key', () => {
		const json = fragmentJson({
			...page('/a/', {}, { year: ['2019'], kind: ['report'] }),
			meta: { unit: '某单位', title: '题' },
		});
		expect(json).toBe(
			'{"url":"/a/","content":"/a/","word_count":3,"filters":{"kind":["report"],"year":["2019"]},"meta":{"title":"题","unit":"某单位"},"anchors":[]}',
		);
	});
});

describe('writePagefindIndex', () => {
	const source = (words: string[][]): WordSource => ({
		ranges: () => [0, 1],
		// range 0: words before 'm', range 1: the rest; a word's id is its index in `all`
		range: (range) => {
			const all = [...new Set(words.flat())];
			return {
				words: (p, add) =>
					words[p]!.filter((w) => w < 'm' === (range === 0)).forEach((w, i) =>
						add(all.indexOf(w), [-25, i]),
					),
				word: (id) => all[id]!,
			};
		},
	});

	test('writes fragments, chunks, filters, then meta and entry; the meta lists them all', () => {
		const pages = [
			page('/a/', { date: '1' }, { kind: ['report'] }),
			page('/b/', { date: '0' }, { kind: ['toc', 'report'] }),
		];
		const files = [
			...writePagefindIndex(
				pages,
				source([
					['x', 'a'],
					['a', 'y'],
				]),
				{ language: 'und', chunkBytes: 1, includeCharacters: ['_'], sha256: fakeSha },
			),
		];
		const kinds = files.map((f) => f.path.split('/')[0]!.replace(/\..*$/, ''));
		expect(kinds).toEqual([
			'fragment',
			'fragment',
			'index',
			'index',
			'index',
			'filter',
			'pagefind',
			'pagefind-entry',
		]);
		const meta = decodeMeta(files[6]!.bytes);
		expect(meta.pages.map((p) => `fragment/${p[0]}.pf_fragment`)).toEqual([
			files[0]!.path,
			files[1]!.path,
		]);
		expect(meta.chunks.map(([from, to]) => [from, to])).toEqual([
			['a', 'a'],
			['x', 'x'],
			['y', 'y'],
		]);
		expect(meta.sorts).toEqual([['date', [1, 0]]]);
		expect(meta.metaFields).toEqual(['title']);
		expect(decode(files[5]!.bytes.subarray(12))).toEqual([
			'kind',
			[
				['report', [0, 1]],
				['toc', [1]],
			],
		]);
		const entry = JSON.parse(new TextDecoder().decode(files[7]!.bytes));
		expect(entry).toEqual({
			version: '1.6.0',
			languages: {
				und: {
					hash: files[6]!.path.replace(/^pagefind\.|\.pf_meta$/g, ''),
					wasm: null,
					page_count: 2,
				},
			},
			include_characters: ['_'],
		});
		expect(files.every((f) => f.gzip === !f.path.endsWith('.json'))).toBe(true);
	});

	test('ranges whose words are out of order are refused', () => {
		const bad: WordSource = {
			ranges: () => [0, 1],
			range: (range) => ({ words: (_p, add) => add(0, []), word: () => (range === 0 ? 'z' : 'a') }),
		};
		expect(() => [
			...writePagefindIndex([page('/a/')], bad, {
				language: 'und',
				chunkBytes: 10,
				includeCharacters: [],
				sha256: fakeSha,
			}),
		]).toThrowErrorMatchingInlineSnapshot(`[Error: word ranges out of order: a after z]`);
	});
});
