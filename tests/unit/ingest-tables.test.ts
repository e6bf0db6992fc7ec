/**
 * Tables of a `.docx` or `.html` body become tables on the report page (issue 13 item 4): a table
 * block through the blocks → mdast → MDX pipeline, rendered as `<table>` by THE renderer, each
 * cell a text block of the search index. Expectations are written by hand from the sources:
 * `tests/fixtures/formats/html-table/book.html` (written by hand) and the factory book's table in
 * `tests/fixtures/formats/books.ts` (the text `make-docx.ts` put into `docx-factory/book.docx`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSourceOutput, draftSource } from '../../src/lib/ingest/index.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';
import { toMdx } from '../../src/lib/mdx/to-mdx.ts';
import { readPageRecord } from '../../src/lib/search/page-blocks.ts';
import { pdfAssets } from '../../scripts/lib/pdf-assets.ts';
import type { IngestBlock } from '../../src/lib/ingest/types.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/formats');
const vocab = parseVocabulary(
	readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
);

async function read(name: string, file: string) {
	return extractSource(
		{ file, bytes: new Uint8Array(readFileSync(path.join(root, name, file))) },
		pdfAssets,
	);
}

function blocksOf(input: Awaited<ReturnType<typeof read>>): IngestBlock[][] {
	const draft = draftSource(input, vocab);
	if (!draft.source) throw new Error(`not read: ${JSON.stringify(draft.issues)}`);
	return draft.reports.map((r) => r.blocks);
}

const kinds = (blocks: IngestBlock[]) =>
	blocks.map((b) =>
		b.type === 'table'
			? `table ${b.rows.length}×${b.rows[0]!.length}`
			: b.type === 'heading'
				? `h${b.depth} ${b.text}`
				: b.text.slice(0, 8),
	);

describe('a saved web page with two tables', { timeout: 60_000 }, () => {
	test('each table is one block in its place, rows and cells as printed', async () => {
		const [blocks] = blocksOf(await read('html-table', 'book.html'));
		expect(kinds(blocks!)).toEqual([
			'今年以来，城南街',
			'h2 一、主要做法',
			'街道建立了“周五',
			'table 4×3',
			'［图：各社区读书',
			'h2 二、下一步打算',
			'明年我们将把学习',
			'table 2×2',
			'城南街道办事处',
			'二〇一二年十二月',
		]);
		const tables = blocks!.filter((b) => b.type === 'table');
		// The empty row goes (nothing in it); a row with a spanned cell is padded with an empty
		// cell; layout spaces between Han and digits go as in any paragraph (`42 场` → `42场`),
		// the space inside a number stays (`1 860`).
		expect(tables.map((t) => t.rows)).toEqual([
			[
				['社区', '读书会（场）', '参加人数'],
				['东园社区', '24', '1 860'],
				['西园社区', '18', '1 205'],
				['合计|两个社区', '42场{共3065人次}', ''],
			],
			[
				['项目', '目标'],
				['学习型家庭', '100户'],
			],
		]);
	});

	test('the page renders real tables, every cell verbatim, and search reads each cell', async () => {
		const out = buildSourceOutput(await read('html-table', 'book.html'), vocab, {});
		expect(
			out.issues.filter((i) => i.severity === 'error' || i.ruleId.startsWith('text:')),
		).toEqual([]);
		const [page] = out.pages;
		const html = renderMdx(page!.mdx).html.replace(/>\n</g, '><');
		expect(html.match(/<table>/g)).toHaveLength(2);
		expect(html).toContain('<th>社区</th><th>读书会（场）</th><th>参加人数</th>');
		expect(html).toContain('<td>合计|两个社区</td><td>42场{共3065人次}</td><td></td>');
		expect(html).toContain('<td>学习型家庭</td><td>100户</td>');
		const record = readPageRecord(
			`<html><body><main data-pagefind-body>${html}</main></body></html>`,
		);
		const texts = record!.blocks.map((b) => b.text);
		for (const cell of ['东园社区', '1 860', '合计|两个社区', '42场{共3065人次}', '100户'])
			expect(texts).toContain(cell);
		// The page text holds the table, a TAB between cells and a line per row.
		expect(page!.text).toContain('社区\t读书会（场）\t参加人数\n东园社区\t24\t1 860\n');
	});
});

describe('a Word file with a table', { timeout: 60_000 }, () => {
	test('the factory report has its statistics table, between its last section and its sign-off', async () => {
		const [first] = blocksOf(await read('docx-factory', 'book.docx'));
		const at = first!.findIndex((b) => b.type === 'table');
		expect(first![at - 1]!.text.startsWith('我们在全厂开展合理化建议')).toBe(true);
		expect(first![at]).toMatchObject({
			type: 'table',
			rows: [
				['项目', '二〇〇九年', '二〇一〇年', '二〇一一年'],
				['合理化建议（条）', '860', '1020', '1150'],
				['技术革新（项）', '58', '71', '81'],
			],
		});
		expect(first!.slice(at + 1).map((b) => b.text)).toEqual(['市第一机床厂', '二〇一二年二月']);
		expect(first!.filter((b) => b.type === 'table')).toHaveLength(1);
	});

	test('its MDX is a GFM table that the renderer reads back as a table', async () => {
		const out = buildSourceOutput(await read('docx-factory', 'book.docx'), vocab, {});
		const html = renderMdx(out.pages[0]!.mdx).html.replace(/>\n</g, '><');
		expect(html).toContain(
			'<tr><td>合理化建议（条）</td><td>860</td><td>1020</td><td>1150</td></tr>',
		);
		expect(out.pages.slice(1).some((p) => renderMdx(p.mdx).html.includes('<table>'))).toBe(false);
	});
});

describe('a PDF or text keeps a table as its text lines', { timeout: 60_000 }, () => {
	test.each(['book.pdf', 'book.txt'])('pdf-factory-b5/%s: no table block', async (file) => {
		const reports = blocksOf(await read('pdf-factory-b5', file));
		expect(reports.flat().filter((b) => b.type === 'table')).toEqual([]);
		expect(reports[0]!.map((b) => b.text).join('')).toContain('1020');
	});
});

describe('a table block through toMdx and back', () => {
	test('cells that hold Markdown or MDX syntax come back verbatim, each its own cell', () => {
		const rows = [
			['符号', '内容'],
			['竖线', 'a|b'],
			['花括号', '{x} <y>'],
			['星号', '*强调* _下划线_ `代码`'],
			['反斜杠', 'C:\\目录\\'],
			['空', ''],
		];
		const mdx = toMdx({ id: 'x' }, [
			{ type: 'paragraph', text: '表前。' },
			{ type: 'table', rows },
			{ type: 'paragraph', text: '表后。' },
		]);
		const { html } = renderMdx(mdx);
		const cells = [...html.matchAll(/<t[hd]>([^<]*)<\/t[hd]>|<t[hd]><\/t[hd]>/g)].map((m) =>
			decode(m[1] ?? ''),
		);
		expect(cells).toEqual(rows.flat());
		expect(html.match(/<p id="[^"]+">[^<]*<\/p>/g)).toEqual([
			expect.stringContaining('>表前。<'),
			expect.stringContaining('>表后。<'),
		]);
	});
});

const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };
const decode = (s: string) =>
	s.replace(/&(?:lt|gt|amp|quot);|&#x([0-9a-f]+);/gi, (e, hex: string | undefined) =>
		hex ? String.fromCodePoint(parseInt(hex, 16)) : entities[e]!,
	);
