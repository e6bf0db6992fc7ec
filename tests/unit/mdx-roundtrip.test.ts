import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toMdx, type MdxBlock } from '../../src/lib/mdx/to-mdx.ts';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';
import { fragmentText } from '../helpers/html-text.ts';

const roundTrip = (blocks: MdxBlock[]) => fragmentText(renderMdx(toMdx({ id: 'x' }, blocks)).html);

// Each of these would be read as MDX/Markdown syntax if written into the file verbatim.
const hostile = [
	'import x from "y"',
	'export const a = 1',
	'export default function(){}',
	'{foo}',
	'}',
	'<script>alert(1)</script>',
	'<!-- 注释 -->',
	'# 不是标题',
	'- 不是列表',
	'* 星号',
	'***',
	'1. 不是列表',
	'> 不是引用',
	'| 甲 | 乙 |',
	'|---|---|',
	'3~5天 ~~不删~~',
	'https://example.com/a_b，后面是中文。',
	'C:\\目录\\文件',
	'`不是代码`',
	'```',
	'  两个空格开头',
	'    四个空格开头',
	'\t制表符开头',
	'&amp; &lt; &#x3C;',
	'_斜体_ **粗体**',
	'[链接](http://a)',
	'![图](x.png)',
	'A<B>C',
	'<https://a.b>',
	'===',
	'---',
	'$x$',
	'\\',
	'a\\',
	'[^1]',
];

describe('MDX serialiser → renderer round trip', () => {
	test.each(hostile)('paragraph %j shows exactly as written', (text) => {
		expect(roundTrip([{ type: 'paragraph', text }])).toBe(text);
	});

	test.each(hostile)('heading %j shows exactly as written', (text) => {
		expect(roundTrip([{ type: 'heading', depth: 3, text }])).toBe(text);
	});

	test('random CJK text mixed with markup characters survives unchanged', () => {
		const alphabet = fc.constantFrom(
			...'学习型组织建设社区机关，。“”《》（）、：；！？'.split(''),
			...'<>{}[]()#*_-+=|~`\\!&;:/.\'" \t0123456789abcXYZ'.split(''),
			'import ',
			'export ',
			'<!--',
			'-->',
			'***',
			'http://x.cn',
		);
		const line = fc
			.array(alphabet, { minLength: 1, maxLength: 40 })
			.map((parts) => parts.join(''))
			// The ingest never emits blank-only or edge-space paragraphs: cleaning trims them.
			.map((s) => s.trim())
			.filter((s) => s.length > 0);
		fc.assert(
			fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (texts) => {
				const blocks = texts.map((text): MdxBlock => ({ type: 'paragraph', text }));
				expect(roundTrip(blocks)).toBe(texts.join('\n'));
			}),
			{ numRuns: 500 },
		);
	});

	test('headings get stable ASCII ids derived from their text', () => {
		const a = renderMdx(toMdx({}, [{ type: 'heading', depth: 2, text: '一、加强领导' }]));
		const b = renderMdx(
			toMdx({}, [
				{ type: 'paragraph', text: '前面加了一段' },
				{ type: 'heading', depth: 2, text: '一、加强领导' },
			]),
		);
		expect(a.headings).toEqual([
			{ depth: 2, text: '一、加强领导', slug: expect.stringMatching(/^h-[0-9a-z]+$/) },
		]);
		expect(b.headings[0]?.slug).toBe(a.headings[0]?.slug);
	});

	test('MDX syntax in a body is refused, not rendered', () => {
		expect(() => renderMdx('<b>x</b>\n')).toThrowErrorMatchingInlineSnapshot(
			`[Error: Unexpected MDX syntax (mdxJsxTextElement) at 1:1: report bodies are plain text]`,
		);
	});
});
