import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { anchorHrefs, attrValues, fileFor, htmlFiles, readCatalog, urlOf } from './browse-site.ts';

const site = inject('siteDir');
// The test build serves at `/`; set HUIBIAN_TEST_BASE to check a build made with another base.
const base = process.env.HUIBIAN_TEST_BASE ?? '/';
const files = htmlFiles(site);
const html = new Map(files.map((f) => [f, readFileSync(path.join(site, f), 'utf8')]));
const idsCache = new Map<string, Set<string>>();
const idsOf = (file: string) => {
	let ids = idsCache.get(file);
	if (!ids) idsCache.set(file, (ids = new Set(attrValues(html.get(file) ?? '', 'id'))));
	return ids;
};

describe('links of the built site', () => {
	test('every internal href, src and #anchor resolves to a file (and an id) in the build', () => {
		const broken: string[] = [];
		for (const [file, text] of html) {
			const here = new URL(urlOf(file, base), 'http://site.invalid');
			for (const ref of [...attrValues(text, 'href'), ...attrValues(text, 'src')]) {
				const url = new URL(ref, here);
				if (url.origin !== here.origin) continue;
				const target = fileFor(site, url.pathname, base);
				if (target === null) {
					broken.push(`${file}: ${ref} (no file)`);
					continue;
				}
				const anchor = decodeURIComponent(url.hash.slice(1));
				if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor))
					broken.push(`${file}: ${ref} (no id)`);
			}
		}
		expect(broken.slice(0, 20)).toEqual([]);
	});

	test('no page makes a request outside the site (scripts, styles, images, fonts)', () => {
		const external: string[] = [];
		const isExternal = (v: string) => /^(?:[a-z]+:)?\/\//i.test(v);
		for (const [file, text] of html) {
			for (const m of text.matchAll(
				/<(script|link|img|iframe|source|video|audio)\b[^>]*?\s(?:src|href)="([^"]*)"/g,
			)) {
				if (isExternal(m[2] ?? '')) external.push(`${file}: <${m[1]}> ${m[2]}`);
			}
			for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)/g))
				if (isExternal(m[1] ?? '')) external.push(`${file}: url(${m[1]})`);
		}
		expect(external).toEqual([]);
	});

	test('every report is reachable from the home page in at most three clicks', () => {
		const depth = new Map<string, number>([['index.html', 0]]);
		let frontier = ['index.html'];
		for (let d = 1; d <= 3; d++) {
			const next: string[] = [];
			for (const file of frontier) {
				const here = new URL(urlOf(file, base), 'http://site.invalid');
				for (const ref of anchorHrefs(html.get(file) ?? '')) {
					const url = new URL(ref, here);
					if (url.origin !== here.origin) continue;
					const target = fileFor(site, url.pathname, base);
					if (target === null || !target.endsWith('.html') || depth.has(target)) continue;
					depth.set(target, d);
					next.push(target);
				}
			}
			frontier = next;
		}
		const missing = readCatalog(site).reports.filter(
			(r) => !depth.has(fileFor(site, base + r.url.slice(1), base) ?? ''),
		);
		expect(missing.map((r) => r.url)).toEqual([]);
	});

	test('every page is in Chinese (<html lang="zh-CN">)', () => {
		for (const [file, text] of html) expect(text, file).toMatch(/<html lang="zh-CN"/);
	});
});
