/**
 * The record of every named repair: what the ingest removed from the source text and why.
 *
 * Whole lines dropped (a page-number line, a web boilerplate line, a teaser line), pieces cut
 * from a line (a stray page number at a break) and characters removed (private-use glyphs,
 * zero-width and control characters, layout spaces) are logged here with a rule id, so the
 * build report can list them and the no-loss check (`checkNoLoss`) can account for every
 * character. Doesn’t decide anything itself.
 */

/** The closed list of named repairs. Anything else missing from a page is an error. */
export const repairRules = [
	'private-use',
	'zero-width-control',
	'layout-space',
	'page-number-at-break',
	'boilerplate-line',
	'journal-residue',
	'teaser-line',
	'folio',
	'running-head',
	'frame-line',
	'kangxi-radical',
	// Not a removal: a line of two columns side by side read as two pieces, or a line of one
	// column moved after the other column's lines (`pages/two-columns.ts`).
	'column-split',
	// Not a removal: a line of a plain extraction whose two columns were written line by line in
	// turn, read in its column's order (`pages/interleaved-columns.ts`).
	'column-interleave',
	// Not a removal: a picture of a PDF page left a placeholder line `［图］` (counted, never silent).
	'picture-placeholder',
] as const;
export type RepairRule = (typeof repairRules)[number];

export interface LineCut {
	line: number;
	rule: RepairRule;
	/** The exact raw text removed from the end of the line. */
	text: string;
}

export interface RepairLog {
	counts: Record<string, number>;
	/** Whole source lines dropped, by 1-based line number. */
	droppedLines: Map<number, RepairRule>;
	/** Text cut from the end of a line. */
	cuts: LineCut[];
	/**
	 * Lines whose text was moved onto a later line (the pieces of one letter-spaced line an
	 * extractor wrote apart), by 1-based line number → the line that holds their text now.
	 */
	movedLines?: Map<number, number>;
	/**
	 * Lines read as two pieces (two columns side by side), by 1-based line number → where the
	 * right piece begins, in characters that are neither white space nor invisible.
	 */
	columnSplits?: Map<number, number>;
}

/** A new, empty log. */
export function createRepairLog(): RepairLog {
	return { counts: {}, droppedLines: new Map(), cuts: [] };
}

/** Count `n` applications of a rule. */
export function countRepair(log: RepairLog, rule: RepairRule, n = 1): void {
	if (n > 0) log.counts[rule] = (log.counts[rule] ?? 0) + n;
}

/** Drop a whole line under a rule (counted once per line). */
export function dropLine(log: RepairLog, line: number, rule: RepairRule): void {
	if (log.droppedLines.has(line)) return;
	log.droppedLines.set(line, rule);
	countRepair(log, rule);
}

/** Sorted copy of the counts, for deterministic output. */
export function sortedCounts(log: RepairLog): Record<string, number> {
	const out: Record<string, number> = {};
	for (const key of Object.keys(log.counts).sort()) out[key] = log.counts[key]!;
	return out;
}
