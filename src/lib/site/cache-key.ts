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

/** What `JSON.stringify` would drop or flatten silently, by its kind; null for plain data. */
function unplainKind(value: unknown): string | null {
	if (typeof value === 'function') return 'a function';
	if (typeof value === 'bigint') return 'a bigint';
	if (value instanceof Map) return 'a Map';
	if (value instanceof Set) return 'a Set';
	return null;
}

/**
 * Throws at the first value JSON would drop or flatten silently (a `Map` becomes `{}`): a key
 * that missed part of a page's data would reuse a stale page. A walk of its own rather than a
 * `JSON.stringify` replacer, which the serializer calls once per value (about 1.6 times slower
 * over 21,000 pages' props).
 * @throws Error `Expected plain data in a cache key, found a Map at "related"`.
 */
function checkPlain(value: unknown, key: string | number): void {
	const type = typeof value;
	if (value === null || (type !== 'object' && type !== 'function' && type !== 'bigint')) return;
	const kind = unplainKind(value);
	if (kind)
		throw new Error(
			`Expected plain data in a cache key, found ${kind} at "${key}": convert it to an array or object first`,
		);
	// JSON takes what its toJSON gives (a Date: its ISO string)
	if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) checkPlain(value[i], i);
		return;
	}
	const record = value as Record<string, unknown>;
	for (const k of Object.keys(record)) checkPlain(record[k], k);
}

/** JSON of `value` for hashing, refusing what JSON would drop silently (`checkPlain`). */
function cacheKeyJson(value: unknown): string {
	checkPlain(value, '');
	return JSON.stringify(value);
}

/** The cache key of a page shown from `view` (URL-safe base64 of its SHA-256). */
export function cacheKey(view: unknown): string {
	return createHash('sha256').update(cacheKeyJson(view)).digest('base64url');
}

const sharedKeys = new WeakMap<object, string>();

/**
 * The cache key of data that many pages show (a compilation's record, shown by each of its
 * reports' pages), computed once per object: a page's key then holds this key in its place,
 * not the whole data again (each compilation's record is ~7 KB of JSON, shown by three routes per
 * report, so hashing it once per page was most of the keys' JSON).
 */
export function sharedKey(value: object | null | undefined): string | null {
	if (!value) return null;
	let key = sharedKeys.get(value);
	if (key === undefined) {
		key = cacheKey(value);
		sharedKeys.set(value, key);
	}
	return key;
}
