/**
 * The no-loss check (issue 6): every character of a report’s span in the source is either on
 * its page (head lines held as metadata, body blocks) or removed by a named repair.
 *
 * Compares the raw span, minus the logged repairs (dropped lines, cuts at line ends, private-use
 * and zero-width/control characters) with the page’s text, both without white space (layout
 * spaces are a named repair too). Doesn’t trust the pipeline: it reads the raw decoded lines.
 */
import type { IngestBlock, IngestIssue } from '../types.ts';
import type { RepairLog } from '../lines/repair-log.ts';
import { unitTable } from '../lines/unit-table.ts';

// Same classes as source-lines.ts, written again on purpose: this check must not share code
// with the step it checks.
const INVISIBLE =
	/[\uE000-\uF8FF\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g;
const SPACE = /[\s\u3000]+/g;
const SPACE_UNIT = unitTable(SPACE);

export interface NoLossInput {
	file: string;
	title: string;
	/** The decoded source text split on LF (before any repair). */
	rawLines: readonly string[];
	/** [first, last] 1-based line numbers of the report. */
	lines: readonly [number, number];
	log: RepairLog;
	/** Source lines held as metadata (title, subtitle, byline, 摘要, 关键词). */
	head: ReadonlyArray<{ no: number; text: string }>;
	blocks: readonly IngestBlock[];
	/**
	 * Lines inside [first, last] that are not the report's (a section marker between text kept
	 * with the report and its head): accounted for elsewhere (see `account-lines.ts`).
	 */
	elsewhere?: ReadonlySet<number>;
	/**
	 * The report's lines in reading order, when its source has lines read as two columns
	 * (`log.columnSplits`): then the raw lines are read in this order, a split line's left or
	 * right piece where the entry says so, instead of from the first line number to the last.
	 */
	entries?: ReadonlyArray<{ no: number; part?: 'left' | 'right' }>;
}

function quote(text: string): string {
	return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

// What each side drops, per UTF-16 code unit (the classes have no flag `u`, so they match code
// units): 1 = white space (dropped on both sides), 2 = invisible (dropped on the source side).
// Made from the regexes above, so the fast comparison cannot drift from the full check.
const DROP = unitTable(new RegExp(INVISIBLE.source, 'g')).map((invisible, unit) =>
	SPACE_UNIT[unit] ? 1 : invisible * 2,
);

/**
 * The page's pieces in source order: head lines and blocks by the line they start on (text kept
 * at the start of a body, see `account-lines.ts`, comes before the title in the source).
 */
function pageTexts(input: NoLossInput): string[] {
	// Read as two columns, the blocks are in reading order, not in line order: the head goes
	// before the first block after it in the entries (text kept before it, `span.lead`, stays
	// before; a head ending the left column precedes a body on lines numbered before it).
	if (input.entries) {
		const head = input.head.map((h) => h.text);
		const order = new Map<number, number>();
		input.entries.forEach((e, k) => order.has(e.no) || order.set(e.no, k));
		const headAt = order.get(input.head[0]?.no ?? NaN) ?? -1;
		const k = input.blocks.findIndex((b) => (order.get(b.line) ?? Infinity) > headAt) >>> 0;
		const at = Math.min(k, input.blocks.length);
		const texts = input.blocks.map((b) => b.text);
		return [...texts.slice(0, at), ...head, ...texts.slice(at)];
	}
	const pieces = [
		...input.head.map((h) => ({ line: h.no, text: h.text })),
		...input.blocks.map((b) => ({ line: b.line, text: b.text })),
	];
	const sorted = pieces.every((p, i) => i === 0 || pieces[i - 1]!.line <= p.line)
		? pieces
		: [...pieces].sort((a, b) => a.line - b.line);
	return sorted.map((p) => p.text);
}

/** Cut texts by line number (a line may have several). */
function cutsByLine(log: RepairLog): Map<number, string[]> {
	const cuts = new Map<number, string[]>();
	for (const cut of log.cuts) {
		const list = cuts.get(cut.line);
		if (list) list.push(cut.text);
		else cuts.set(cut.line, [cut.text]);
	}
	return cuts;
}

/** A raw line without its invisible characters and then without its logged cuts. */
function withoutCuts(raw: string, cuts: readonly string[]): string {
	let text = raw.replace(INVISIBLE, '');
	for (const cut of cuts) if (text.endsWith(cut)) text = text.slice(0, -cut.length);
	return text;
}

/**
 * The same comparison as `checkNoLoss`, without building either text: the span's lines (minus
 * dropped lines, invisible characters and white space) are read in step with the page's head
 * lines and blocks (minus white space), one code unit at a time. True when they are equal (false
 * sends the caller to the full check, which finds the place of the difference). A line with a
 * logged cut is first read as the full check reads it (`withoutCuts`).
 */
function sameText(input: NoLossInput): boolean {
	const { log, rawLines } = input;
	const [first, last] = input.lines;
	let cutLines: Map<number, string[]> | null = null;
	for (const cut of log.cuts) {
		if (cut.line >= first && cut.line <= last) {
			cutLines = cutsByLine(log);
			break;
		}
	}
	// The page side: its pieces in order, a cursor in the current one.
	const pieces = pageTexts(input);
	let piece = 0;
	let text = pieces[0] ?? '';
	let at = 0;
	for (let no = first; no <= last; no++) {
		if (log.droppedLines.has(no) || input.elsewhere?.has(no)) continue;
		const cut = cutLines?.get(no);
		const raw = cut ? withoutCuts(rawLines[no - 1] ?? '', cut) : (rawLines[no - 1] ?? '');
		for (let i = 0; i < raw.length; i++) {
			const unit = raw.charCodeAt(i);
			if (DROP[unit] !== 0) continue;
			// The next kept code unit of the page.
			let next = -1;
			while (next < 0) {
				if (at < text.length) {
					const u = text.charCodeAt(at++);
					if (DROP[u] !== 1) next = u;
				} else if (++piece < pieces.length) {
					text = pieces[piece]!;
					at = 0;
				} else return false;
			}
			if (next !== unit) return false;
		}
	}
	// The page must hold nothing more.
	for (;;) {
		while (at < text.length) if (DROP[text.charCodeAt(at++)] !== 1) return false;
		if (++piece >= pieces.length) return true;
		text = pieces[piece]!;
		at = 0;
	}
}

/**
 * @returns null when everything is accounted for, else an error issue at the first difference.
 */
export function checkNoLoss(input: NoLossInput): IngestIssue | null {
	if (!input.entries && sameText(input)) return null;
	const { log } = input;
	const cuts = cutsByLine(log);
	const raw: string[] = [];
	// ends[i]: offset in the joined text where the i-th kept line ends; lineNos[i]: its number.
	const ends: number[] = [];
	const lineNos: number[] = [];
	let offset = 0;
	const order: ReadonlyArray<{ no: number; part?: 'left' | 'right' }> =
		input.entries ??
		Array.from({ length: input.lines[1] - input.lines[0] + 1 }, (_, k) => ({
			no: input.lines[0] + k,
		}));
	for (const { no, part } of order) {
		if (log.droppedLines.has(no) || input.elsewhere?.has(no)) continue;
		const whole = withoutCuts(input.rawLines[no - 1] ?? '', cuts.get(no) ?? []).replace(SPACE, '');
		// A line of two columns: the piece this entry reads (split where the log says).
		const at = part ? (log.columnSplits?.get(no) ?? 0) : 0;
		const bare = part === 'left' ? whole.slice(0, at) : part === 'right' ? whole.slice(at) : whole;
		raw.push(bare);
		offset += bare.length;
		ends.push(offset);
		lineNos.push(no);
	}
	const source = raw.join('');
	const page = pageTexts(input).join('').replace(SPACE, '');
	if (source === page) return null;
	let at = 0;
	while (at < source.length && at < page.length && source[at] === page[at]) at++;
	const k = ends.findIndex((end) => end > at);
	const line = lineNos[k < 0 ? lineNos.length - 1 : k] ?? input.lines[0];
	const found = page.slice(at, at + 20);
	const expected = source.slice(at, at + 20);
	return {
		file: input.file,
		line,
		column: 1,
		ruleId: 'text:lost',
		severity: 'error',
		message: `Report “${quote(input.title)}”: its page differs from the source at line ${line}: expected "${expected}", found "${found}". Only named repairs may change the text.`,
	};
}
