/**
 * Format fixtures (tests/fixtures/formats/<case>/): small books typeset to PDF by Chromium and
 * read back by PDF.js, by `pdftotext` and by `pdftotext -layout`, a Word file and a saved web
 * page (`make.ts` made them from `books.ts`). Each case's `expected.json` is written by hand:
 * the records, the furniture printed on the pages, how many furniture lines each extraction
 * holds. Every extraction of a book must give the same records, and each report's page must
 * hold exactly the body text of `books.ts` (so no running head, folio or frame line, and no
 * sentence lost or glued to furniture).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { isDecoratedFolio } from '../../src/lib/ingest/pages/folio.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { pdfAssets } from '../../scripts/lib/pdf-assets.ts';
import * as books from '../fixtures/formats/books.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/formats');
const vocab = parseVocabulary(
	readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
);
const cases = readdirSync(root).filter((name) =>
	existsSync(path.join(root, name, 'expected.json')),
);

interface Expected {
	book: 'cityBook' | 'factoryBook';
	shape: string;
	furniture: string[];
	repairs: Record<string, Record<string, number>>;
	reports: Array<Record<string, unknown>>;
	pdf?: Array<{ pdfPages: [number, number]; folios: [string, string] }>;
}

const bare = (s: string) => s.replace(/\s+/g, '');

/** The body of each report as written in books.ts (table cells one after the other). */
function bodiesOf(book: books.Book): string[] {
	return book.reports.map((r) =>
		bare(r.body.map((b) => (typeof b === 'string' ? b : b.table.flat().join(''))).join('')),
	);
}

// Each file is read once (PDF.js takes a fraction of a second per book; two tests look at each).
const read = new Map<string, ReturnType<typeof extractSource>>();

async function ingestFile(name: string, file: string) {
	const key = `${name}/${file}`;
	if (!read.has(key))
		read.set(
			key,
			extractSource(
				{ file, bytes: new Uint8Array(readFileSync(path.join(root, name, file))) },
				pdfAssets,
			),
		);
	return ingestAll([await read.get(key)!], vocab, {});
}

const runs = cases.flatMap((name) => {
	const expected = JSON.parse(
		readFileSync(path.join(root, name, 'expected.json'), 'utf8'),
	) as Expected;
	return Object.keys(expected.repairs).map((file) => ({ name, file, expected }));
});

// PDF.js on a loaded machine (2 cores shared) can take seconds per book: more than the default 5 s.
describe('format fixtures', { timeout: 60_000 }, () => {
	test('every case has extractions to check', () => {
		expect(runs.length).toBeGreaterThanOrEqual(11);
	});

	test.each(runs)(
		'$name/$file: no furniture in any body, every furniture line counted',
		async ({ name, file, expected }) => {
			const result = await ingestFile(name, file);
			expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
			const source = result.catalog.sources[0]!;
			for (const rule of ['folio', 'running-head', 'frame-line'])
				expect([rule, source.repairs[rule] ?? 0]).toEqual([
					rule,
					expected.repairs[file]![rule] ?? 0,
				]);
			for (const page of result.pages) {
				for (const head of expected.furniture) expect(bare(page.text)).not.toContain(bare(head));
				// (A bare number may be table data: `1020` in a column pdftotext wrote cell by cell.)
				for (const line of page.text.split('\n'))
					expect([line, isDecoratedFolio(line)]).toEqual([line, false]);
			}
		},
	);

	// (pdf-factory-b5's TOC is a table: 序号 | 题目 | 页码, read row by row or column by column.)
	test.each(runs)(
		'$name/$file: the hand-written records, each page the report’s whole body',
		async ({ name, file, expected }) => {
			const result = await ingestFile(name, file);
			expect(result.catalog.sources[0]!.shape).toBe(expected.shape);
			expect(result.pages).toHaveLength(expected.reports.length);
			const bodies = bodiesOf(books[expected.book]);
			expected.reports.forEach((want, i) => {
				const fm = result.pages[i]!.frontmatter as unknown as Record<string, unknown>;
				expect(Object.fromEntries(Object.keys(want).map((k) => [k, fm[k]]))).toEqual(want);
				expect(bare(result.pages[i]!.text)).toBe(bodies[i]);
				if (file.endsWith('.pdf'))
					expect({ pdfPages: fm.pdfPages, folios: fm.folios }).toEqual(expected.pdf![i]);
				if (/\.(docx|html)$/.test(file))
					expect(fm.paragraphs).toEqual([expect.any(Number), expect.any(Number)]);
			});
		},
	);

	test('a scanned PDF is refused with its pages named', async () => {
		const result = await ingestFile('pdf-scan', 'scan.pdf');
		expect(result.pages).toEqual([]);
		expect(result.issues.map((i) => `${i.severity} ${i.ruleId}: ${i.message}`))
			.toMatchInlineSnapshot(`
			[
			  "error decode:no-text-layer: scan.pdf: pages 1–2 have no text layer (scanned?): run OCR first, or add the text as a .txt beside it.",
			]
		`);
	});
});
