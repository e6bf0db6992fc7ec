/**
 * Helpers of the browsing build tests: walk the built site, read a page, pull links and ids
 * out of its HTML, map a URL path to its file. The HTML is the site's own (Astro output:
 * double-quoted attributes), so attribute regexes are enough; no HTML parser is needed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../src/lib/frontmatter.ts';

/** All `.html` files under `dir`, as paths relative to it (`reports/x/index.html`). */
export function htmlFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (sub: string) => {
		for (const name of readdirSync(path.join(dir, sub))) {
			const rel = path.join(sub, name);
			if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
			else if (name.endsWith('.html')) out.push(rel.split(path.sep).join('/'));
		}
	};
	walk('');
	return out.sort();
}

export function readCatalog(site: string): Catalog {
	return JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as Catalog;
}

const decode = (v: string) =>
	v
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'");

/** Values of one attribute on any element (`href`, `src`, `id` …), decoded. */
export function attrValues(html: string, attr: string): string[] {
	return [...html.matchAll(new RegExp(`\\s${attr}="([^"]*)"`, 'g'))].map((m) => decode(m[1] ?? ''));
}

/** `href`s of `<a>` elements only. */
export function anchorHrefs(html: string): string[] {
	return [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
}

/** URL path of a built file (`reports/x/index.html` → `/reports/x/`), under `base`. */
export function urlOf(file: string, base = '/'): string {
	return base + file.replace(/index\.html$/, '');
}

/**
 * The file a site-relative URL path serves (as a static host would), or null when none:
 * `/x/` → `x/index.html`; `/x.json` → `x.json`. Strips `base` first.
 */
export function fileFor(site: string, urlPath: string, base = '/'): string | null {
	if (!urlPath.startsWith(base)) return null;
	let rel = decodeURIComponent(urlPath.slice(base.length));
	if (rel === '' || rel.endsWith('/')) rel += 'index.html';
	const full = path.join(site, rel);
	return existsSync(full) && statSync(full).isFile() ? rel : null;
}
