/**
 * Stable ids and reprints in a real build (issue 18): a scratch site of the hand-written
 * compilations of tests/fixtures/stable-ids (as shifan.txt) and tests/fixtures/reprints, first
 * ingested once to make its registry, then edited (one report rewritten under its title, one
 * removed) and built with `scripts/build.ts`.
 *
 * Oracles: the ids and titles of the first ingest's catalog, the fixtures' own text (which report
 * is shared, how many there are), and Pagefind's own index files (its page count).
 */
import { rm } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'parse5';
import { HtmlValidate } from 'html-validate';
import type { BuildRun } from '../fixtures/robust-site/run-build.ts';
import { buildIdsScratchSite, SITE } from '../helpers/ids-scratch-site.ts';
import { elementText } from '../helpers/html-text.ts';

type Node = {
	nodeName: string;
	attrs?: Array<{ name: string; value: string }>;
	childNodes?: Node[];
};
function all(node: Node, match: (n: Node) => boolean, out: Node[] = []): Node[] {
	if (match(node)) out.push(node);
	for (const c of node.childNodes ?? []) all(c, match, out);
	return out;
}
const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value ?? null;
const textOf = (n: Node): string =>
	((n as { value?: string }).value ?? '') + (n.childNodes ?? []).map(textOf).join('');

let tmp: string;
let dist: string;
let run: BuildRun;
let before: { reports: Array<{ id: string; title: string; source: string }> };
const page = (url: string) => readFileSync(path.join(dist, url, 'index.html'), 'utf8');
const doc = (url: string) => parse(page(url)) as unknown as Node;
const idOf = (title: string, source = 'shifan.txt') =>
	before.reports.find((r) => r.title === title && r.source === source)!.id;

beforeAll(async () => {
	({ tmp, dist, run, before } = await buildIdsScratchSite());
}, 300_000);
afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('retired ids', () => {
	test('the build succeeded and printed the registry changes', () => {
		expect(run.code, run.output).toBe(0);
		expect(run.output).toContain(`ids.yaml: retired ${idOf('以学促干 建设学习型企业')} → `);
		expect(run.output).toContain(
			`ids.yaml: retired ${idOf('书香校园 润泽心灵')} (shifan.txt: 书香校园 润泽心灵: removed; /reports/${idOf('书香校园 润泽心灵')}/ says so)`,
		);
	});

	test('a rewritten report’s old URL sends the reader to its new page: refresh, link, canonical, noindex, not searchable', () => {
		const old = idOf('以学促干 建设学习型企业');
		const catalog = JSON.parse(readFileSync(path.join(tmp, 'reports/catalog.json'), 'utf8')) as {
			reports: Array<{ id: string; title: string }>;
		};
		const now = catalog.reports.find((r) => r.title === '以学促干 建设学习型企业')!.id;
		expect(now).not.toBe(old);
		const d = doc(`/reports/${old}/`);
		const metas = all(d, (n) => n.nodeName === 'meta');
		expect(
			metas.filter((m) => attr(m, 'http-equiv') === 'refresh').map((m) => attr(m, 'content')),
		).toEqual([`0; url=/reports/${now}/`]);
		expect(
			metas.filter((m) => attr(m, 'name') === 'robots').map((m) => attr(m, 'content')),
		).toEqual(['noindex']);
		expect(
			all(d, (n) => n.nodeName === 'link' && attr(n, 'rel') === 'canonical').map((n) =>
				attr(n, 'href'),
			),
		).toEqual([`${SITE}/reports/${now}/`]);
		const main = elementText(page(`/reports/${old}/`), (n) => n.nodeName === 'main');
		expect(main).toContain('本文已移至新地址');
		expect(all(d, (n) => n.nodeName === 'a' && attr(n, 'href') === `/reports/${now}/`).length).toBe(
			1,
		);
		expect(page(`/reports/${old}/`)).not.toContain('data-pagefind-body');
		// The new page is a report page.
		expect(page(`/reports/${now}/`)).toContain('data-pagefind-body');
	});

	test('a removed report’s old URL says so and links to its compilation, without a refresh', () => {
		const old = idOf('书香校园 润泽心灵');
		const d = doc(`/reports/${old}/`);
		expect(all(d, (n) => n.nodeName === 'meta' && attr(n, 'http-equiv') === 'refresh')).toEqual([]);
		expect(all(d, (n) => n.nodeName === 'link' && attr(n, 'rel') === 'canonical')).toEqual([]);
		expect(
			all(d, (n) => n.nodeName === 'meta' && attr(n, 'name') === 'robots').map((m) =>
				attr(m, 'content'),
			),
		).toEqual(['noindex']);
		const main = elementText(page(`/reports/${old}/`), (n) => n.nodeName === 'main') ?? '';
		expect(main).toContain('本文已删除');
		expect(main).toContain('《书香校园 润泽心灵》已从汇编中删除');
		expect(
			all(d, (n) => n.nodeName === 'main').flatMap((m) =>
				all(m, (n) => n.nodeName === 'a').map((a) => attr(a, 'href')),
			),
		).toContain('/compilations/shifan/');
		expect(existsSync(path.join(dist, 'reports', `${old}.json`))).toBe(false);
	});
});

test('html-validate (recommended preset) finds no error on the moved, removed, reprint and canonical pages', async () => {
	const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
	const errors: string[] = [];
	for (const url of [
		`/reports/${idOf('以学促干 建设学习型企业')}/`,
		`/reports/${idOf('书香校园 润泽心灵')}/`,
		`/reports/${idOf('社区教育进万家 共建学习型社区', 'city-2010.txt')}/`,
		`/reports/${idOf('社区教育进万家 共建学习型社区', 'county-2009.txt')}/`,
	]) {
		const report = await validator.validateString(page(url), url);
		for (const r of report.results)
			for (const m of r.messages)
				if (m.severity === 2) errors.push(`${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
	}
	expect(errors).toEqual([]);
});

test('the sitemap lists every report page but the retired ids and the reprint', () => {
	const xml = readdirSync(dist)
		.filter((f) => /^sitemap-\d+\.xml$/.test(f))
		.map((f) => readFileSync(path.join(dist, f), 'utf8'))
		.join('');
	const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)]
		.map((m) => m[1]!)
		.filter((u) => u.startsWith(`${SITE}/reports/`))
		.sort();
	const catalog = JSON.parse(readFileSync(path.join(dist, 'catalog.json'), 'utf8')) as {
		reports: Array<{ id: string; title: string; source: string }>;
	};
	const reprint = catalog.reports.find(
		(r) => r.title === '社区教育进万家 共建学习型社区' && r.source === 'city-2010.txt',
	)!.id;
	expect(urls).toEqual(
		catalog.reports
			.filter((r) => r.id !== reprint)
			.map((r) => `${SITE}/reports/${r.id}/`)
			.sort(),
	);
	expect(urls).toHaveLength(6);
});

describe('reprints', () => {
	const canonicalId = () => idOf('社区教育进万家 共建学习型社区', 'county-2009.txt');
	const reprintId = () => idOf('社区教育进万家 共建学习型社区', 'city-2010.txt');
	const links = (url: string) =>
		all(doc(url), (n) => n.nodeName === 'main').flatMap((m) =>
			all(m, (n) => n.nodeName === 'a').map((a) => attr(a, 'href')),
		);

	test('each compilation lists its copy', () => {
		expect(links('/compilations/county-2009/')).toContain(`/reports/${canonicalId()}/`);
		expect(links('/compilations/city-2010/')).toContain(`/reports/${reprintId()}/`);
	});

	test('the reprint says where else it is printed and links to the canonical copy; the canonical copy links back', () => {
		const reprint =
			elementText(page(`/reports/${reprintId()}/`), (n) => n.nodeName === 'main') ?? '';
		expect(reprint).toContain('本文亦收录于《北岗县学习型组织建设经验汇编》');
		expect(reprint).toContain('另见');
		expect(links(`/reports/${reprintId()}/`)).toContain(`/reports/${canonicalId()}/`);
		const canonical =
			elementText(page(`/reports/${canonicalId()}/`), (n) => n.nodeName === 'main') ?? '';
		expect(canonical).toContain('亦收录于：《南平市学习型城市建设经验选编》');
		expect(links(`/reports/${canonicalId()}/`)).toContain(`/reports/${reprintId()}/`);
	});

	test('the reprint names the canonical copy as its canonical page; the canonical copy names itself', () => {
		const canonicalOf = (id: string) =>
			all(
				doc(`/reports/${id}/`),
				(n) => n.nodeName === 'link' && attr(n, 'rel') === 'canonical',
			).map((n) => attr(n, 'href'));
		expect(canonicalOf(reprintId())).toEqual([`${SITE}/reports/${canonicalId()}/`]);
		expect(canonicalOf(canonicalId())).toEqual([`${SITE}/reports/${canonicalId()}/`]);
	});

	test('search indexes the report once: the reprint has no search body, and Pagefind holds one page fewer than the catalog', async () => {
		expect(page(`/reports/${reprintId()}/`)).not.toContain('data-pagefind-body');
		expect(page(`/reports/${canonicalId()}/`)).toContain('data-pagefind-body');
		const catalog = JSON.parse(readFileSync(path.join(tmp, 'reports/catalog.json'), 'utf8')) as {
			reports: unknown[];
			tocOnly: unknown[];
		};
		// shifan.txt: 4 reports, 1 removed; the pair: 2 + 2, one shared.
		expect(catalog.reports.length).toBe(7);
		const entry = JSON.parse(
			readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8'),
		) as { languages: Record<string, { page_count: number }> };
		const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
		expect(pages).toBe(6 + catalog.tocOnly.length);
	});

	test('statistics and the home page count it once', () => {
		expect(elementText(page('/stats/'), (n) => n.nodeName === 'main')).toContain(
			'共 6 篇正文收录的报告',
		);
		const facts = all(
			doc('/'),
			(n) => n.nodeName === 'div' && (n.childNodes ?? []).some((c) => c.nodeName === 'dt'),
		);
		const count = (label: string) =>
			facts
				.filter((f) => textOf(f.childNodes!.find((c) => c.nodeName === 'dt')!) === label)
				.map((f) => textOf(f.childNodes!.find((c) => c.nodeName === 'dd')!));
		expect(count('篇报告')).toEqual(['6']);
		expect(count('部汇编')).toEqual(['3']);
	});
});
