/**
 * The synthetic benchmark corpus: `reports` reports spread over compilation files of 30–60
 * reports each, one county per compilation, compilation years 2003–2022, all 11 categories,
 * about 7 KB of body text per report. Deterministic: the same `reports`, `pool` and `seed` give
 * byte-identical files. Pure: doesn’t write files (see `write-corpus.ts`).
 */
import { type CategoryWords, categories } from './corpus-words.ts';
import { makeCompilation, type Layout } from './make-compilation.ts';
import { placeName, unitName } from './make-names.ts';
import { makeReport, type SyntheticReport } from './make-report.ts';
import { createRng, type Rng } from './prng.ts';

export interface CorpusFile {
	/** File name, e.g. `bench-0001.txt`. */
	name: string;
	text: string;
	/** The reports in the file, in order (what an ingester should find). */
	reports: SyntheticReport[];
}

export interface CorpusOptions {
	reports: number;
	/** Sentences to recombine (see `sentencePool`). */
	pool: readonly string[];
	seed?: number;
	/** Mean body size per report in bytes (default 7000). */
	reportBytes?: number;
}

const partyCategory =
	categories.find((c) => c.kind === '党组织') ?? (categories[0] as CategoryWords);
const totalWeight = categories.reduce((sum, c) => sum + c.weight, 0);

/** A category drawn by weight (every `sections` book also gets one report of each first). */
function weightedCategory(rng: Rng): CategoryWords {
	let roll = rng.next() * totalWeight;
	for (const c of categories) if ((roll -= c.weight) < 0) return c;
	return partyCategory;
}

/** Generate the corpus files in order. */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
	const { pool, reportBytes = 7000 } = options;
	if (pool.length < 50)
		throw new Error(`generateCorpus: expected at least 50 sentences, found ${pool.length}`);
	const rng = createRng(options.seed ?? 20240607);
	const usedUnits = new Set<string>();
	const usedCounties = new Set<string>();
	const files: CorpusFile[] = [];
	let left = options.reports;
	while (left > 0) {
		const count = Math.min(left, rng.int(30, 60));
		left -= count;
		let county = placeName(rng);
		for (let i = 0; usedCounties.has(county) && i < 50; i++) county = placeName(rng);
		usedCounties.add(county);
		const layout: Layout = rng.chance(0.7) ? 'sections' : 'columns';
		const year = 2003 + ((files.length * 7 + rng.int(0, 6)) % 20);
		// Reports of a `sections` book are ordered by category, as its TOC sections are.
		const chosen = Array.from({ length: count }, (_, i) =>
			layout === 'columns' ? partyCategory : (categories[i] ?? weightedCategory(rng)),
		);
		if (layout === 'sections') chosen.sort((a, b) => categories.indexOf(a) - categories.indexOf(b));
		const reports = chosen.map((category) =>
			makeReport(rng, pool, {
				unit: unitName(rng, category, county, usedUnits),
				category,
				year,
				dateStyle: rng.chance(0.6) ? 'cn' : 'arabic',
				bytes: Math.round(reportBytes * (0.75 + rng.next() * 0.5)),
			}),
		);
		const preface = Array.from({ length: 3 }, () => rng.pick(pool) + rng.pick(pool));
		const text = makeCompilation(rng, {
			county,
			year,
			month: rng.int(1, 12),
			layout,
			reports,
			preface,
		});
		files.push({ name: `bench-${String(files.length + 1).padStart(4, '0')}.txt`, text, reports });
	}
	return files;
}
