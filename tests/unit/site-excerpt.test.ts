import { describe, expect, test } from 'vitest';
import { excerptFromBlocks } from '../../src/lib/site/excerpt.ts';
import { readBodyBlocks } from '../../src/lib/knowledge/rendered-blocks.ts';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';
import { toMdx } from '../../src/lib/mdx/to-mdx.ts';

const excerptFromHtml = (html: string, max?: number) =>
	excerptFromBlocks(readBodyBlocks(html), max);

describe('excerptFromBlocks of a rendered body', () => {
	test('takes paragraph text, skipping headings, and cuts at max with an ellipsis', () => {
		const html =
			'<h2 id="h-1">一、提高认识</h2><p id="p-1">近年来，我们按照部署开展创建活动。</p><p>成立了领导小组。</p>';
		expect(excerptFromHtml(html, 10)).toBe('近年来，我们按照部署…');
		expect(excerptFromHtml(html, 200)).toBe('近年来，我们按照部署开展创建活动。 成立了领导小组。');
	});
	test('returns the text without an ellipsis when it fits', () => {
		expect(excerptFromHtml('<p>短文。</p>', 80)).toBe('短文。');
	});
	test('is empty for a body without paragraphs', () => {
		expect(excerptFromHtml('<h2>标题</h2>')).toBe('');
	});
	test('counts code points, not UTF-16 units', () => {
		expect(excerptFromHtml('<p>𠀀𠀁𠀂</p>', 2)).toBe('𠀀𠀁…');
	});
	test('gives back text the renderer escaped, as plain text', () => {
		const mdx = toMdx({} as never, [
			{ type: 'paragraph', text: '<script>{x}</script> 3~5天 & 更多' },
		]);
		expect(excerptFromHtml(renderMdx(mdx).html)).toBe('<script>{x}</script> 3~5天 & 更多');
	});
});
