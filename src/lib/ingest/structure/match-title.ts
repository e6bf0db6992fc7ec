/**
 * Tolerant comparison of a TOC title with a body line (issue 21 item 2): the keys (letters,
 * digits and Han only, see `keyOf`) are equal, one is a prefix of the other or contains it,
 * or, on long titles, they are a few edits apart.
 *
 * @example
 *   looseMatch('以读促学共建书香社区', '以读促学共建书香社区的实践') → 'prefix'
 *   looseMatch('四点半课堂让孩子有了好去处', '四点半课堂让孩子们有了好去处') → 'edits'
 *
 * Doesn’t look at the lines around; the caller asks for a second key (subtitle, unit) when
 * a match is loose.
 */

export type MatchKind = 'exact' | 'prefix' | 'contains' | 'edits';

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
			row.push(v);
			if (v < best) best = v;
		}
		if (best > max) return max + 1;
		prev = row;
	}
	return prev[b.length]!;
}

/**
 * @param toc Key of the TOC title.
 * @param body Key of the body line (or two lines).
 * @returns How they match, or null.
 */
export function looseMatch(toc: string, body: string): MatchKind | null {
	if (toc.length === 0 || body.length === 0) return null;
	if (toc === body) return 'exact';
	const [short, long] = toc.length <= body.length ? [toc, body] : [body, toc];
	// A shared start or a contained title must be most of the longer one, and not a word or two.
	if (short.length >= 6 && short.length * 2 >= long.length) {
		if (long.startsWith(short)) return 'prefix';
		if (long.includes(short)) return 'contains';
	}
	if (short.length >= 8) {
		const max = Math.max(1, Math.floor(long.length / 8));
		if (editDistance(toc, body, max) <= max) return 'edits';
	}
	return null;
}
