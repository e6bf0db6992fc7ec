/**
 * Split a listing into pages of `size` and name their paths: page 1 is the folder itself
 * (`/categories/jiguan/`), page n is `/categories/jiguan/<n>/`.
 *
 * Doesn’t add the site's base: pass the result through `withBase`.
 */

export interface PageOf<T> {
	/** 1-based page number. */
	number: number;
	/** Number of pages in the listing (at least 1, even for an empty listing). */
	count: number;
	items: T[];
	/** Index (0-based) of the first item in the whole listing. */
	start: number;
}

/** Cut `items` into pages of at most `size` items; an empty listing is one empty page. */
export function paginate<T>(items: readonly T[], size: number): PageOf<T>[] {
	if (!Number.isInteger(size) || size < 1)
		throw new Error(`Expected a page size >= 1, found ${size}`);
	const count = Math.max(1, Math.ceil(items.length / size));
	return Array.from({ length: count }, (_, i) => ({
		number: i + 1,
		count,
		items: items.slice(i * size, (i + 1) * size),
		start: i * size,
	}));
}

/**
 * Path of page `n` of a listing rooted at `root` (a folder path ending in `/`).
 * @example pagePath('/themes/dushu-huodong/', 1) → '/themes/dushu-huodong/'; (…, 3) → '…/3/'
 */
export function pagePath(root: string, n: number): string {
	const folder = root.endsWith('/') ? root : `${root}/`;
	return n === 1 ? folder : `${folder}${n}/`;
}

/** The `[...page]` route param of page n: undefined for page 1, else the number as text. */
export function pageParam(n: number): string | undefined {
	return n === 1 ? undefined : String(n);
}
