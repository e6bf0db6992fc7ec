import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { readCatalog } from './browse-site.ts';
import { fragmentText } from '../helpers/html-text.ts';

const site = inject('siteDir');
const base = process.env.HUIBIAN_TEST_BASE ?? '/';
const catalog = readCatalog(site);
const read = (p: string) => readFileSync(path.join(site, p, 'index.html'), 'utf8');
const text = (html: string) => fragmentText(html);

// The practice pages, read off the build: h1 name → the uses listed on the page.
const pages = readdirSync(path.join(site, 'practices'), { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => {
		const html = read(`practices/${d.name}`);
		const name = text(/<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!).replace(/^做法/, '');
		const uses = [...html.matchAll(/<li class="practice-use"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => {
			const li = m[1]!;
			const anchor = new RegExp(`href="${base}reports/([a-z0-9-]+)/#([a-z0-9-]+)"`).exec(li);
			return {
				unit: text(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(li)![1]!),
				report: new RegExp(`href="${base}reports/([a-z0-9-]+)/"`).exec(li)![1]!,
				anchor: anchor?.[2] ?? null,
				quote: text(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/.exec(li)?.[1] ?? '').trim(),
			};
		});
		return { slug: d.name, name, uses };
	});
const quotedCore = (printed: string) =>
	(/[“"]([^”"]+)[”"]/.exec(printed)?.[1] ?? printed).normalize('NFKC');

describe('practice pages in the build', () => {
	test('the index links every practice page', () => {
		expect(pages.length).toBeGreaterThan(0);
		const index = read('practices');
		for (const p of pages) expect(index).toContain(`href="${base}practices/${p.slug}/"`);
	});

	test('every report that names a practice is listed on that practice’s page, under its unit', () => {
		for (const r of catalog.reports) {
			for (const printed of r.namedPractices) {
				const core = quotedCore(printed);
				const page = pages.find(
					(p) => quotedCore(p.name).replace(/\s+/g, '') === core.replace(/\s+/g, ''),
				);
				expect(page, `${printed} of ${r.id}`).toBeDefined();
				const use = page!.uses.find((u) => u.report === r.id);
				expect(use, `${r.id} on ${page!.slug}`).toBeDefined();
				expect(use!.unit).toBe(r.unit ?? '（未署单位）');
			}
		}
	});

	test('each use links a paragraph of its report that really prints the name, and quotes that report', () => {
		let checked = 0;
		for (const p of pages) {
			const core = quotedCore(p.name);
			for (const use of p.uses) {
				const html = read(`reports/${use.report}`);
				if (use.anchor === null) continue;
				const block = new RegExp(`<(p|h[2-6]) id="${use.anchor}">([\\s\\S]*?)</\\1>`).exec(html);
				expect(block, `${use.report}#${use.anchor}`).not.toBeNull();
				const blockText = text(block![2]!).normalize('NFKC');
				expect(blockText).toContain(core);
				const quote = use.quote.replace(/^…|…$/g, '').normalize('NFKC');
				expect(text(html).normalize('NFKC').replace(/\s+/g, ' ')).toContain(quote.split(' ')[0]);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(0);
	});

	test('a name two units use lists both, each with its own description', () => {
		const shared = pages.filter((p) => new Set(p.uses.map((u) => u.unit)).size > 1);
		for (const p of shared) {
			const quotes = p.uses.map((u) => u.quote);
			expect(new Set(quotes).size).toBe(quotes.length);
		}
	});

	test('quoted phrases that are not programmes get no page', () => {
		const sources = readdirSync('content/sources')
			.filter((f) => f.endsWith('.txt'))
			.map((f) => readFileSync(path.join('content/sources', f), 'utf8'))
			.join('');
		for (const phrase of ['参谋部', '十六大', '十七大', '三个代表']) {
			if (!sources.includes(`“${phrase}”`)) continue;
			expect(pages.map((p) => p.name)).not.toContain(`“${phrase}”`);
		}
		expect(existsSync(path.join(site, 'practices', 'index.html'))).toBe(true);
	});
});
