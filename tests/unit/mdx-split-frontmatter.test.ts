import { expect, test } from 'vitest';
import { splitFrontmatter, stripFrontmatter } from '../../src/lib/mdx/split-frontmatter.ts';

test('a page is cut at its fences: YAML, body, the line the body starts on', () => {
	expect(splitFrontmatter('---\nid: a\ntitle: 学习\n---\n\n## 一、做法\n')).toEqual({
		yaml: 'id: a\ntitle: 学习',
		body: '\n## 一、做法\n',
		bodyLine: 5,
	});
});

test('an empty frontmatter block and an empty body', () => {
	expect(splitFrontmatter('---\n\n---\n')).toEqual({ yaml: '', body: '', bodyLine: 4 });
});

test('a --- line inside the body is body (only the first block is frontmatter)', () => {
	expect(splitFrontmatter('---\nid: a\n---\n正文\n---\n后文\n')?.body).toBe('正文\n---\n后文\n');
});

test.each([
	['no fences', '正文'],
	['a fence not on the first line', '\n---\nid: a\n---\n'],
	['an unclosed block', '---\nid: a\n'],
])('%s: no frontmatter (null), and stripFrontmatter keeps the whole text', (_, text) => {
	expect(splitFrontmatter(text)).toBeNull();
	expect(stripFrontmatter(text)).toBe(text);
});

test('stripFrontmatter returns the body', () => {
	expect(stripFrontmatter('---\nid: a\n---\n正文')).toBe('正文');
});
