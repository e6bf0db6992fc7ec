import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { anchorHrefs, readCatalog } from './browse-site.ts';
import { fragmentText } from '../helpers/html-text.ts';

const site = inject('siteDir');
const base = process.env.HUIBIAN_TEST_BASE ?? '/';
const catalog = readCatalog(site);
const read = (p: string) => readFileSync(path.join(site, p, 'index.html'), 'utf8');
const text = (html: string) => fragmentText(html).trim();

describe('statistics page', () => {
	const html = read('stats');
	const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => {
		const cols = [
			.../<thead>([\s\S]*?)<\/thead>/
				.exec(m[1]!)![1]!
				.matchAll(/<th scope="col">([\s\S]*?)<\/th>/g),
		].map((c) => text(c[1]!));
		const rows = [...m[1]!.matchAll(/<tr><th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map(
			(r) => ({
				label: text(r[1]!),
				counts: [...r[2]!.matchAll(/<td>(\d+)<\/td>/g)].map((c) => Number(c[1])),
			}),
		);
		return { cols, rows };
	});

	test('draws SVG charts, no client chart script, and is linked from the navigation', () => {
		expect(html.match(/<svg class="heatmap"/g)?.length).toBeGreaterThanOrEqual(1);
		expect(read('')).toContain(`href="${base}stats/"`);
	});

	test('reports per year × category match the catalog', () => {
		const years = tables[0]!;
		const items = [
			...catalog.reports.map((r) => ({
				year: r.date?.slice(0, 4) ?? '未注明',
				category: r.category,
			})),
			...catalog.tocOnly.map((t) => ({
				year: catalog.sources.find((s) => s.slug === t.sourceSlug)?.date?.slice(0, 4) ?? '未注明',
				category: t.category,
			})),
		];
		let total = 0;
		for (const row of years.rows) {
			row.counts.forEach((n, c) => {
				expect(n, `${row.label} × ${years.cols[c]}`).toBe(
					items.filter((i) => i.year === row.label && i.category === years.cols[c]).length,
				);
				total += n;
			});
		}
		expect(total).toBe(items.length);
	});

	test('theme frequency by category matches the catalog', () => {
		const themes = tables[1]!;
		for (const row of themes.rows) {
			row.counts.forEach((n, c) => {
				expect(n).toBe(
					catalog.reports.filter(
						(r) => r.category === themes.cols[c] && r.themes.includes(row.label),
					).length,
				);
			});
		}
	});

	test('theme co-occurrence counts reports carrying both themes', () => {
		const pairs = tables[2]!;
		for (const row of pairs.rows) {
			row.counts.forEach((n, c) => {
				expect(n).toBe(
					catalog.reports.filter(
						(r) => r.themes.includes(row.label) && r.themes.includes(pairs.cols[c]!),
					).length,
				);
			});
		}
	});
});

describe('related reports by content', () => {
	test('each report page lists related reports that exist and are not itself', () => {
		let linked = 0;
		for (const r of catalog.reports) {
			const html = read(r.url.slice(1));
			const section = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
			const ids = anchorHrefs(section).map((h) =>
				h.replace(`${base}reports/`, '').replace(/\/$/, ''),
			);
			expect(ids).not.toContain(r.id);
			for (const id of ids) expect(catalog.reports.some((x) => x.id === id)).toBe(true);
			linked += ids.length;
		}
		expect(linked).toBeGreaterThan(0);
	});
});
