/**
 * Related reports by content: TF-IDF over the character bigrams of each report's text, with
 * cosine similarity, computed once per build without comparing all pairs.
 *
 * 1. Each report's bigrams with their counts (`bigramTable`, bigrams.ts): computed from the
 *    text, or given (cached per report, `relatedByBigrams`); then each report's TF-IDF vector
 *    ((1 + ln tf) · ln(N/df)), kept to its `vectorTerms` heaviest bigrams and L2-normalised
 *    (`reportVectors`, tfidf-vectors.ts).
 * 2. Candidates from an inverted index over each report's `signatureTerms` heaviest bigrams,
 *    looked up with its `queryTerms` heaviest; a posting list keeps only its `postingCap`
 *    heaviest reports, so a common bigram cannot make the work quadratic.
 *    Cost ≤ N · queryTerms · postingCap.
 * 3. The best `candidates` by that partial score are re-ranked by the cosine of the kept vectors
 *    (the report's vector scattered into a dense array once, so each candidate costs
 *    `vectorTerms`).
 *
 * Doesn’t segment words, stem, or use metadata (themes, category): only the text.
 */
import { bigramTable, type BigramTable } from './bigrams.ts';
import { reportVectors, type Vector } from './tfidf-vectors.ts';

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

/** Kept-term id → the reports whose signature has it, and its weight in each. */
type PostingIndex = Map<number, { docs: Int32Array; weights: Float32Array }>;

function denseDot(dense: Float32Array, b: Vector): number {
	let sum = 0;
	for (let j = 0; j < b.terms.length; j++) sum += dense[b.terms[j]!]! * b.weights[j]!;
	return sum;
}

/** Positions in each vector of its `count` heaviest terms, heaviest first (ties: first term). */
function heaviestTerms(vectors: readonly Vector[], count: number): number[][] {
	return vectors.map((v) =>
		[...v.weights.keys()].sort((a, b) => v.weights[b]! - v.weights[a]! || a - b).slice(0, count),
	);
}

/**
 * Step 2's inverted index over each vector's `signatureTerms` heaviest terms; a posting list
 * keeps its `postingCap` heaviest reports (ties: the first report).
 */
function postingIndex(
	vectors: readonly Vector[],
	heaviest: readonly number[][],
	signatureTerms: number,
	postingCap: number,
): PostingIndex {
	const postings = new Map<number, Array<[number, number]>>();
	vectors.forEach((v, d) => {
		for (const k of heaviest[d]!.slice(0, signatureTerms)) {
			const list = postings.get(v.terms[k]!) ?? [];
			list.push([d, v.weights[k]!]);
			postings.set(v.terms[k]!, list);
		}
	});
	const index: PostingIndex = new Map();
	for (const [term, list] of postings) {
		if (list.length > postingCap)
			list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).length = postingCap;
		index.set(term, {
			docs: Int32Array.from(list, (e) => e[0]),
			weights: Float32Array.from(list, (e) => e[1]),
		});
	}
	postings.clear();
	return index;
}

/**
 * Step 2's lookup: the other reports that share an indexed term with report `d`'s `queryTerms`
 * heaviest, the `candidates` best by partial score (in order of first sight). `score` is
 * scratch, all zeros before and after.
 */
function candidatesOf(
	d: number,
	query: { vector: Vector; heaviest: readonly number[] },
	index: PostingIndex,
	score: Float64Array,
	candidates: number,
): number[] {
	const v = query.vector;
	const touched: number[] = [];
	for (const k of query.heaviest) {
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
	return best;
}

/**
 * Step 3: `best` re-ranked by the cosine of their kept vectors with `v`, those of at least
 * `minScore`, the `limit` most similar first. `dense` is scratch, all zeros before and after.
 */
function rankByCosine(
	v: Vector,
	best: readonly number[],
	vectors: readonly Vector[],
	dense: Float32Array,
	cut: { minScore: number; limit: number },
): number[] {
	// Scatter this vector once, then one lookup per candidate term.
	for (let k = 0; k < v.terms.length; k++) dense[v.terms[k]!] = v.weights[k]!;
	const ranked = best
		.map((o) => [o, denseDot(dense, vectors[o]!)] as const)
		.filter(([, s]) => s >= cut.minScore)
		.sort((a, b) => b[1] - a[1] || a[0] - b[0])
		.slice(0, cut.limit);
	for (let k = 0; k < v.terms.length; k++) dense[v.terms[k]!] = 0;
	return ranked.map(([o]) => o);
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
	const { vectors, dims } = reportVectors(
		docs.map((d) => d.bigrams),
		vectorTerms,
	);
	const heaviest = heaviestTerms(vectors, Math.max(signatureTerms, queryTerms));
	const index = postingIndex(vectors, heaviest, signatureTerms, postingCap);
	const result = new Map<string, string[]>();
	const score = new Float64Array(docs.length);
	const dense = new Float32Array(dims);
	vectors.forEach((vector, d) => {
		const query = { vector, heaviest: heaviest[d]!.slice(0, queryTerms) };
		const best = candidatesOf(d, query, index, score, candidates);
		const ranked = rankByCosine(vector, best, vectors, dense, { minScore, limit });
		result.set(
			docs[d]!.id,
			ranked.map((o) => docs[o]!.id),
		);
	});
	return result;
}
