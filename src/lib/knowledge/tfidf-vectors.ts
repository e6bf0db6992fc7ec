/**
 * The TF-IDF vectors of related-by-content.ts: each report's (1 + ln tf) · ln(N/df) over its
 * bigrams (bigrams.ts), kept to its heaviest terms and L2-normalised. Every bigram of the corpus
 * gets a dense number, so document frequency and idf are arrays; no full vector is held.
 */
import type { BigramTable } from './bigrams.ts';

/** A report's kept terms (kept-term ids, ascending) and their normalised weights. */
export interface Vector {
	terms: Int32Array;
	weights: Float32Array;
}

/**
 * An open-addressing hash of bigram codes to dense term numbers (0, 1, 2 … in order of first
 * sight): one typed-array probe per bigram instead of a `Map` entry, for the millions of
 * bigrams of a corpus. A code is never 0 (its first letter is ≥ U+0030), so 0 marks a free slot.
 */
class TermNumbers {
	private keys = new Uint32Array(1 << 16);
	private values = new Int32Array(1 << 16);
	/** 32 − log2(slots): Fibonacci hashing takes the product's high bits (its low bits would
	 * depend on the code's low 16 bits only, i.e. on the bigram's second letter). */
	private shift = 16;
	size = 0;

	/** The term number of a code, given a new one if the code is new. */
	number(code: number): number {
		const mask = this.keys.length - 1;
		let slot = Math.imul(code, 0x9e3779b1) >>> this.shift;
		for (;;) {
			const key = this.keys[slot]!;
			if (key === code) return this.values[slot]!;
			if (key === 0) break;
			slot = (slot + 1) & mask;
		}
		this.keys[slot] = code;
		this.values[slot] = this.size;
		if (++this.size * 2 > this.keys.length) this.grow();
		return this.size - 1;
	}

	private grow() {
		const { keys, values } = this;
		this.keys = new Uint32Array(keys.length * 2);
		this.values = new Int32Array(keys.length * 2);
		this.shift--;
		const mask = this.keys.length - 1;
		for (let i = 0; i < keys.length; i++) {
			if (keys[i] === 0) continue;
			let slot = Math.imul(keys[i]!, 0x9e3779b1) >>> this.shift;
			while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
			this.keys[slot] = keys[i]!;
			this.values[slot] = values[i]!;
		}
	}
}

/** `Math.log(tf)` for the small counts almost every bigram has (the same numbers, looked up). */
const LOG_TF = Float64Array.from({ length: 256 }, (_, tf) => Math.log(tf));

/**
 * The `k`-th smallest of `values[0 … m)` (0-based), by quickselect: the same number as
 * `values.slice(0, m).sort()[k]`, in linear time. Reorders `values`.
 */
function select(values: Float64Array, m: number, k: number): number {
	let lo = 0;
	let hi = m - 1;
	while (lo < hi) {
		const pivot = values[(lo + hi) >>> 1]!;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (values[i]! < pivot) i++;
			while (values[j]! > pivot) j--;
			if (i <= j) {
				const t = values[i]!;
				values[i++] = values[j]!;
				values[j--] = t;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return values[k]!;
	}
	return values[k]!;
}

/** Scratch arrays of `topVector`, grown as needed and reused from report to report. */
const scratch = {
	keys: new Int32Array(0),
	weights: new Float64Array(0),
	copy: new Float64Array(0),
};

/**
 * One report's vector: the `keep` heaviest of its terms by (1 + ln tf) · idf, L2-normalised,
 * sorted by kept-term id. Kept-term ids are numbered across the corpus in the order the vectors
 * first keep them (`keptIds`, -1 = none yet).
 */
function topVector(
	terms: Int32Array,
	counts: Uint32Array,
	idf: Float64Array,
	keep: number,
	keptIds: Int32Array,
	nextId: { value: number },
): Vector {
	if (scratch.keys.length < terms.length) {
		scratch.keys = new Int32Array(terms.length * 2);
		scratch.weights = new Float64Array(terms.length * 2);
		scratch.copy = new Float64Array(terms.length * 2);
	}
	const { keys, weights, copy } = scratch;
	let m = 0;
	for (let i = 0; i < terms.length; i++) {
		const termIdf = idf[terms[i]!]!;
		if (termIdf <= 0) continue;
		const tf = counts[i]!;
		keys[m] = terms[i]!;
		weights[m++] = (1 + (tf < LOG_TF.length ? LOG_TF[tf]! : Math.log(tf))) * termIdf;
	}
	// The `keep`-th largest weight is the threshold.
	let threshold = 0;
	if (m > keep) {
		copy.set(weights.subarray(0, m));
		threshold = select(copy, m, m - keep);
	}
	// The kept terms in text order (of equal weights at the threshold, the first ones).
	const kept: number[] = [];
	for (let i = 0; i < m && kept.length < keep; i++) if (weights[i]! >= threshold) kept.push(i);
	let norm = 0;
	for (const i of kept) norm += weights[i]! * weights[i]!;
	norm = Math.sqrt(norm) || 1;
	// Sorted by term id so two vectors merge in one pass. Ids are distinct, so (id, position)
	// packed in one number (id · 2^21 + position < 2^52: ids are int32) sorts natively.
	const ids = kept.map((i) => {
		let id = keptIds[keys[i]!]!;
		if (id < 0) keptIds[keys[i]!] = id = nextId.value++;
		return id;
	});
	const order =
		kept.length <= PACK
			? Float64Array.from(ids, (id, k) => id * PACK + k)
					.sort()
					.map((packed) => packed % PACK)
			: [...kept.keys()].sort((a, b) => ids[a]! - ids[b]!);
	const vector = { terms: new Int32Array(kept.length), weights: new Float32Array(kept.length) };
	for (const [j, k] of order.entries()) {
		vector.terms[j] = ids[k]!;
		vector.weights[j] = weights[kept[k]!]! / norm;
	}
	return vector;
}

/** Positions packed beside a term id in `topVector`'s sort. */
const PACK = 2 ** 21;

/** Each report's TF-IDF vector, and how many kept-term ids the vectors use. */
interface ReportVectors {
	vectors: Vector[];
	/** Kept-term ids are 0 … dims − 1. */
	dims: number;
}

/**
 * Step 1 of related-by-content.ts: every bigram of the corpus numbered once, its document
 * frequency and idf by that number, then each report's vector (`topVector`, `keep` terms).
 */
export function reportVectors(tables: readonly BigramTable[], keep: number): ReportVectors {
	const numbers = new TermNumbers();
	const docTerms = tables.map((bigrams) => {
		const terms = new Int32Array(bigrams.codes.length);
		for (let i = 0; i < terms.length; i++) terms[i] = numbers.number(bigrams.codes[i]!);
		return terms;
	});
	const df = new Int32Array(numbers.size);
	for (const terms of docTerms) for (let i = 0; i < terms.length; i++) df[terms[i]!]!++;
	const idf = new Float64Array(numbers.size);
	for (let t = 0; t < idf.length; t++) idf[t] = Math.log(tables.length / df[t]!);
	const keptIds = new Int32Array(numbers.size).fill(-1);
	const nextId = { value: 0 };
	const vectors = tables.map((bigrams, d) =>
		topVector(docTerms[d]!, bigrams.counts, idf, keep, keptIds, nextId),
	);
	return { vectors, dims: nextId.value };
}
