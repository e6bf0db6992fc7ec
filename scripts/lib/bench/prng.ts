/**
 * A small seeded pseudo-random generator (mulberry32) for the benchmark corpus.
 * Same seed, same sequence, on every machine and Node version. Not for cryptography.
 */
export interface Rng {
	/** Float in [0, 1). */
	next: () => number;
	/** Integer in [min, max] (both inclusive). */
	int: (min: number, max: number) => number;
	/** One element of a non-empty list. */
	pick: <T>(items: readonly T[]) => T;
	/** True with probability `p`. */
	chance: (p: number) => boolean;
}

/**
 * Create a generator from a 32-bit seed.
 * @param seed Any integer; only its low 32 bits matter.
 * @returns An `Rng` whose sequence depends on the seed only.
 */
export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick: <T>(items: readonly T[]): T => {
			if (items.length === 0) throw new Error('pick: expected a non-empty list, found none');
			return items[int(0, items.length - 1)] as T;
		},
		chance: (p: number) => next() < p,
	};
}
