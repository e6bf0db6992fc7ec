/**
 * Join the site's `base` (e.g. `/` or `/kb/`) with a site-relative path (`/reports/x/`).
 * Doesn’t encode: every path huibian generates is ASCII already.
 */
export function withBase(base: string, path: string): string {
	const b = base.endsWith('/') ? base : `${base}/`;
	return b + path.replace(/^\/+/, '');
}

/**
 * Absolute URL of a page on the deployed site, or null when the build was given no site
 * (`--site`): huibian never prints a made-up host, so callers then use the site-relative path
 * or leave the URL out.
 * @param site Astro's `site` (`Astro.site`), undefined without `--site`.
 * @param pathname The page's path with the base already in it (`/kb/reports/x/`).
 */
export function absoluteUrl(site: URL | string | undefined, pathname: string): string | null {
	return site === undefined ? null : new URL(pathname, site).href;
}
