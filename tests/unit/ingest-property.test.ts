/**
 * Property test (issue 6): random Chinese text mixed with hostile characters either ingests to
 * pages whose rendered text equals the cleaned text, or fails with a clear error; it never
 * crashes and never loses text (the no-loss check would report `text:lost`).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';
import { fragmentText } from '../helpers/html-text.ts';

const vocab = parseVocabulary(
	readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
);

const pieces = [
	'学习',
	'型组织',
	'建设',
	'创建',
	'机关',
	'我们',
	'开展',
	'活动',
	'培训',
	'单位',
	'街道',
	'社区',
	'，',
	'。',
	'、',
	'；',
	'：',
	'“',
	'”',
	'（',
	'）',
	'！',
	'？',
	'——',
	'…',
	' ',
	'  ',
	'\u3000',
	'\t',
	'<',
	'>',
	'{',
	'}',
	'#',
	'*',
	'***',
	'`',
	'\\',
	'|',
	'~',
	'_',
	'[',
	']',
	'(',
	')',
	'!',
	'&',
	'$',
	'-',
	'+',
	'=',
	'"',
	"'",
	'import ',
	'export ',
	'<script>',
	'</script>',
	'<!--',
	'-->',
	'1.',
	'2、',
	'一、',
	'（三）',
	'http://a.b/c_d',
	'3~5天',
	'XX',
	'20xx',
	'12',
	'2011年6月18日',
	'A',
	'abc',
	'\u200b',
	'\uE003',
	'\u0007',
];
const line = fc
	.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 30 })
	.map((parts) => parts.join(''));
const file = fc
	.tuple(
		fc.array(line, { minLength: 1, maxLength: 25 }),
		fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n'),
	)
	.map(([lines, separator]) => lines.join(separator));

test('random hostile text ingests faithfully or fails with a clear error', () => {
	let pages = 0;
	fc.assert(
		fc.property(file, (text) => {
			const result = ingestAll(
				[{ file: 'random.txt', bytes: new TextEncoder().encode(text) }],
				vocab,
				{},
			);
			for (const issue of result.issues) {
				expect(issue.ruleId).not.toBe('text:lost');
				expect(issue.message.length).toBeGreaterThan(10);
				if (issue.severity === 'error') expect(issue.ruleId).toMatch(/^decode:/);
			}
			for (const page of result.pages) {
				const { html } = renderMdx(page.mdx);
				expect(fragmentText(html)).toBe(page.text);
				pages++;
			}
		}),
		{ numRuns: Number(process.env.PROPERTY_RUNS ?? 300), seed: 20260301 },
	);
	// The generator must really produce pages, or the property proves nothing.
	expect(pages).toBeGreaterThan(100);
});
