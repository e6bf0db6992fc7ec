import { describe, expect, test } from 'vitest';
import { parseFragment } from 'parse5';
import { blocksOf, readBodyBlocks } from '../../src/lib/knowledge/rendered-blocks.ts';
import { readPageRecord } from '../../src/lib/search/page-blocks.ts';

// Hand-written HTML in the renderer's shape (flat <hN id>/<p id>, a GFM table) with entities,
// inline markup, whitespace and markup no renderer output has.
const body = [
	'<h2 id="h-a1">一、组织&#x26;保障</h2>',
	'<p id="p-b2">开展<strong>“五子<em>行动</em>”</strong>，&#x3C;读书&#x3E;\n  月&amp;lt;。</p>',
	'<table><thead><tr><th>社区</th></tr></thead><tbody><tr><td>东园社区</td></tr></tbody></table>',
	'<p>无编号段落 &nbsp;&copy; 2009</p>',
	'<p id="p-c3">  </p>',
	'<h3>没有 id 的标题</h3>',
	'<p id="p-d4">可见<span hidden>隐藏</span><script>var x = "脚本";</script><style>p{}</style>文字</p>',
	'<ul><li>列表项</li></ul>',
	'<blockquote><p id="p-e5">引文段落</p></blockquote>',
].join('\n');

describe('readBodyBlocks (a rendered report body)', () => {
	test('headings and paragraphs with their ids, text decoded and collapsed', () => {
		expect(readBodyBlocks(body)).toEqual([
			{ tag: 'h2', id: 'h-a1', text: '一、组织&保障' },
			{ tag: 'p', id: 'p-b2', text: '开展“五子行动”，<读书> 月&lt;。' },
			{ tag: 'p', id: null, text: '无编号段落 © 2009' },
			{ tag: 'h3', id: null, text: '没有 id 的标题' },
			{ tag: 'p', id: 'p-d4', text: '可见文字' },
			{ tag: 'p', id: 'p-e5', text: '引文段落' },
		]);
	});

	test('an empty body has no blocks', () => {
		expect(readBodyBlocks('')).toEqual([]);
		expect(readBodyBlocks('<p id="p-x"> \n </p>')).toEqual([]);
	});
});

describe('blocksOf with allText (the search reader)', () => {
	test('text outside p and hN forms p blocks, split at block elements', () => {
		const html = '<div>前言<ul><li>一<b>项</b></li><li>二项</li></ul>尾声</div><p id="p-1">段</p>';
		expect(blocksOf(parseFragment(html), { allText: true })).toEqual([
			{ tag: 'p', id: null, text: '前言' },
			{ tag: 'p', id: null, text: '一项' },
			{ tag: 'p', id: null, text: '二项' },
			{ tag: 'p', id: null, text: '尾声' },
			{ tag: 'p', id: 'p-1', text: '段' },
		]);
		expect(blocksOf(parseFragment(html))).toEqual([{ tag: 'p', id: 'p-1', text: '段' }]);
	});

	test('ignored subtrees give no text; onElement still sees their elements', () => {
		const seen: string[] = [];
		const html = '<section><p data-x>略<i>去</i></p><p>留</p></section>';
		const blocks = blocksOf(parseFragment(html), {
			ignore: (el) => el.attrs.some((a) => a.name === 'data-x'),
			onElement: (el) => seen.push(el.tagName),
		});
		expect(blocks).toEqual([{ tag: 'p', id: null, text: '留' }]);
		expect(seen).toEqual(['section', 'p', 'i', 'p']);
	});

	test('a built page: the same blocks for its body as the knowledge side reads', () => {
		const page = `<!doctype html><html><body><nav>导航</nav><article data-pagefind-body><h1>题</h1><p data-pagefind-ignore>单位</p>${body}</article><footer>页脚</footer></body></html>`;
		const record = readPageRecord(page)!;
		expect(record.blocks.map((b) => b.text)).toEqual([
			'题',
			'一、组织&保障',
			'开展“五子行动”，<读书> 月&lt;。',
			'社区',
			'东园社区',
			'无编号段落 © 2009',
			'没有 id 的标题',
			'可见文字',
			'列表项',
			'引文段落',
		]);
		expect(record.blocks.filter((b) => b.id).map((b) => b.id)).toEqual([
			'h-a1',
			'p-b2',
			'p-d4',
			'p-e5',
		]);
	});
});
