import { describe, expect, test } from 'vitest';
import { foldChar } from '../../src/lib/search/fold.ts';
import { occurrences, passage, textMap } from '../../src/lib/search/excerpt.ts';
import { foldTableFromPairs } from '../../src/lib/search/query.ts';

const fold = foldTableFromPairs('學学習习區区讓让');
const f = (ch: string) => foldChar(ch, fold);
const q = (s: string) => [...s];

describe('search excerpts from the original text', () => {
	// a heading and the paragraph after it, in traditional characters, with Latin and full-width punctuation
	const map = textMap(
		'一、營造讀書氛圍\n（一）建設學習型社區，讓生活更美好。TRIZ 理論與 Internet 學習型社區',
		f,
	);

	test('matches on the folded text, maps positions back to the original', () => {
		expect(map.chars.slice(0, 3)).toEqual(['一', '、', '營']);
		const found = occurrences(map, [q('学习型社区')]);
		expect(found.map((o) => o.start)).toEqual([13, 41]);
		expect(map.blocks[1]!.slice(map.places[13]!.start, map.places[17]!.end)).toBe('學習型社區');
	});

	test('every occurrence of every term is marked, in the report’s own script, case and width', () => {
		const found = occurrences(map, [q('学习型社区'), q('triz'), q('internet')]);
		expect(found.map((o) => [o.start, o.term])).toEqual([
			[13, 0],
			[26, 1],
			[33, 2],
			[41, 0],
		]);
		expect(passage(map, found[0]!, found, 100)).toEqual([
			{ kind: 'text', text: '一、營造讀書氛圍', mark: false },
			{ kind: 'sep' },
			{ kind: 'text', text: '（一）建設', mark: false },
			{ kind: 'text', text: '學習型社區', mark: true },
			{ kind: 'text', text: '，讓生活更美好。', mark: false },
			{ kind: 'text', text: 'TRIZ', mark: true },
			{ kind: 'text', text: ' ', mark: false },
			{ kind: 'text', text: '理論與', mark: false },
			{ kind: 'text', text: ' ', mark: false },
			{ kind: 'text', text: 'Internet', mark: true },
			{ kind: 'text', text: ' ', mark: false },
			{ kind: 'text', text: '學習型社區', mark: true },
		]);
	});

	test('a cut inside a block is marked as a cut, never a separator; a cut match is widened to whole', () => {
		const found = occurrences(map, [q('学习型社区')]);
		const pieces = passage(map, found[0]!, found, 2);
		expect(pieces).toEqual([
			{ kind: 'cut' },
			{ kind: 'text', text: '建設', mark: false },
			{ kind: 'text', text: '學習型社區', mark: true },
			{ kind: 'text', text: '，讓', mark: false },
			{ kind: 'cut' },
		]);
	});

	test('a passage stays within its limits (a sub-result’s section)', () => {
		const found = occurrences(map, [q('学习型社区')]);
		const pieces = passage(map, found[1]!, found, 40, [30, map.chars.length]);
		expect(pieces[0]).toEqual({ kind: 'cut' });
		expect(pieces.at(-1)).toEqual({ kind: 'text', text: '學習型社區', mark: true });
	});

	test('a match never spans two blocks', () => {
		expect(occurrences(textMap('学习\n型社区', f), [q('学习型')])).toEqual([]);
	});
});
