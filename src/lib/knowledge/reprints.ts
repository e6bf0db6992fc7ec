/**
 * Reprints: the same report printed in two or more compilations (most of its text the same:
 * `similarity ≥ SAME_TEXT` of their text signatures, the measure the id registry uses). Each
 * compilation still lists its copy; one copy is canonical and every other is `reprintOf` it, so
 * that statistics, listings and search count the report once.
 *
 * The canonical copy is the one in the earliest compilation (the compilation's date; an undated
 * compilation after every dated one), then the source file name, then the position in it. A
 * group is every copy linked by a chain of pairs (a prints b, b prints c: one report).
 *
 * Candidate pairs come from an inverted index of the sketches' hashes: two copies share most of
 * their smallest hashes, so a pair is compared only when it shares at least `MIN_SHARED` of
 * them; a hash that more than `MAX_POSTINGS` reports hold (a phrase every report prints) adds no
 * candidates. Copies within one source are never reprints of each other.
 *
 * Doesn't change anything: returns the canonical id of every reprint.
 */
import { SAME_TEXT, signatureHashes, sketchSimilarity } from './text-signature.ts';

/** What reprint detection needs of one report. */
export interface ReprintCandidate {
	id: string;
	source: string;
	order: number;
	/** The date of its compilation (ISO, any precision), or null. */
	compilationDate: string | null;
	/** `textSignature` of its body text. */
	text: string;
}

const MIN_SHARED = 8;
const MAX_POSTINGS = 64;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Earliest compilation first (undated last), then file name, then position. */
function earlier(a: ReprintCandidate, b: ReprintCandidate): number {
	if (a.compilationDate !== b.compilationDate) {
		if (a.compilationDate === null) return 1;
		if (b.compilationDate === null) return -1;
		return byString(a.compilationDate, b.compilationDate);
	}
	return byString(a.source, b.source) || a.order - b.order || byString(a.id, b.id);
}

/**
 * @param reports Every report of the run.
 * @returns Reprint id → the id of its group's canonical copy (canonical copies are not keys).
 */
export function findReprints(reports: readonly ReprintCandidate[]): Map<string, string> {
	const postings = new Map<number, number[]>();
	const sketches = reports.map((r) => signatureHashes(r.text));
	reports.forEach((_, i) => {
		for (const h of sketches[i]!) {
			const list = postings.get(h);
			if (list) list.push(i);
			else postings.set(h, [i]);
		}
	});
	const shared = new Map<number, number>();
	for (const list of postings.values()) {
		if (list.length < 2 || list.length > MAX_POSTINGS) continue;
		for (let x = 0; x < list.length; x++) {
			for (let y = x + 1; y < list.length; y++) {
				const key = list[x]! * reports.length + list[y]!;
				shared.set(key, (shared.get(key) ?? 0) + 1);
			}
		}
	}
	// Union-find over the pairs that are most of the same text.
	const parent = reports.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
	for (const [key, n] of shared) {
		const a = Math.floor(key / reports.length);
		const b = key % reports.length;
		const small = Math.min(sketches[a]!.length, sketches[b]!.length);
		if (n < Math.min(MIN_SHARED, small) || reports[a]!.source === reports[b]!.source) continue;
		if (sketchSimilarity(sketches[a]!, sketches[b]!) >= SAME_TEXT) parent[find(a)] = find(b);
	}
	const groups = new Map<number, ReprintCandidate[]>();
	reports.forEach((r, i) => {
		const g = groups.get(find(i));
		if (g) g.push(r);
		else groups.set(find(i), [r]);
	});
	const out = new Map<string, string>();
	for (const group of groups.values()) {
		if (group.length < 2) continue;
		const [canonical, ...rest] = [...group].sort(earlier);
		for (const r of rest) out.set(r.id, canonical!.id);
	}
	return out;
}
