import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { rewriteCssUrls } from '../../src/lib/offline/css-urls.ts';
import {
	rehypeOfflinePage,
	type OfflinePageOptions,
} from '../../src/lib/offline/rehype-offline-page.ts';
import { relativePath, sitePathOf, toOfflineUrl } from '../../src/lib/offline/relative-url.ts';

describe('relativePath', () => {
	test.each([
		['index.html', 'search/index.html', 'search/index.html'],
		['search/index.html', 'index.html', '../index.html'],
		['reports/a/index.html', 'reports/b/index.html', '../b/index.html'],
		['reports/a/index.html', 'reports/a/index.html', 'index.html'],
		['reports/a/index.html', 'categories/x/2/index.html', '../../categories/x/2/index.html'],
		['_astro/a.css', '_astro/font.woff2', 'font.woff2'],
		// a file named like a folder of the target is not a common folder
		['reports', 'reports/a/index.html', 'reports/a/index.html'],
	])('from %s to %s is %s', (from, to, expected) => {
		expect(relativePath(from, to)).toBe(expected);
	});
});

describe('toOfflineUrl', () => {
	const on = (from: string, base = '/') => ({ from, base });
	test.each([
		// folders get their index.html, at every depth
		['/', 'index.html', 'index.html'],
		['/', 'reports/x/index.html', '../../index.html'],
		['/categories/', 'index.html', 'categories/index.html'],
		['/categories/', 'reports/x/index.html', '../../categories/index.html'],
		['/categories/shequ/2/', 'categories/shequ/index.html', '2/index.html'],
		// files stay files
		['/_astro/Base.css', 'reports/x/index.html', '../../_astro/Base.css'],
		['/favicon.svg', 'index.html', 'favicon.svg'],
		['/data/reports.csv', 'data/index.html', 'reports.csv'],
		// query strings and fragments are kept as written
		[
			'/search/?q=学习型社区&sort=date-asc',
			'index.html',
			'search/index.html?q=学习型社区&sort=date-asc',
		],
		['/reports/x/#p3', 'categories/a/index.html', '../../reports/x/index.html#p3'],
		['/reports/x/?hl=%E5%AD%A6#p3', 'search/index.html', '../reports/x/index.html?hl=%E5%AD%A6#p3'],
		// document-relative URLs are resolved, then written the same way
		['../b/', 'reports/a/index.html', '../b/index.html'],
		['./', 'categories/index.html', 'index.html'],
		['2/', 'categories/x/index.html', '2/index.html'],
		['..', 'categories/x/index.html', '../index.html'],
	])('%s on %s → %s', (url, from, expected) => {
		expect(toOfflineUrl(url, on(from))).toBe(expected);
	});

	test.each([
		'https://example.org/reports/x/',
		'http://example.org/',
		'//cdn.example.org/a.js',
		'mailto:someone@example.org',
		'data:image/svg+xml,<svg/>',
		'javascript:void(0)',
		'#main',
		'?q=学习',
		'',
	])('leaves %s untouched (leaves the site, or is the page itself)', (url) => {
		expect(toOfflineUrl(url, on('reports/x/index.html'))).toBe(url);
	});

	test('under a base, root-absolute URLs inside it are the site and others are left alone', () => {
		expect(toOfflineUrl('/kb/categories/', on('index.html', '/kb/'))).toBe('categories/index.html');
		expect(toOfflineUrl('/kb/', on('search/index.html', '/kb/'))).toBe('../index.html');
		expect(toOfflineUrl('/kb', on('search/index.html', '/kb/'))).toBe('../index.html');
		expect(toOfflineUrl('/other/x/', on('index.html', '/kb/'))).toBe('/other/x/');
	});

	test('a path that climbs above the root is left alone', () => {
		expect(toOfflineUrl('../../x/', on('a/index.html'))).toBe('../../x/');
	});

	test('a folder named without its trailing slash gets /index.html when the caller says it is one', () => {
		const isFolder = (p: string) => p === 'reports/x';
		expect(toOfflineUrl('/reports/x', { from: 'index.html', base: '/', isFolder })).toBe(
			'reports/x/index.html',
		);
		expect(toOfflineUrl('/reports/x.json', { from: 'index.html', base: '/', isFolder })).toBe(
			'reports/x.json',
		);
	});

	test('is idempotent: an offline URL rewritten again is unchanged', () => {
		const once = toOfflineUrl('/reports/x/?hl=a#p1', on('search/index.html'));
		expect(toOfflineUrl(once, on('search/index.html'))).toBe(once);
	});
});

describe('sitePathOf', () => {
	test.each([
		['/reports/x/', 'index.html', 'reports/x/'],
		['/', 'a/index.html', ''],
		['x.json?ts=1', 'pagefind/index.html', 'pagefind/x.json'],
		['https://example.org/', 'index.html', undefined],
		['#top', 'index.html', undefined],
	])('%s on %s is %s', (url, from, expected) => {
		expect(sitePathOf(url, { from, base: '/' })).toBe(expected);
	});
});

describe('rehypeOfflinePage', () => {
	const run = (html: string, options: Partial<OfflinePageOptions> = {}) =>
		String(
			unified()
				.use(rehypeParse)
				.use(rehypeOfflinePage, {
					page: 'reports/x/index.html',
					base: '/',
					runtime: '_offline/runtime.js',
					...options,
				})
				.use(rehypeStringify)
				.processSync(html),
		);

	test('rewrites links, assets, forms and refreshes, puts the runtime right after <meta charset>', () => {
		const html =
			'<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/a.css" crossorigin>' +
			'<meta http-equiv="refresh" content="0;url=/categories/"></head><body>' +
			'<a href="/categories/shequ/">社区</a><a href="https://example.org/">外部</a><a href="#p2">段</a>' +
			'<form action="/search/" method="get"><input name="q"></form><img src="/favicon.svg" srcset="/a.png 1x, /b.png 2x" alt="">' +
			'</body></html>';
		expect(run(html)).toBe(
			'<!doctype html><html><head><meta charset="utf-8"><script src="../../_offline/runtime.js"></script>' +
				'<link rel="stylesheet" href="../../_astro/a.css"><meta http-equiv="refresh" content="0;url=../../categories/index.html"></head><body>' +
				'<a href="../../categories/shequ/index.html">社区</a><a href="https://example.org/">外部</a><a href="#p2">段</a>' +
				'<form action="../../search/index.html" method="get"><input name="q"></form><img src="../../favicon.svg" srcset="../../a.png 1x, ../../b.png 2x" alt="">' +
				'</body></html>',
		);
	});

	test('makes module scripts classic and deferred, drops modulepreload and online-only elements', () => {
		const html =
			'<html><head><link rel="modulepreload" href="/_astro/c.js"><script type="module" src="/_astro/a.js"></script></head>' +
			'<body><p data-offline="omit"><a href="/x.zip">zip</a></p><script type="module">import "/_astro/b.js";</script><script src="/js/t.js"></script></body></html>';
		const inline: string[] = [];
		const modules: string[] = [];
		const out = run(html, {
			inlineModule: (code) => (inline.push(code), '_offline/inline/1.js'),
			onModuleScript: (p) => modules.push(p),
		});
		expect(out).toBe(
			'<html><head><script src="../../_offline/runtime.js"></script><script src="../../_astro/a.js" defer></script></head>' +
				'<body><script src="../../_offline/inline/1.js" defer></script><script src="../../js/t.js"></script></body></html>',
		);
		expect(inline).toEqual(['import "/_astro/b.js";']);
		expect(modules).toEqual(['_astro/a.js']);
	});

	test('reports the links of the elements it leaves out, apart from the page’s links', () => {
		const omitted: string[] = [];
		const targets: string[] = [];
		run('<p data-offline="omit"><a href="/d/x.zip">zip</a></p><a href="/d/">d</a>', {
			onOmittedTarget: (t) => omitted.push(t),
			onTarget: (t) => targets.push(t),
		});
		expect(omitted).toEqual(['d/x.zip']);
		expect(targets).toEqual(['d/']);
	});

	test('reports the site path of every link and asset, not external ones', () => {
		const targets: string[] = [];
		run('<a href="/a/">a</a><a href="https://x.org/">x</a><img src="/i.svg" alt="">', {
			onTarget: (t) => targets.push(t),
		});
		expect(targets).toEqual(['a/', 'i.svg']);
	});
});

describe('rewriteCssUrls', () => {
	test('rewrites url() with and without quotes and @import, relative to the stylesheet', () => {
		const css = `@import "/_astro/b.css";a{background:url(/_astro/x.svg)}b{src:url('/fonts/f.woff2') format('woff2')}c{background:url("https://x.org/y.png")}d{mask:url(data:image/png;base64,AAAA)}`;
		expect(rewriteCssUrls(css, { from: '_astro/a.css', base: '/' })).toBe(
			`@import "b.css";a{background:url(x.svg)}b{src:url('../fonts/f.woff2') format('woff2')}c{background:url("https://x.org/y.png")}d{mask:url(data:image/png;base64,AAAA)}`,
		);
	});
});
