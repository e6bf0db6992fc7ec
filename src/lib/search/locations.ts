/**
 * A word's locations on one page as Pagefind 1.6 stores them in an index chunk (the `locs` of a
 * page entry): positions grouped by weight, the default weight (24, Pagefind's 1.0) first, then
 * ascending weights; within a group, ascending positions, each written as the difference to the
 * previous one; a group starts with the marker `-(weight + 1)` and its first position in full.
 * This is `positions_to_packed_page` of Pagefind's `index/mod.rs`, checked against Pagefind's
 * own files (tests/unit/pagefind-writer-equivalence.test.ts).
 *
 * Doesn't know words or pages.
 */

/** Pagefind's weight of ordinary text: 1.0 × its multiplier 24 (what its indexer writes). */
export const DEFAULT_WEIGHT = 24;
/**
 * The weight Pagefind's runtime gives locations before any weight marker: 25. Locations of this
 * weight need no marker (2 bytes per word and page), so huibian's writer uses it for ordinary
 * text (a 4 % heavier 1.0, the same for every page).
 */
export const RUNTIME_WEIGHT = 25;

/** Pagefind's automatic weight of a block: `h1` 7 … `h6` 2, anything else 1 (× 24). */
export function blockWeight(tag: string): number {
	const heading = /^h([1-6])$/.exec(tag);
	return heading ? (8 - Number(heading[1])) * DEFAULT_WEIGHT : DEFAULT_WEIGHT;
}

/**
 * @param positions Word positions on the page.
 * @param weights Weight of each position (Pagefind's u8 scale, 24 = 1.0).
 * @returns The packed locations.
 * @example packLocations([0, 2, 4], [168, 24, 24]) → [-25, 2, 2, -169, 0]
 */
export function packLocations(positions: readonly number[], weights: readonly number[]): number[] {
	const order = positions.map((_, i) => i);
	// Pagefind sorts by (weight == 25 ? 0 : weight, position): the runtime's weight needs no marker
	const key = (w: number) => (w === RUNTIME_WEIGHT ? 0 : w);
	order.sort((a, b) => key(weights[a]!) - key(weights[b]!) || positions[a]! - positions[b]!);
	const out: number[] = [];
	let weight = RUNTIME_WEIGHT;
	let last = 0;
	for (const i of order) {
		const w = weights[i]!;
		const p = positions[i]!;
		if (w !== weight) {
			out.push(-w - 1, p);
			weight = w;
		} else out.push(p - last);
		last = p;
	}
	return out;
}

/**
 * Locations that stand for a number of occurrences without their positions: for each weight, its
 * marker, position 0, then `count − 1` steps of 1. Pagefind's scoring counts locations and their
 * weights (BM25 term frequency), never their places, so a word stored this way scores as if all
 * its positions were stored, and its runs of 1s cost almost nothing gzipped. Only for words that
 * no phrase query uses (a phrase needs the true positions).
 * @param counts Occurrences by weight.
 */
export function countLocations(counts: ReadonlyMap<number, number>): number[] {
	const out: number[] = [];
	// the runtime's weight first, without a marker (as `packLocations` orders them)
	const key = (w: number) => (w === RUNTIME_WEIGHT ? 0 : w);
	let first = true;
	for (const weight of [...counts.keys()].sort((a, b) => key(a) - key(b))) {
		const n = counts.get(weight)!;
		if (n <= 0) continue;
		if (first && weight === RUNTIME_WEIGHT) out.push(0);
		else out.push(-weight - 1, 0);
		first = false;
		for (let i = 1; i < n; i++) out.push(1);
	}
	return out;
}
