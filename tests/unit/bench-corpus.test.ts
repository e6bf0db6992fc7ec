import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { categories } from '../../scripts/lib/bench/corpus-words.ts';
import { generateCorpus } from '../../scripts/lib/bench/generate-corpus.ts';
import { sentencePool } from '../../scripts/lib/bench/sentence-pool.ts';

const samples = path.resolve(import.meta.dirname, '../../content/sources');
const pool = sentencePool(
	readdirSync(samples)
		.filter((n) => n.endsWith('.txt'))
		.sort()
		.map((n) => readFileSync(path.join(samples, n), 'utf8')),
);
const corpus = generateCorpus({ reports: 150, pool });
const reports = corpus.flatMap((f) => f.reports);
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('generateCorpus', () => {
	test('the same N gives byte-identical files; another seed gives other text', () => {
		const again = generateCorpus({ reports: 150, pool });
		expect(again.map((f) => f.name)).toEqual(corpus.map((f) => f.name));
		expect(again.map((f) => f.text)).toEqual(corpus.map((f) => f.text));
		const other = generateCorpus({ reports: 150, pool, seed: 7 });
		expect(other[0]?.text).not.toBe(corpus[0]?.text);
	});

	test.each([1, 29, 31, 150, 301])(
		'holds exactly %i reports, 30–60 per file except a short last one',
		(n) => {
			const files = generateCorpus({ reports: n, pool });
			expect(files.reduce((sum, f) => sum + f.reports.length, 0)).toBe(n);
			for (const f of files.slice(0, -1)) expect(f.reports.length).toBeGreaterThanOrEqual(30);
			for (const f of files) expect(f.reports.length).toBeLessThanOrEqual(60);
		},
	);

	test('every report has its own unit and all 11 categories occur', () => {
		expect(new Set(reports.map((r) => r.unit)).size).toBe(reports.length);
		expect(new Set(reports.map((r) => r.category.label))).toEqual(
			new Set(categories.map((c) => c.label)),
		);
	});

	test('report bodies average about 7 KB of text', () => {
		const sizes = reports.map((r) => bytes(r.body.join('\n')));
		const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
		expect(mean).toBeGreaterThan(6000);
		expect(mean).toBeLessThan(8500);
		expect(Math.min(...sizes)).toBeGreaterThan(4500);
	});

	test('a file has a 目录 whose entries come before the bodies, in order, with rising page numbers', () => {
		for (const file of corpus) {
			const toc = file.text.indexOf('\n目 录\n');
			expect(toc).toBeGreaterThan(0);
			let at = toc;
			for (const r of file.reports) {
				const entry = file.text.indexOf(r.title, at);
				expect(entry).toBeGreaterThan(at);
				at = entry;
			}
			const pages = [...file.text.slice(toc).matchAll(/(?:\((\d+)\)|\t(\d+))$/gmu)].map((m) =>
				Number(m[1] ?? m[2]),
			);
			expect(pages).toHaveLength(file.reports.length);
			expect([...pages].sort((a, b) => a - b)).toEqual(pages);
			// Each body follows the TOC, in TOC order: the title, then subtitle, unit or text.
			for (const r of file.reports) {
				const title = file.text.indexOf(`\n${r.title}\n\n`, at);
				expect(title).toBeGreaterThan(at);
				const next = file.text.slice(title + r.title.length + 3).split('\n')[0];
				expect([r.subtitle, r.unit, r.body[0]]).toContain(next);
				at = file.text.indexOf(r.body[0] ?? '', title);
				expect(at).toBeGreaterThan(title);
			}
		}
	});

	test('reports carry headings 一、（一）1. and subtitles ——X创建学习型Y…报告', () => {
		const lines = reports.flatMap((r) => r.body);
		expect(lines.some((l) => /^一、\S/u.test(l))).toBe(true);
		expect(lines.some((l) => /^（一）\S/u.test(l))).toBe(true);
		expect(lines.some((l) => /^1\. \S/u.test(l))).toBe(true);
		for (const r of reports)
			if (r.subtitle) expect(r.subtitle).toMatch(/^——.+创建学习型.+报告|^——.+(?:材料|总结|汇报)$/u);
	});

	test('sign-off dates fall in 2002–2022 and compilation dates in 2003–2022', () => {
		const digit = (d: string) => '〇一二三四五六七八九'.indexOf(d);
		const year = (s: string) => {
			const m = /^(\d{4}|[〇一二三四五六七八九]{4})年/u.exec(s);
			return m ? Number(/\d/.test(m[1] ?? '') ? m[1] : [...(m[1] ?? '')].map(digit).join('')) : NaN;
		};
		for (const r of reports) expect(year(r.signOff.at(-1) ?? '')).toBeGreaterThanOrEqual(2002);
		for (const r of reports) expect(year(r.signOff.at(-1) ?? '')).toBeLessThanOrEqual(2022);
		const covers = corpus.map(
			(f) =>
				[...f.text.matchAll(/^(?:\d{4}|[〇一二三四五六七八九]{4})年[^\n日]*月$/gmu)][0]?.[0] ?? '',
		);
		for (const c of covers) expect(year(c)).toBeGreaterThanOrEqual(2003);
		expect(new Set(covers.map(year)).size).toBeGreaterThan(1);
	});

	test('text is recombined with varied numbers: most paragraphs are unique', () => {
		const paragraphs = reports.flatMap((r) => r.body).filter((l) => l.length > 60);
		expect(new Set(paragraphs).size / paragraphs.length).toBeGreaterThan(0.95);
	});
});

test('no report ends on a heading', () => {
	const heading = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\. )/u;
	for (const n of [150, 600]) {
		for (const r of generateCorpus({ reports: n, pool }).flatMap((f) => f.reports))
			expect(r.body.at(-1)).not.toMatch(heading);
	}
});
