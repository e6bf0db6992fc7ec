/**
 * The five sample compilations, asserted record by record against the librarian's hand-written
 * expectations (tests/fixtures/samples/expected.yaml). Runs the real ingest in-process on
 * content/sources. The expectations come from reading the sources, never from the code's output.
 *
 * The body check does not trust expected.yaml's two sentences alone: it re-reads each report's
 * body lines from the source file, splits them into sentences itself and requires every sentence
 * (whitespace-insensitive) to appear, in order, in the report's page text.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Catalog } from '../../src/lib/frontmatter.ts';

type Range = [number, number];

interface ExpectedReport {
	title: string;
	titleAlternatives?: string[];
	label?: string;
	themesKey: string;
	subtitle: string | null;
	unit: string | null;
	unitAlternatives?: string[];
	unitParts: string[];
	unitAnonymized: boolean;
	author: string | null;
	category: string;
	section: string | null;
	reportType: string;
	reportTypeAlternatives?: string[];
	date: string | null;
	datePrecision: string;
	dateSource: string;
	lines: Range;
	firstLineAlternatives?: number[];
	truncated: boolean;
	tocPage: number | null;
	body: Range[];
	firstSentence: string;
	lastSentence: string;
	abstract: boolean;
	keywords?: string[];
	namedPractices: string[];
	namedPracticesCore: string[];
}

interface ExpectedTocOnly {
	title: string;
	subtitle: string | null;
	unit: string | null;
	page: number;
	category: string;
}

interface ExpectedSource {
	file: string;
	shape: string;
	title: string;
	date?: string | null;
	counts: { reports: number; tocOnly: number };
	reports: ExpectedReport[];
	tocOnly: ExpectedTocOnly[];
}

interface Expected {
	totals: { reports: number; tocOnly: number };
	sources: ExpectedSource[];
}

type CatalogReport = Catalog['reports'][number];
type CatalogTocOnly = Catalog['tocOnly'][number];
interface Page {
	id: string;
	text: string;
}

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = join(ROOT, 'content', 'sources');
const expected = load(
	readFileSync(join(ROOT, 'tests', 'fixtures', 'samples', 'expected.yaml'), 'utf8'),
) as Expected;

/** Collapse runs of whitespace (incl. U+3000) to one ASCII space and trim: for display strings. */
const collapse = (s: string | null): string | null =>
	s === null ? null : s.replace(/[\s\u3000]+/g, ' ').trim();
/** Remove whitespace, invisible and private-use characters, and Markdown/MDX syntax characters. */
const squash = (s: string): string =>
	s.replace(/[\s\u3000\u200b-\u200f\u2060\ufeff\ue000-\uf8ff\\#*_>`]/g, '');

const sourceLines = new Map<string, string[]>();
function linesOf(file: string): string[] {
	let lines = sourceLines.get(file);
	if (!lines) {
		lines = readFileSync(join(SOURCES, file), 'utf8')
			.replace(/^\ufeff/, '')
			.split(/\r\n|\r|\n/);
		sourceLines.set(file, lines);
	}
	return lines;
}

/**
 * The sentences of a report body, read straight from the source lines: page-number lines are
 * dropped, a stray page number glued to the end of a line (`工委书 1`) is removed, the lines of
 * each range are joined without whitespace and split after 。！？!?; fragments under 6 characters
 * are ignored.
 */
function bodySentences(file: string, ranges: Range[]): string[] {
	const lines = linesOf(file);
	const out: string[] = [];
	for (const [from, to] of ranges) {
		const text = lines
			.slice(from - 1, to)
			.filter((l) => !/^\s*\d{1,4}\s*$/.test(l))
			.map((l) => l.replace(/(?<=[\u4e00-\u9fff])\s+\d{1,3}\s*$/, ''))
			.join('');
		for (const piece of squash(text).split(/(?<=[。！？!?])/))
			if (piece.length >= 6) out.push(piece);
	}
	return out;
}

/** First sentence (in order) that cannot be found in `text`, or null when all are found. */
function firstMissingInOrder(sentences: string[], text: string): string | null {
	let at = 0;
	for (const s of sentences) {
		const i = text.indexOf(s, at);
		if (i < 0) return s;
		at = i + s.length;
	}
	return null;
}

const quoteless = (s: string): string => s.replace(/[“”"‘’'《》「」\s]/g, '');

const flatReports = expected.sources.flatMap((s) =>
	s.reports.map((r, index) => ({
		file: s.file,
		index,
		r,
		name: `${s.file.slice(0, 3)} ${r.themesKey}`,
	})),
);
const flatTocOnly = expected.sources.flatMap((s) =>
	s.tocOnly.map((t) => ({ file: s.file, t, name: `${s.file.slice(0, 3)} ${t.title} (${t.page})` })),
);

let catalog: Catalog;
let pages: Page[];
let outDir: string;

beforeAll(async () => {
	// scripts/lib/run-ingest.ts: runIngest({ sources, out }) → { result: IngestResult, stats }.
	const mod = (await import('../../scripts/lib/run-ingest.ts')) as {
		runIngest: (o: {
			sources: string;
			out: string;
			ids: string;
		}) => Promise<{ result: { catalog: Catalog; pages: Page[] } }>;
	};
	outDir = mkdtempSync(join(tmpdir(), 'huibian-samples-'));
	// A copy of the samples' id registry: the run may update it (a sample edited without its
	// registry), and must not write into content/sources (the build tests' --frozen-ids says so).
	const ids = join(outDir, 'ids.yaml');
	copyFileSync(join(SOURCES, 'ids.yaml'), ids);
	const { result } = await mod.runIngest({ sources: SOURCES, out: join(outDir, 'reports'), ids });
	catalog = result.catalog;
	pages = result.pages;
}, 120_000);

afterAll(() => {
	if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Titles an expected report may be matched by (printed title, accepted alternatives, web label). */
const matchTitles = (r: ExpectedReport): string[] =>
	[r.title, ...(r.titleAlternatives ?? []), ...(r.label ? [r.label] : [])].map(squash);

/**
 * The catalog record of an expected report: same source, title among the accepted ones; when a
 * title repeats in one source, the n-th expected report with it gets the n-th record by line.
 */
function findReport(file: string, r: ExpectedReport): CatalogReport | undefined {
	const titles = matchTitles(r);
	const same = expected.sources
		.find((s) => s.file === file)!
		.reports.filter((o) => matchTitles(o).some((t) => titles.includes(t)));
	const nth = same.indexOf(r);
	const found = catalog.reports
		.filter((c) => c.source === file && titles.includes(squash(c.title)))
		.sort((a, b) => a.lines[0] - b.lines[0]);
	return found[nth];
}

function mustFind(file: string, r: ExpectedReport): CatalogReport {
	const rec = findReport(file, r);
	if (!rec) {
		const inSource = catalog.reports.filter((c) => c.source === file).map((c) => c.title);
		throw new Error(
			`no record for 「${r.title}」 in ${file}; records of that source: ${JSON.stringify(inSource)}`,
		);
	}
	return rec;
}

describe('sample compilations: counts', () => {
	test('totals: reports with a body and TOC-only entries', () => {
		expect(catalog.reports).toHaveLength(expected.totals.reports);
		expect(catalog.tocOnly).toHaveLength(expected.totals.tocOnly);
	});

	test.each(expected.sources.map((s) => [s.file, s] as const))(
		'%s: counts per source',
		(file, s) => {
			expect(catalog.reports.filter((r) => r.source === file)).toHaveLength(s.counts.reports);
			expect(catalog.tocOnly.filter((t) => t.source === file)).toHaveLength(s.counts.tocOnly);
			const src = catalog.sources.find((x) => x.file === file);
			expect(src, `source record for ${file}`).toBeDefined();
			expect(src!.counts.reports).toBe(s.counts.reports);
			expect(src!.counts.tocOnly).toBe(s.counts.tocOnly);
		},
	);

	test.each(expected.sources.map((s) => [s.file, s] as const))(
		'%s: shape, title and date',
		(file, s) => {
			const src = catalog.sources.find((x) => x.file === file)!;
			expect(src.shape).toBe(s.shape);
			expect(squash(src.title)).toBe(squash(s.title));
			if (s.date !== undefined) expect(src.date).toBe(s.date);
		},
	);

	test('no extra records: every catalog report is one of the expected reports', () => {
		const claimed = new Set(flatReports.map(({ file, r }) => findReport(file, r)).filter(Boolean));
		const extra = catalog.reports
			.filter((c) => !claimed.has(c))
			.map((c) => `${c.source} ${c.title}`);
		expect(extra).toEqual([]);
	});
});

describe.each(flatReports)('$name', ({ file, r }) => {
	test('is found, with title and subtitle', () => {
		const rec = mustFind(file, r);
		expect([r.title, ...(r.titleAlternatives ?? [])]).toContain(collapse(rec.title));
		expect(collapse(rec.subtitle)).toBe(r.subtitle);
	});

	test('unit, unit parts, anonymisation and author', () => {
		const rec = mustFind(file, r);
		const units = [r.unit, ...(r.unitAlternatives ?? [])];
		expect(units).toContain(collapse(rec.unit));
		if (collapse(rec.unit) === r.unit) expect(rec.unitParts.map(collapse)).toEqual(r.unitParts);
		expect(rec.unitAnonymized).toBe(r.unitAnonymized);
		expect(rec.author).toBe(r.author);
	});

	test('category, section and report type', () => {
		const rec = mustFind(file, r);
		expect(rec.category).toBe(r.category);
		if (r.section === null) expect(rec.section).toBeNull();
		else expect(rec.section ?? '').toContain(r.section);
		expect([r.reportType, ...(r.reportTypeAlternatives ?? [])]).toContain(rec.reportType);
	});

	test('date, precision and source of the date', () => {
		const rec = mustFind(file, r);
		expect({
			date: rec.date,
			datePrecision: rec.datePrecision,
			dateSource: rec.dateSource,
		}).toEqual({
			date: r.date,
			datePrecision: r.datePrecision,
			dateSource: r.dateSource,
		});
	});

	test('provenance: lines, truncation, TOC page', () => {
		const rec = mustFind(file, r);
		expect([r.lines[0], ...(r.firstLineAlternatives ?? [])]).toContain(rec.lines[0]);
		expect(rec.lines[1]).toBe(r.lines[1]);
		expect(rec.truncated).toBe(r.truncated);
		expect(rec.tocPage).toBe(r.tocPage);
	});

	test('abstract and keywords are kept as metadata', () => {
		const rec = mustFind(file, r);
		if (r.abstract) expect(rec.abstract ?? '').not.toBe('');
		else expect(rec.abstract).toBeNull();
		if (r.keywords) expect(rec.keywords).toEqual(r.keywords);
	});

	test('named practices the report describes are found', () => {
		const rec = mustFind(file, r);
		const got = rec.namedPractices.map(quoteless);
		for (const name of r.namedPracticesCore) {
			const want = quoteless(name);
			expect(
				got.some((g) => g.includes(want) || (g.length >= 2 && want.includes(g))),
				`${name} in ${JSON.stringify(rec.namedPractices)}`,
			).toBe(true);
		}
	});

	test('page text holds the first and the last sentence', () => {
		const rec = mustFind(file, r);
		const page = pages.find((p) => p.id === rec.id);
		expect(page, `page ${rec.id}`).toBeDefined();
		const text = squash(page!.text);
		expect(text).toContain(squash(r.firstSentence));
		expect(text).toContain(squash(r.lastSentence));
		expect(text.indexOf(squash(r.firstSentence))).toBeLessThan(
			text.lastIndexOf(squash(r.lastSentence)),
		);
	});

	test('every sentence of the source body appears in the page, in order', () => {
		const rec = mustFind(file, r);
		const page = pages.find((p) => p.id === rec.id)!;
		const sentences = bodySentences(file, r.body);
		expect(sentences.length).toBeGreaterThan(0);
		expect(firstMissingInOrder(sentences, squash(page.text))).toBeNull();
	});
});

/** The catalog TOC-only entry for an expected one: same source and title; a repeated title by page. */
function findTocOnly(file: string, t: ExpectedTocOnly): CatalogTocOnly | undefined {
	const same = catalog.tocOnly.filter(
		(c) => c.source === file && squash(c.title) === squash(t.title),
	);
	return same.length > 1 ? same.find((c) => c.tocPage === t.page) : same[0];
}

describe('TOC entries without body', () => {
	test.each(flatTocOnly)('$name is listed as TOC-only with its source', ({ file, t }) => {
		expect(findTocOnly(file, t), `${t.title} in ${file}`).toBeDefined();
		const elsewhere = catalog.tocOnly.filter(
			(c) => c.source !== file && squash(c.title) === squash(t.title),
		);
		expect(elsewhere).toEqual([]);
	});

	test.each(flatTocOnly)('$name carries its page, subtitle, unit and category', ({ file, t }) => {
		const rec = findTocOnly(file, t);
		expect(rec).toBeDefined();
		expect(rec!.tocPage).toBe(t.page);
		expect(rec!.subtitle === null ? null : squash(rec!.subtitle)).toBe(
			t.subtitle === null ? null : squash(t.subtitle),
		);
		expect(rec!.unit === null ? null : squash(rec!.unit)).toBe(
			t.unit === null ? null : squash(t.unit),
		);
		expect(rec!.category).toBe(t.category);
	});

	test('no TOC-only entry duplicates a report that has a body', () => {
		const withBody = new Set(
			catalog.reports.map((r) => `${r.source} ${squash(r.title)} ${r.tocPage}`),
		);
		const dup = catalog.tocOnly.filter((t) =>
			withBody.has(`${t.source} ${squash(t.title)} ${t.tocPage}`),
		);
		expect(dup).toEqual([]);
	});
});
