import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { anchorHrefs, readCatalog } from './browse-site.ts';
import { parseCsv } from '../helpers/csv.ts';
import { fragmentText } from '../helpers/html-text.ts';

const site = inject('siteDir');
const base = process.env.HUIBIAN_TEST_BASE ?? '/';
const catalog = readCatalog(site);
const file = (p: string) => readFileSync(path.join(site, p), 'utf8');
const page = (url: string) => file(path.join(url.slice(1), 'index.html'));
const text = (html: string) => fragmentText(html);
const sourceOf = (slug: string) => catalog.sources.find((s) => s.slug === slug)!;

// Page range from the TOC, computed here independently: the next report entry's page minus one.
function expectedPages(reportId: string, slug: string): string | null {
	const entries = sourceOf(slug).toc.filter((e) => e.kind === 'report');
	const i = entries.findIndex((e) => e.reportId === reportId);
	const first = entries[i]?.page ?? null;
	if (first === null) return null;
	const next = entries[i + 1]?.page ?? null;
	return next === null || next - 1 <= first ? String(first) : `${first}-${next - 1}`;
}

describe('citations in the build', () => {
	test('each report’s GB/T 7714 citation cites the page range of the compilation’s TOC', () => {
		let ranged = 0;
		for (const r of catalog.reports) {
			const gbt = text(/<p id="cite-gbt"[^>]*>([\s\S]*?)<\/p>/.exec(page(r.url))![1]!);
			const s = sourceOf(r.sourceSlug);
			expect(gbt).toContain(`${r.title}`);
			expect(gbt).toContain(`[G]//`);
			expect(gbt).toContain(s.title);
			const pages = expectedPages(r.id, r.sourceSlug);
			if (pages === null) {
				expect(gbt).not.toMatch(/: \d+(?:-\d+)?\.$/);
			} else {
				expect(gbt.endsWith(`: ${pages}.`), `${gbt} ← ${pages}`).toBe(true);
				if (pages.includes('-')) ranged++;
			}
			// Place and publisher appear exactly when the source records them.
			if (s.place) expect(gbt).toContain(`${s.place}: `);
			if (s.publisher) expect(gbt).toContain(s.publisher);
			expect(gbt).not.toMatch(/null|undefined/);
			expect(page(r.url)).toContain('id="cite-bibtex"');
			expect(page(r.url)).toContain('id="cite-csl"');
		}
		expect(ranged).toBeGreaterThan(0);
	});

	test('the CSL-JSON on a report page is valid JSON with the same pages', () => {
		for (const r of catalog.reports) {
			const [csl] = JSON.parse(
				text(/<pre id="cite-csl"[^>]*>([\s\S]*?)<\/pre>/.exec(page(r.url))![1]!),
			) as Array<Record<string, unknown>>;
			expect(csl!).toMatchObject({
				id: r.id,
				type: 'chapter',
				'container-title': r.compilationTitle,
			});
			expect(csl!.page ?? null).toBe(expectedPages(r.id, r.sourceSlug));
		}
	});

	test('each compilation page offers a citation of the whole book', () => {
		for (const s of catalog.sources) {
			const html = page(`/compilations/${s.slug}/`);
			expect(text(/<p id="cite-gbt"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]!)).toContain(
				`${s.title}[G]`,
			);
			expect(html).toContain('@collection{');
		}
	});
});

describe('data downloads in the build', () => {
	test('reports.csv has a BOM and round-trips to catalog.json', () => {
		const csv = file('data/reports.csv');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const [header, ...rows] = parseCsv(csv);
		const records = rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]])));
		expect(records.map((r) => r.id).sort()).toEqual(catalog.reports.map((r) => r.id).sort());
		for (const r of catalog.reports) {
			const row = records.find((x) => x.id === r.id)!;
			expect(row).toMatchObject({
				url: r.url,
				title: r.title,
				subtitle: r.subtitle ?? '',
				unit: r.unit ?? '',
				category: r.category,
				date: r.date ?? '',
				themes: r.themes.join('; '),
				compilation: r.compilationTitle,
				tocPage: r.tocPage === null ? '' : String(r.tocPage),
				pages: expectedPages(r.id, r.sourceSlug) ?? '',
				licence: sourceOf(r.sourceSlug).licence ?? 'unknown',
			});
		}
	});

	test('reports.jsonl round-trips to catalog.json and holds each report’s full text', () => {
		const lines = file('data/reports.jsonl')
			.trimEnd()
			.split('\n')
			.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(lines).toHaveLength(catalog.reports.length);
		for (const r of catalog.reports) {
			const line = lines.find((l) => l.id === r.id)!;
			const { text: body, pages: _p, licence, ...meta } = line;
			expect(meta).toEqual(r);
			expect(licence).toBe(sourceOf(r.sourceSlug).licence ?? 'unknown');
			// Every paragraph of the report page is in the text, in order.
			const html = page(r.url);
			const main = /<div class="report-main prose">([\s\S]*?)<\/div>\s*<\/div>\s*<\/article>/.exec(
				html,
			)![1]!;
			const paragraphs = [...main.matchAll(/<p id="[^"]*">([\s\S]*?)<\/p>/g)].map((m) =>
				text(m[1]!).replace(/\s+/g, ' ').trim(),
			);
			expect(paragraphs.length).toBeGreaterThan(0);
			let at = 0;
			for (const p of paragraphs) {
				const found = (body as string).indexOf(p, at);
				expect(found, p.slice(0, 30)).toBeGreaterThanOrEqual(at);
				at = found + p.length;
			}
		}
	});

	test('datapackage.json describes the CSV columns and the files exist', () => {
		const pkg = JSON.parse(file('data/datapackage.json')) as {
			resources: Array<{ path: string; schema?: { fields: Array<{ name: string }> } }>;
			licenses: Array<{ name: string }>;
		};
		const header = parseCsv(file('data/reports.csv'))[0];
		expect(pkg.resources[0]!.schema!.fields.map((f) => f.name)).toEqual(header);
		for (const r of pkg.resources)
			expect(existsSync(path.join(site, 'data', r.path)), r.path).toBe(true);
		const licences = new Set(catalog.sources.map((s) => s.licence ?? 'unknown'));
		expect(pkg.licenses.map((l) => l.name).sort()).toEqual([...licences].sort());
	});

	test('each report page links its own JSON, and that JSON matches the catalog', () => {
		for (const r of catalog.reports) {
			const html = page(r.url);
			expect(anchorHrefs(html)).toContain(`${base}reports/${r.id}.json`);
			const json = JSON.parse(file(`reports/${r.id}.json`)) as Record<string, unknown> & {
				blocks: Array<{ id: string }>;
			};
			expect(json).toMatchObject({ ...r, licence: sourceOf(r.sourceSlug).licence ?? 'unknown' });
			for (const b of json.blocks) expect(html).toContain(`id="${b.id}"`);
		}
	});

	test('each report page carries schema.org JSON-LD and Dublin Core in its head', () => {
		for (const r of catalog.reports) {
			const head = /<head>([\s\S]*?)<\/head>/.exec(page(r.url))![1]!;
			const ld = JSON.parse(
				/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(head)![1]!,
			) as Record<string, unknown>;
			expect(ld).toMatchObject({
				'@context': 'https://schema.org',
				'@type': 'Report',
				headline: r.title,
				isPartOf: { name: r.compilationTitle },
			});
			// A licence appears exactly when the source declares one (never the token `unknown`).
			const licence = sourceOf(r.sourceSlug).licence;
			expect(ld.license).toBe(licence ?? undefined);
			expect(head).toContain(`<meta name="DC.title" content="`);
			if (licence) expect(head).toContain(`<meta name="DC.rights" content="${licence}">`);
			else expect(head).not.toContain('DC.rights');
			if (r.unit) expect(text(head)).not.toBe('');
		}
	});
});
