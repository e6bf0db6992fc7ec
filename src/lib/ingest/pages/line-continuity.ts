/**
 * How well one line goes on from another, by the source's own text (issue 13): a line broken at
 * the column's measure ends mid-word or mid-phrase, and its true continuation starts with
 * characters that stand next to its last ones elsewhere in the same source, inside a line, where
 * no line break comes between. The evidence of a join `a → b` is the sum, over the character
 * n-grams that straddle it (the last character of `a` with the first of `b`; the last two with
 * the first; the last with the first two; the last two with the first two), of `ln(1 + count)`,
 * each count taken inside the source's lines:
 *
 *     …参加学习的居民…  (inside a line: `参加`, `参加学`, …)
 *     三年来，街道共举办各类培训班三百余期，参   ← a
 *     加学习的居民达到两万人次。                 ← b: `参加` and `参加学` seen, evidence high
 *
 * Says nothing of which reading is right on its own: a reading is weighed against another by the
 * sums of their joins' evidence (`interleaved-columns.ts`). Sees characters only, no dictionary.
 */

/** The evidence of each join: `(a, b) → ln-weighted n-gram counts`, 0 when nothing is seen. */
export type Continuity = (a: string, b: string) => number;

// Spaces (ASCII and ideographic) don't count: a line's text as printed.
const SPACE = /[\s\u3000]+/g;

/**
 * @param texts The source's lines (each counted on its own: no n-gram across two lines).
 * @returns The evidence of a join between two lines (their text, as in the source).
 */
export function lineContinuity(texts: Iterable<string>): Continuity {
	const count = new Map<string, number>();
	for (const text of texts) {
		const chars = [...text.replace(SPACE, '')];
		for (let n = 2; n <= 4; n++)
			for (let i = 0; i + n <= chars.length; i++) {
				const gram = chars.slice(i, i + n).join('');
				count.set(gram, (count.get(gram) ?? 0) + 1);
			}
	}
	const seen = (gram: string) => Math.log(1 + (count.get(gram) ?? 0));
	return (a, b) => {
		const end = [...a.replace(SPACE, '')].slice(-2);
		const start = [...b.replace(SPACE, '')].slice(0, 2);
		if (end.length === 0 || start.length === 0) return 0;
		const last = end.at(-1)!;
		const first = start[0]!;
		let sum = seen(last + first);
		if (end.length === 2) sum += seen(end.join('') + first);
		if (start.length === 2) sum += seen(last + start.join(''));
		if (end.length === 2 && start.length === 2) sum += seen(end.join('') + start.join(''));
		return sum;
	};
}

// The least evidence a reading must win by, per join (ln units: one n-gram seen once is 0.69),
// and by how many times it must outweigh the other.
const MARGIN = 0.5;
const RATIO = 3;

/**
 * Weigh two readings of the same lines by their joins' evidence: decisive only when one wins by
 * `MARGIN` per join and outweighs the other `RATIO` times, over four joins or more.
 * @param a The joins of the first reading (line before, line after).
 * @param b The joins of the other reading (as many, from the same lines before).
 * @returns 1 when `a` wins decisively, −1 when `b` does, 0 when the evidence can't tell.
 */
export function weighReadings(
	a: readonly (readonly [string, string])[],
	b: readonly (readonly [string, string])[],
	continuity: Continuity,
): 1 | -1 | 0 {
	const joins = Math.min(a.length, b.length);
	if (joins < 4) return 0;
	const sum = (joined: typeof a) => joined.reduce((s, [x, y]) => s + continuity(x, y), 0);
	const [forA, forB] = [sum(a), sum(b)];
	if (forA - forB >= MARGIN * joins && forA >= RATIO * forB) return 1;
	if (forB - forA >= MARGIN * joins && forB >= RATIO * forA) return -1;
	return 0;
}
