/**
 * URLs of the offline edition: every link into the site becomes relative to the page that holds
 * it, and a folder link names its `index.html` (a browser opening `file://…/categories/` shows
 * a directory listing, not the page).
 *
 * @example
 * toOfflineUrl('/categories/', { from: 'reports/x/index.html', base: '/' })
 *   → '../../categories/index.html'
 * toOfflineUrl('/search/?q=学习#top', { from: 'index.html', base: '/' })
 *   → 'search/index.html?q=学习#top'
 *
 * Doesn’t touch URLs with a scheme (`https:`, `mailto:`, `data:`) or `//host`: those leave the
 * site.
 * Doesn’t decode or encode anything: the path is kept byte for byte.
 */

export interface OfflineUrlOptions {
	/** Site path of the file that holds the URL, from the site root: `reports/x/index.html`. */
	from: string;
	/** The site's base (`/` or `/kb/`): root-absolute URLs start with it. */
	base: string;
	/** Whether a site path without a trailing slash is a folder (then it gets `/index.html`). */
	isFolder?: (sitePath: string) => boolean;
}

const scheme = /^[a-z][a-z0-9+.-]*:/i;

/** Split `url` into its path, and its query and fragment (kept as written, with `?`/`#`). */
function splitUrl(url: string): { path: string; rest: string } {
	const cut = url.search(/[?#]/);
	return cut < 0 ? { path: url, rest: '' } : { path: url.slice(0, cut), rest: url.slice(cut) };
}

/** Resolve `.` and `..` segments; undefined when `..` climbs above the root. */
function normalise(segments: readonly string[]): string[] | undefined {
	const out: string[] = [];
	for (const s of segments) {
		if (s === '..') {
			if (!out.length) return undefined;
			out.pop();
		} else if (s !== '.' && s !== '') out.push(s);
	}
	return out;
}

/**
 * The site path (from the root, no leading slash; a folder ends with `/`) that `url` points to,
 * or undefined when it points outside the site (a scheme, `//host`, a root-absolute path outside
 * `base`, `..` above the root) or nowhere (`''`, `?q=…`, `#id`: the page itself).
 */
export function sitePathOf(
	url: string,
	options: Pick<OfflineUrlOptions, 'from' | 'base'>,
): string | undefined {
	if (scheme.test(url) || url.startsWith('//')) return undefined;
	const { path } = splitUrl(url);
	if (path === '') return undefined;
	const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
	let joined: string;
	if (path.startsWith('/')) {
		if (`${path}/` === base) joined = '';
		else if (path.startsWith(base)) joined = path.slice(base.length);
		else return undefined;
	} else joined = options.from.slice(0, options.from.lastIndexOf('/') + 1) + path;
	const folder = joined === '' || /(^|\/)\.{0,2}$/.test(joined);
	const segments = normalise(joined.split('/'));
	if (!segments) return undefined;
	const clean = segments.join('/');
	return folder && clean ? `${clean}/` : clean;
}

/** Relative path from the folder of file `from` to file `to` (both site paths). */
export function relativePath(from: string, to: string): string {
	const a = from.split('/').slice(0, -1);
	const b = to.split('/');
	let common = 0;
	while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
	return '../'.repeat(a.length - common) + b.slice(common).join('/');
}

/**
 * `url` as the offline edition writes it: relative to `from`, a folder with its `index.html`, the
 * query and fragment kept. URLs that leave the site, or point at the page itself, come back
 * unchanged.
 */
export function toOfflineUrl(url: string, options: OfflineUrlOptions): string {
	const target = sitePathOf(url, options);
	if (target === undefined) return url;
	const folder = target === '' || target.endsWith('/');
	const file = folder
		? `${target}index.html`
		: options.isFolder?.(target)
			? `${target}/index.html`
			: target;
	return relativePath(options.from, file) + splitUrl(url).rest;
}
