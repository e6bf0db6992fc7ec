/**
 * The name a practice is grouped by, and its URL slug. `“3个8”学习制度` and `“３个８”` are one
 * practice, `3个8`; `“四个一”活动` and `“四个一”` are one name, `四个一` (whether two units mean
 * the same thing by it is for the reader to judge: each use keeps its own description).
 *
 * Doesn’t decide what is a practice (see `findNamedPractices`).
 */
import { fnv1a } from '../mdx/anchor-id.ts';

const QUOTED = /[“"「]([^“”"「」]+)[”"」]/u;

/**
 * @param printed A named practice as printed in a report (`“四个一”活动`, `读书月`).
 * @returns The quoted name, NFKC-normalised, without spaces; the whole text when unquoted.
 */
export function practiceKey(printed: string): string {
	const name = QUOTED.exec(printed)?.[1] ?? printed;
	return name.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * ASCII slug of a practice page: the key's ASCII letters and digits, if any, then a hash of
 * the key (so `3个8` → `3-8-…`, `十个一` → `x…`). Stable across builds; depends only on the key.
 */
export function practiceSlug(key: string): string {
	const ascii = key
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 24);
	const hash = fnv1a(key).toString(36);
	return ascii ? `${ascii}-${hash}` : `x${hash}`;
}
