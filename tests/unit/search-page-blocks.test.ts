import { describe, expect, test } from 'vitest';
import { readPageRecord } from '../../src/lib/search/page-blocks.ts';

const page = `<!doctype html><html lang="zh-CN"><body><nav>导航</nav><article data-pagefind-body>
<h1>强素质 促发展</h1><p data-pagefind-ignore>延庆县农经站 · 学习型机关</p>
<span hidden><span data-pagefind-filter="category[data-value]" data-value="学习型机关"></span><span data-pagefind-meta="title[data-value]" data-value="a, b: c"></span><span data-pagefind-sort="date[data-value]" data-value="2009-01-18"></span></span>
<h2 id="h-1">一、组织&amp;保障</h2><p>开展<strong>“五子行动”</strong>。</p><script>var x = 1;</script></article></body></html>`;

describe('reading a built report page for the index', () => {
	test('keeps the visible body blocks with heading ids, drops ignored and hidden text', () => {
		expect(readPageRecord(page)?.blocks).toEqual([
			{ tag: 'h1', text: '强素质 促发展', id: null },
			{ tag: 'h2', text: '一、组织&保障', id: 'h-1' },
			{ tag: 'p', text: '开展“五子行动”。', id: null },
		]);
	});

	test('reads attribute-form filters, metadata and sort keys, even inside hidden markup', () => {
		expect(readPageRecord(page)?.attributes).toEqual({
			filters: { category: ['学习型机关'] },
			meta: { title: 'a, b: c' },
			sort: { date: '2009-01-18' },
		});
	});

	test('is null for a page without data-pagefind-body', () => {
		expect(readPageRecord('<html><body><p>x</p></body></html>')).toBeNull();
	});
});
