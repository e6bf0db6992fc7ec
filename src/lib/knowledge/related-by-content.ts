/**
 * Related reports by content: TF-IDF over the character bigrams of each report's text, with
 * cosine similarity, computed once per build without comparing all pairs.
 *
 * 1. Each report's bigrams with their counts (`bigramTable`; a bigram is two adjacent letters or
 *    digits, punctuation and spaces break runs): computed from the text, or given (cached per
 *    report, `relatedByBigrams`). Every bigram of the corpus gets a dense number, so document
 *    frequency and idf are arrays; then each report's TF-IDF vector ((1 + ln tf) · ln(N/df)),
 *    kept to its `vectorTerms` heaviest bigrams and L2-normalised (no full vectors are held).
 * 2. Candidates from an inverted index over each report's `signatureTerms` heaviest bigrams,
 *    looked up with its `queryTerms` heaviest; a posting list keeps only its `postingCap`
 *    heaviest reports, so a common bigram cannot make the work quadratic.
 *    Cost ≤ N · queryTerms · postingCap.
 * 3. The best `candidates` by that partial score are re-ranked by the cosine of the kept vectors
 *    (the report's vector scattered into a dense array once, so each candidate costs `vectorTerms`).
 *
 * Doesn’t segment words, stem, or use metadata (themes, category): only the text.
 */

export interface RelatedOptions {
	/** Bigrams kept per report vector, default 256. */
	vectorTerms?: number;
	/** Bigrams per report in the inverted index, default 24. */
	signatureTerms?: number;
	/** Heaviest bigrams of a report looked up in the index to find its candidates, default 24. */
	queryTerms?: number;
	/** Reports kept per posting list, default 64. */
	postingCap?: number;
	/** Candidates re-ranked by full cosine, default 30. */
	candidates?: number;
	/** Related reports returned per report, default 5. */
	limit?: number;
	/** Lowest cosine that counts as related, default 0.05. */
	minScore?: number;
}

interface Vector {
	terms: Int32Array;
	weights: Float32Array;
}

const isWordChar = (c: number) =>
	(c >= 0x4e00 && c <= 0x9fff) ||
	(c >= 0x3400 && c <= 0x4dbf) ||
	(c >= 0x30 && c <= 0x39) ||
	(c >= 0x61 && c <= 0x7a) ||
	(c >= 0x41 && c <= 0x5a);

/**
 * Bigram codes of a text (two UTF-16 units packed in one number), with counts.
 * @param into A map to fill (cleared first), to spare allocations over a corpus.
 */
export function bigramCounts(text: string, into = new Map<number, number>()): Map<number, number> {
	const counts = into;
	counts.clear();
	let prev = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (!isWordChar(c)) {
			prev = -1;
			continue;
		}
		if (prev >= 0) {
			const key = prev * 65536 + c;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		prev = c;
	}
	return counts;
}

/**
 * A text's bigrams as two parallel arrays: codes (as `bigramCounts` packs them) in the order of
 * their first appearance in the text, and their counts. The order matters: it decides which of
 * equally heavy bigrams a vector keeps, and so the result. Compact enough to be cached per report.
 */
export interface BigramTable {
	codes: Uint32Array;
	counts: Uint32Array;
}

/** The `BigramTable` of a text. */
export function bigramTable(text: string, scratch = new Map<number, number>()): BigramTable {
	const counts = bigramCounts(text, scratch);
	const table = { codes: new Uint32Array(counts.size), counts: new Uint32Array(counts.size) };
	let i = 0;
	for (const [code, count] of counts) {
		table.codes[i] = code;
		table.counts[i++] = count;
	}
	return table;
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

function denseDot(dense: Float32Array, b: Vector): number {
	let sum = 0;
	for (let j = 0; j < b.terms.length; j++) sum += dense[b.terms[j]!]! * b.weights[j]!;
	return sum;
}

/**
 * @param docs Reports: id and text (title and body).
 * @returns For each id, related ids, most similar first (possibly fewer than `limit`).
 */
export function relatedByContent(
	docs: ReadonlyArray<{ id: string; text: string }>,
	options: RelatedOptions = {},
): Map<string, string[]> {
	const scratch = new Map<number, number>();
	return relatedByBigrams(
		docs.map((d) => ({ id: d.id, bigrams: bigramTable(d.text, scratch) })),
		options,
	);
}

/**
 * `relatedByContent` from each report's `bigramTable` (of its title and body), e.g. cached.
 * The same tables give the same result.
 */
export function relatedByBigrams(
	docs: ReadonlyArray<{ id: string; bigrams: BigramTable }>,
	options: RelatedOptions = {},
): Map<string, string[]> {
	const {
		vectorTerms = 256,
		signatureTerms = 24,
		queryTerms = 24,
		postingCap = 64,
		candidates = 30,
		limit = 5,
		minScore = 0.05,
	} = options;
	const n = docs.length;
	// Every bigram numbered once; document frequency and idf by that number.
	const numbers = new TermNumbers();
	const docTerms = docs.map(({ bigrams }) => {
		const terms = new Int32Array(bigrams.codes.length);
		for (let i = 0; i < terms.length; i++) terms[i] = numbers.number(bigrams.codes[i]!);
		return terms;
	});
	const df = new Int32Array(numbers.size);
	for (const terms of docTerms) for (let i = 0; i < terms.length; i++) df[terms[i]!]!++;
	const idf = new Float64Array(numbers.size);
	for (let t = 0; t < idf.length; t++) idf[t] = Math.log(n / df[t]!);
	const keptIds = new Int32Array(numbers.size).fill(-1);
	const nextId = { value: 0 };
	const vectors = docs.map((doc, d) =>
		topVector(docTerms[d]!, doc.bigrams.counts, idf, vectorTerms, keptIds, nextId),
	);
	docTerms.length = 0;
	// Inverted index over each vector's heaviest terms: term id → [doc, weight][].
	const postings = new Map<number, Array<[number, number]>>();
	const heaviest = vectors.map((v) =>
		[...v.weights.keys()]
			.sort((a, b) => v.weights[b]! - v.weights[a]! || a - b)
			.slice(0, Math.max(signatureTerms, queryTerms)),
	);
	vectors.forEach((v, d) => {
		for (const k of heaviest[d]!.slice(0, signatureTerms)) {
			const list = postings.get(v.terms[k]!) ?? [];
			list.push([d, v.weights[k]!]);
			postings.set(v.terms[k]!, list);
		}
	});
	const index = new Map<number, { docs: Int32Array; weights: Float32Array }>();
	for (const [term, list] of postings) {
		if (list.length > postingCap)
			list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).length = postingCap;
		index.set(term, {
			docs: Int32Array.from(list, (e) => e[0]),
			weights: Float32Array.from(list, (e) => e[1]),
		});
	}
	postings.clear();
	const result = new Map<string, string[]>();
	const score = new Float64Array(n);
	const dense = new Float32Array(nextId.value);
	vectors.forEach((v, d) => {
		const touched: number[] = [];
		for (const k of heaviest[d]!.slice(0, queryTerms)) {
			const list = index.get(v.terms[k]!);
			if (!list) continue;
			const wq = v.weights[k]!;
			for (let j = 0; j < list.docs.length; j++) {
				const other = list.docs[j]!;
				if (other === d) continue;
				if (score[other] === 0) touched.push(other);
				score[other] = score[other]! + wq * list.weights[j]!;
			}
		}
		// The `candidates` best partial scores, by threshold (a native numeric sort, no comparator).
		let best = touched;
		if (touched.length > candidates) {
			const values = Float64Array.from(touched, (t) => score[t]!).sort();
			const threshold = values[values.length - candidates]!;
			best = touched.filter((t) => score[t]! >= threshold).slice(0, candidates);
		}
		for (const t of touched) score[t] = 0;
		// Cosine of the kept vectors: scatter this vector once, then one lookup per candidate term.
		for (let k = 0; k < v.terms.length; k++) dense[v.terms[k]!] = v.weights[k]!;
		const ranked = best
			.map((o) => [o, denseDot(dense, vectors[o]!)] as const)
			.filter(([, s]) => s >= minScore)
			.sort((a, b) => b[1] - a[1] || a[0] - b[0])
			.slice(0, limit);
		for (let k = 0; k < v.terms.length; k++) dense[v.terms[k]!] = 0;
		result.set(
			docs[d]!.id,
			ranked.map(([o]) => docs[o]!.id),
		);
	});
	return result;
}
