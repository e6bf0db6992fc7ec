/**
 * Account for every line of a source (issue 21 item 1): each non-blank line is in exactly one
 * place — a report (its head or body), the front matter (cover, 前言), the TOC, the frame
 * between reports (section markers, part pages, their pinyin lines), a line removed by a named
 * repair, or else *unassigned*.
 *
 * Unassigned lines are grouped into runs; each run is given to the report it most likely
 * belongs to (the next report, else the previous one) and reported as a warning naming its
 * first line. Nothing is dropped.
 *
 * Doesn’t check the text of the reports (see `check-no-loss.ts`: that compares characters).
 */
import type { IngestIssue } from '../types.ts';
import type { RepairLog } from '../lines/repair-log.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { SpanDraft } from './span.ts';

/** `kept`: unassigned text kept in a report (with a warning); `unassigned`: in no report at all. */
export type Place =
	'report' | 'kept' | 'front' | 'preface' | 'toc' | 'frame' | 'repair' | 'unassigned';

/** Where each non-blank line went, by 1-based line number (what the whole-source check reads). */
export type LineAccount = Record<Place, number[]>;

export interface AccountInput {
	file: string;
	lines: readonly SourceLine[];
	spans: SpanDraft[];
	log: RepairLog;
	/** Index ranges [from, to) of lines that are not report text, with their place. */
	regions: ReadonlyArray<{
		from: number;
		to: number;
		place: Exclude<Place, 'report' | 'kept' | 'repair' | 'unassigned'>;
	}>;
	/** Titles of the spans' reports, for the warning (same order as `spans`), when known. */
	titleOf?: (span: SpanDraft) => string;
}

function quote(text: string): string {
	const t = text.trim();
	return t.length > 20 ? `${t.slice(0, 20)}…` : t;
}

/** The place of each line (by index) from the regions and spans; null where none says. */
function placesOf(input: AccountInput): Array<Place | null> {
	const { lines, spans } = input;
	const place = new Array<Place | null>(lines.length).fill(null);
	for (const r of input.regions)
		for (let i = r.from; i < r.to && i < lines.length; i++) place[i] ??= r.place;
	for (const s of spans) for (let i = s.start; i < s.end; i++) place[i] = 'report';
	for (const s of spans)
		for (const [from, to] of [...(s.lead ?? []), ...(s.kept ?? [])])
			for (let i = from; i < to; i++) place[i] = 'kept';
	return place;
}

/** Runs [from, to) of lines with text, no place and not dropped (a run goes over blank lines). */
function unplacedRuns(
	lines: readonly SourceLine[],
	place: ReadonlyArray<Place | null>,
	log: RepairLog,
): Array<[number, number]> {
	const runs: Array<[number, number]> = [];
	for (let i = 0; i < lines.length; i++) {
		if (isBlank(lines[i]) || log.droppedLines.has(lines[i]!.no) || place[i] !== null) continue;
		const last = runs[runs.length - 1];
		// A run goes on over blank lines.
		if (last && lines.slice(last[1], i).every((l) => isBlank(l))) last[1] = i + 1;
		else runs.push([i, i + 1]);
	}
	return runs;
}

/**
 * Give a run to the next report (as its `lead`), else the previous one (its end moved on), and
 * return its warning; with no report at all, its lines are unassigned.
 */
function keepRun(
	input: AccountInput,
	place: Array<Place | null>,
	[from, to]: [number, number],
): IngestIssue {
	const { lines, spans } = input;
	const next = spans.find((s) => s.start >= to);
	const prev = [...spans].reverse().find((s) => s.end <= from);
	const owner = next ?? prev;
	if (!owner) {
		for (let i = from; i < to; i++) if (!isBlank(lines[i])) place[i] = 'unassigned';
	} else {
		if (owner === next) (owner.lead ??= []).push([from, to]);
		else (owner.kept ??= []).push([owner.end, (owner.end = to)]);
		for (let i = from; i < to; i++) place[i] = 'kept';
	}
	const where = owner
		? `kept with the report “${quote(input.titleOf?.(owner) ?? lines[owner.start]!.text)}”`
		: 'kept nowhere: the source has no report';
	return {
		file: input.file,
		line: lines[from]!.no,
		column: 1,
		ruleId: 'structure:unassigned',
		severity: 'warning',
		message: `Lines ${lines[from]!.no}–${lines[to - 1]!.no} (“${quote(lines[from]!.text)}”) belong to no report, TOC or frame; ${where}. Check the TOC and the report heads.`,
	};
}

/** Each non-blank line's number under its place (a dropped line under `repair`). */
function accountOf(
	lines: readonly SourceLine[],
	place: ReadonlyArray<Place | null>,
	log: RepairLog,
): LineAccount {
	const account: LineAccount = {
		report: [],
		kept: [],
		front: [],
		preface: [],
		toc: [],
		frame: [],
		repair: [],
		unassigned: [],
	};
	const indexOf = new Map(lines.map((l, i) => [l.no, i] as const));
	const placed = new Set<number>();
	for (let i = 0; i < lines.length; i++) {
		const no = lines[i]!.no;
		// A line a repair removed (a folio, a running head) is blank by now: it is the repair's;
		// a piece moved onto a later line is where that line is.
		const to = log.movedLines?.get(no);
		const at = to === undefined ? undefined : indexOf.get(to);
		// (A line read as two columns is two entries with one number: it is placed once, where its
		// first piece is.)
		if (i > 0 && lines[i]!.part === 'right' && placed.has(no)) continue;
		if (log.droppedLines.has(no)) account.repair.push(no);
		else if (at !== undefined)
			account[log.droppedLines.has(to!) ? 'repair' : (place[at] ?? 'unassigned')].push(no);
		else if (!isBlank(lines[i])) account[place[i] ?? 'unassigned'].push(no);
		else continue;
		if (lines[i]!.part) placed.add(no);
	}
	return account;
}

/**
 * Classify every line; attach unassigned runs to a span (`span.lead` before its head, or its
 * end moved on) and return a warning for each run.
 */
export function accountLines(input: AccountInput): { account: LineAccount; issues: IngestIssue[] } {
	const { lines, log } = input;
	const place = placesOf(input);
	const runs = unplacedRuns(lines, place, log);
	const issues = runs.map((run) => keepRun(input, place, run));
	return { account: accountOf(lines, place, log), issues };
}
