import { describe, expect, test } from 'vitest';
import type { RenderedBlock } from '../../src/lib/knowledge/rendered-blocks.ts';
import { fragmentContent, rewriteFragment } from '../../src/lib/search/fragment-text.ts';

const blocks: RenderedBlock[] = [
	{ tag: 'h1', text: '學習型社區 TRIZ', id: null },
	{ tag: 'h2', text: '（一）建設社區書屋', id: 'h-1' },
	{ tag: 'p', text: '讓生活更美好，Internet。', id: null },
];

describe('fragments carry the original text', () => {
	test('content is the blocks as printed, one per line', () => {
		expect(fragmentContent(blocks)).toBe(
			'學習型社區 TRIZ\n（一）建設社區書屋\n讓生活更美好，Internet。',
		);
	});

	test('content and anchor texts are replaced, everything else kept', () => {
		const fragment = {
			url: '/r/',
			content: '0ysu0mcv 0mcv',
			word_count: 3,
			meta: { title: 'x' },
			anchors: [{ element: 'h2', id: 'h-1', text: '0ysu', location: 10 }],
		};
		expect(rewriteFragment(fragment, blocks)).toEqual({
			url: '/r/',
			content: '學習型社區 TRIZ\n（一）建設社區書屋\n讓生活更美好，Internet。',
			word_count: 3,
			meta: { title: 'x' },
			anchors: [{ element: 'h2', id: 'h-1', text: '（一）建設社區書屋', location: 10 }],
		});
	});

	test('an anchor without its block is an error naming the page and the id', () => {
		const fragment = {
			url: '/r/',
			content: '',
			anchors: [{ element: 'h2', id: 'h-9', text: '', location: 0 }],
		};
		expect(() => rewriteFragment(fragment, blocks)).toThrowErrorMatchingInlineSnapshot(
			`[Error: /r/: fragment anchor #h-9 has no block with that id]`,
		);
	});
});
