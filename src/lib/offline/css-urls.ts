/**
 * A stylesheet of the offline edition: its `url(…)` and `@import "…"` references into the site
 * become relative to the stylesheet, like the pages' links.
 *
 * @example
 * rewriteCssUrls('a{background:url(/_astro/x.svg)}', { from: '_astro/a.css', base: '/' })
 *   → 'a{background:url(x.svg)}'
 *
 * Doesn’t parse CSS: it rewrites the URL tokens only (`url(…)` with or without quotes, and
 * `@import` strings), which is all a URL can be in CSS. URLs that leave the site stay.
 */
import { toOfflineUrl, type OfflineUrlOptions } from './relative-url.ts';

const urlToken = /url\(\s*(["']?)([^"')\s]+)\1\s*\)|@import\s+(["'])([^"']+)\3/g;

export function rewriteCssUrls(css: string, options: OfflineUrlOptions): string {
	return css.replace(urlToken, (whole, q1: string, url1?: string, q2?: string, url2?: string) => {
		if (url1 !== undefined) return `url(${q1}${toOfflineUrl(url1, options)}${q1})`;
		if (url2 !== undefined) return `@import ${q2}${toOfflineUrl(url2, options)}${q2}`;
		return whole;
	});
}
