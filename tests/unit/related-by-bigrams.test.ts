import { describe, expect, test } from 'vitest';
import { bigramTable } from '../../src/lib/knowledge/bigrams.ts';
import { relatedByBigrams, relatedByContent } from '../../src/lib/knowledge/related-by-content.ts';

/** A seeded text of random CJK letters: many distinct bigrams, nearly all once. */
function letters(seed: number, length: number): string {
	let x = seed;
	const chars: string[] = [];
	for (let i = 0; i < length; i++) {
		x = (Math.imul(x, 1103515245) + 12345) >>> 0;
		chars.push(String.fromCharCode(0x4e00 + ((x >>> 8) % 3000)));
	}
	return chars.join('');
}

/** Reference: TF-IDF over bigrams with Maps, cosine of every pair, no candidate pruning. */
function bruteForce(docs: Array<{ id: string; text: string }>, limit = 5, minScore = 0.05) {
	const tfs = docs.map((d) => {
		const tf = new Map<string, number>();
		for (const run of d.text.split(/[^\p{Script=Han}0-9A-Za-z]+/u))
			for (let i = 0; i + 1 < run.length; i++)
				tf.set(run.slice(i, i + 2), (tf.get(run.slice(i, i + 2)) ?? 0) + 1);
		return tf;
	});
	const df = new Map<string, number>();
	for (const tf of tfs) for (const k of tf.keys()) df.set(k, (df.get(k) ?? 0) + 1);
	const vectors = tfs.map((tf) => {
		const v = new Map<string, number>();
		for (const [k, n] of tf) {
			const idf = Math.log(docs.length / df.get(k)!);
			if (idf > 0) v.set(k, (1 + Math.log(n)) * idf);
		}
		const norm = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)) || 1;
		for (const [k, w] of v) v.set(k, w / norm);
		return v;
	});
	return new Map(
		docs.map((d, i) => {
			const scores = vectors
				.map((v, j) => {
					let s = 0;
					for (const [k, w] of vectors[i]!) s += w * (v.get(k) ?? 0);
					return [j, s] as const;
				})
				.filter(([j, s]) => j !== i && s >= minScore)
				.sort((a, b) => b[1] - a[1] || a[0] - b[0])
				.slice(0, limit);
			return [d.id, scores.map(([j]) => docs[j]!.id)];
		}),
	);
}

describe('bigram tables', () => {
	test('codes in order of first appearance, with counts; punctuation breaks runs', () => {
		const code = (s: string) => s.charCodeAt(0) * 65536 + s.charCodeAt(1);
		const t = bigramTable('书香读书，读书 a1');
		expect([...t.codes]).toEqual([code('书香'), code('香读'), code('读书'), code('a1')]);
		expect([...t.counts]).toEqual([1, 1, 2, 1]);
		expect(bigramTable('，。 ').codes.length).toBe(0);
	});

	test('relatedByBigrams of the tables is relatedByContent of the texts', () => {
		const docs = ['读书月读好书', '书香机关读书月', '安全生产月', '消防安全生产'].map((t, i) => ({
			id: `d${i}`,
			text: t,
		}));
		const byTables = relatedByBigrams(
			docs.map((d) => ({ id: d.id, bigrams: bigramTable(d.text) })),
		);
		expect(byTables).toEqual(relatedByContent(docs));
		expect(byTables.get('d0')).toEqual(['d1']);
		expect(byTables.get('d2')).toEqual(['d3']);
	});
});

describe('related by content on a corpus with many distinct bigrams', () => {
	// 45 reports of 1,000 random letters (~45,000 distinct bigrams, so the term table grows),
	// in groups of three that open with a passage of their own, three times over. (It opens the
	// text: when more bigrams tie at the threshold weight than fit, `topVector` keeps the first
	// ones in text order and can then drop heavier ones that come later.)
	const docs = Array.from({ length: 45 }, (_, i) => ({
		id: `r${String(i).padStart(2, '0')}`,
		text: `${letters(1000 + Math.floor(i / 3), 120)}，`.repeat(3) + letters(i + 1, 1000),
	}));
	const unpruned = {
		vectorTerms: 1e9,
		signatureTerms: 1e9,
		queryTerms: 1e9,
		postingCap: 1e9,
		candidates: 1e9,
	};

	test('without pruning it ranks exactly like cosine over all pairs', () => {
		const related = relatedByContent(docs, unpruned);
		expect(related).toEqual(bruteForce(docs));
		expect(related.get('r00')!.slice(0, 2).sort()).toEqual(['r01', 'r02']);
	});

	test('with the default pruning it still finds each report’s two partners first', () => {
		const related = relatedByContent(docs);
		for (const [i, d] of docs.entries()) {
			const group = docs.filter((_, j) => j !== i && Math.floor(j / 3) === Math.floor(i / 3));
			expect(related.get(d.id)!.slice(0, 2).sort()).toEqual(group.map((g) => g.id));
		}
	});
});
