/**
 * Fixture cases: tests/fixtures/<behaviour>/{input.txt, expected.json}, discovered by one loop.
 * The expected values are written by hand from reading each input; only the fields listed in
 * expected.json are compared. Each page is also rendered with the site's renderer and its
 * visible text must equal the expected blocks (escaping is proved on the rendered HTML).
 *
 * Optional keys: `tocRows` ([kind, title, subtitle, unit, page] per TOC entry), `warnings`
 * (every [ruleId, line] of a structure warning: `toc:*`, `structure:*`, `text:*`, so that a
 * fixture fails on a warning it doesn't expect as well as on one missing), `account` (line
 * numbers by place, for the places listed).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestAll, buildSourceOutput } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';
import { renderedBlocks } from '../helpers/html-text.ts';
import type { IngestBlock } from '../../src/lib/ingest/types.ts';

const root = path.resolve(import.meta.dirname, '../fixtures');
const vocab = parseVocabulary(
	readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
);
const cases = readdirSync(root).filter(
	(name) =>
		existsSync(path.join(root, name, 'expected.json')) &&
		existsSync(path.join(root, name, 'input.txt')),
);

function blockText(block: IngestBlock): string {
	return block.type === 'heading' ? `${'#'.repeat(block.depth)} ${block.text}` : block.text;
}

function pick(
	actual: Record<string, unknown>,
	expected: Record<string, unknown>,
): Record<string, unknown> {
	return Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]));
}

describe('ingest fixtures', () => {
	test('there are fixture cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(8);
	});

	test.each(cases)('%s', (name) => {
		const bytes = new Uint8Array(readFileSync(path.join(root, name, 'input.txt')));
		const expected = JSON.parse(readFileSync(path.join(root, name, 'expected.json'), 'utf8'));
		const result = ingestAll([{ file: `${name}.txt`, bytes }], vocab, {});
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const [source] = result.catalog.sources;
		expect(source?.shape).toBe(expected.shape);
		if (expected.source)
			expect(pick(source as unknown as Record<string, unknown>, expected.source)).toEqual(
				expected.source,
			);
		if (expected.repairs) expect(pick(source!.repairs, expected.repairs)).toEqual(expected.repairs);
		if (expected.toc) {
			expect(source!.toc.map((t) => [t.kind, t.title, t.subtitle, t.page])).toEqual(expected.toc);
		}
		expect(result.pages).toHaveLength(expected.reports.length);
		expected.reports.forEach((want: Record<string, unknown> & { blocks?: string[] }, i: number) => {
			const page = result.pages[i]!;
			const { blocks, ...fields } = want;
			expect(pick(page.frontmatter as unknown as Record<string, unknown>, fields)).toEqual(fields);
			if (blocks) {
				expect(renderedBlocks(renderMdx(page.mdx).html)).toEqual(blocks);
				expect(page.text).toBe(blocks.map((b) => b.replace(/^#{2,4} /, '')).join('\n'));
			}
		});
		if (expected.tocOnly) {
			expect(result.catalog.tocOnly.map((t) => [t.title, t.subtitle, t.unit, t.tocPage])).toEqual(
				expected.tocOnly,
			);
		}
		if (expected.tocRows) {
			expect(source!.toc.map((t) => [t.kind, t.title, t.subtitle, t.unit, t.page])).toEqual(
				expected.tocRows,
			);
		}
		if (expected.warnings) {
			const structural = result.issues.filter(
				(i) => i.severity === 'warning' && /^(?:toc|structure|text):/.test(i.ruleId),
			);
			expect(structural.map((i) => [i.ruleId, i.line])).toEqual(expected.warnings);
		}
		if (expected.account) {
			const account = buildSourceOutput({ file: `${name}.txt`, bytes }, vocab, {})
				.account as unknown as Record<string, unknown>;
			expect(pick(account, expected.account)).toEqual(expected.account);
		}
	});
});

export { blockText };
