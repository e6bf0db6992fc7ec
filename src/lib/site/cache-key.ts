/**
 * The cache key of one page for Astro's incremental build (`experimental.incrementalBuild`):
 * a digest of the data the page shows. Astro reuses the previous build's file for a path only
 * when this key AND the hash of the page's module graph are unchanged, so every route gives it
 * exactly the props it renders from (the page reads nothing else but its code).
 *
 * Doesn’t cover code, layouts, dependencies or build options: Astro hashes the module graph and
 * its config (`base`, `site`), and `scripts/build.ts` forces a full build when the code, the
 * vocabulary or the lockfile changed (`scripts/lib/build-digest.ts`).
 */
import { createHash } from 'node:crypto';

/**
 * JSON of `value` for hashing. Refuses what `JSON.stringify` would drop or flatten silently
 * (a `Map` becomes `{}`): a key that missed part of a page's data would reuse a stale page.
 * @throws Error `Expected plain data in a cache key, found a Map at "related"`.
 */
function cacheKeyJson(value: unknown): string {
	return JSON.stringify(value, function (key, v: unknown) {
		const kind =
			v instanceof Map
				? 'a Map'
				: v instanceof Set
					? 'a Set'
					: typeof v === 'function'
						? 'a function'
						: typeof v === 'bigint'
							? 'a bigint'
							: null;
		if (kind)
			throw new Error(
				`Expected plain data in a cache key, found ${kind} at "${key}": convert it to an array or object first`,
			);
		return v;
	});
}

/** The cache key of a page shown from `view` (URL-safe base64 of its SHA-256). */
export function cacheKey(view: unknown): string {
	return createHash('sha256').update(cacheKeyJson(view)).digest('base64url');
}
