/**
 * Join the site's `base` (e.g. `/` or `/kb/`) with a site-relative path (`/reports/x/`).
 * Doesn’t encode: every path huibian generates is ASCII already.
 */
export function withBase(base: string, path: string): string {
	const b = base.endsWith('/') ? base : `${base}/`;
	return b + path.replace(/^\/+/, '');
}
