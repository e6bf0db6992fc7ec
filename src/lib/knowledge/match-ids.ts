/**
 * Give the reports of one source their registry ids: a report keeps the id of the registry entry
 * it is still recognisably (same source, most of the same text: `similarity ≥ SAME_TEXT`), even
 * when its title, unit or position changed; a report that matches no entry gets a new id.
 *
 * Several reports edited at once are assigned 1:1 and deterministically: every (entry, report)
 * pair at or above the threshold is ranked by similarity, then same title, then same unit, then
 * the smaller move in position, then entry position, report position and id; pairs are taken
 * in that order when neither side is taken yet (greedy on a total order: the same inputs always
 * give the same ids, whatever order they come in).
 *
 * A retired id of the same source whose report was removed (`movedTo: null`) is an entry too: a
 * removed report put back gets its old id again.
 *
 * Doesn't decide what became of entries no report matched (`update-registry.ts` does).
 */
import type { Registry } from './id-registry.ts';
import { SAME_TEXT, similarity } from './text-signature.ts';

/** What the matcher needs of one report of the source (as ingested, before overrides). */
export interface IdCandidate {
	/** The id the report's title, subtitle and unit give (`uniqueIds`): taken for a new report. */
	naturalId: string;
	order: number;
	title: string;
	unit: string | null;
	/** `textSignature` of its body text. */
	text: string;
}

interface Known {
	id: string;
	order: number;
	title: string;
	unit: string | null;
	text: string | null;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The registry's entries of `source`: live ids, and retired ids whose report was removed. */
function entriesOf(registry: Registry, source: string): Known[] {
	const live = Object.entries(registry.reports)
		.filter(([, e]) => e.source === source)
		.map(([id, e]) => ({ id, order: e.order, title: e.title, unit: e.unit, text: e.text }));
	// A removed entry has no text signature left: only one with its exact title can come back.
	const removed = Object.entries(registry.retired)
		.filter(([, e]) => e.source === source && e.movedTo === null)
		.map(([id, e]) => ({
			id,
			order: Number.MAX_SAFE_INTEGER,
			title: e.title,
			unit: null,
			text: null,
		}));
	return [...live, ...removed];
}

/** An (entry, report) pair with most of the same text, and what ranks it among the others. */
interface Pair {
	/** Position of the entry in `entriesOf`. */
	k: number;
	/** Position of the report. */
	r: number;
	score: number;
	title: boolean;
	unit: boolean;
	move: number;
}

/** Every (entry, report) pair at or above `SAME_TEXT`, ranked in the order they are taken. */
function rankedPairs(known: readonly Known[], reports: readonly IdCandidate[]): Pair[] {
	const pairs: Pair[] = [];
	known.forEach((e, k) => {
		reports.forEach((r, i) => {
			const title = e.title === r.title;
			// A removed report's entry matches only by its title (its text signature is gone).
			// (at the threshold: any live entry with most of the same text ranks before it).
			const score = e.text === null ? (title ? SAME_TEXT : 0) : similarity(e.text, r.text);
			if (score >= SAME_TEXT)
				pairs.push({
					k,
					r: i,
					score,
					title,
					unit: e.unit === r.unit,
					move: Math.abs(e.order - r.order),
				});
		});
	});
	return pairs.sort(
		(a, b) =>
			b.score - a.score ||
			Number(b.title) - Number(a.title) ||
			Number(b.unit) - Number(a.unit) ||
			a.move - b.move ||
			known[a.k]!.order - known[b.k]!.order ||
			a.r - b.r ||
			byString(known[a.k]!.id, known[b.k]!.id),
	);
}

/**
 * New reports (null in `ids`): their natural id, unless an id of the registry (any source) or
 * of another report has it (an id is never given to a second report, even after the first was
 * removed); then `-2`, `-3`…
 */
function freshIds(
	registry: Registry,
	reports: readonly IdCandidate[],
	ids: ReadonlyArray<string | null>,
): string[] {
	const used = new Set<string>([
		...Object.keys(registry.reports),
		...Object.keys(registry.retired),
		...ids.filter((x): x is string => x !== null),
	]);
	return ids.map((id, i) => {
		if (id !== null) return id;
		const base = reports[i]!.naturalId;
		let fresh = base;
		for (let n = 2; used.has(fresh); n++) fresh = `${base}-${n}`;
		used.add(fresh);
		return fresh;
	});
}

/**
 * @param registry The registry as read (not changed).
 * @param source The source file name.
 * @param reports The source's reports in order.
 * @returns The id of each report, in the same order: an entry's id, or the report's natural id
 *   (with `-2`, `-3`… when the registry or another report already has it).
 */
export function matchIds(
	registry: Registry,
	source: string,
	reports: readonly IdCandidate[],
): string[] {
	const known = entriesOf(registry, source);
	// Pairs taken in rank order when neither side is taken yet.
	const ids: Array<string | null> = reports.map(() => null);
	const takenEntry = new Set<number>();
	for (const p of rankedPairs(known, reports)) {
		if (takenEntry.has(p.k) || ids[p.r] !== null) continue;
		takenEntry.add(p.k);
		ids[p.r] = known[p.k]!.id;
	}
	return freshIds(registry, reports, ids);
}
