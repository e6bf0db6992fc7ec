/**
 * Turn the lines of a report body into cleaned blocks (docs/ingest-spec.md §6.2–6.4).
 *
 * - joins a paragraph broken by a page break (`持续⏎⏎动力。`, `“十个⏎⏎一”`), and `第⏎⏎一、…`;
 * - drops a stray page number at a break (`工委书 1⏎⏎记`) and a line that is only a page number;
 * - splits headings glued to text, joins a heading broken by a page break
 *   (`三、…建设成效⏎⏎显著。`);
 * - normalises layout spaces, then recognises headings (`headings.ts`);
 * - makes a table block of the row lines of a document's table (`SourceLine.table`), one row a
 *   line, its cells set off by TABs: never joined with the text around it, no heading in it.
 *
 * Every removal is logged in the repair log. Doesn’t reword, reorder or drop anything else.
 */
import type { IngestBlock } from '../types.ts';
import { assignHeadings } from './headings.ts';
import {
	endsBlock,
	endsMidClause,
	endsSentence,
	hasInnerPunctuation,
	markerOf,
	visibleLength,
} from '../lines/line-kinds.ts';
import { countRepair, dropLine, type RepairLog } from '../lines/repair-log.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import { normaliseSpaces } from '../lines/spaces.ts';
import { splitGluedHeadings } from './split-glued.ts';
import { HAN_CLASS } from '../../text/han.ts';

interface Draft {
	text: string;
	line: number;
	/** The last source line (piece) joined into the draft: joining is decided on it alone. */
	tail: string;
	/** A page number was cut from the end of the draft: the next line surely continues it. */
	broken?: boolean;
	/** The rows of a table (cells as read, before spaces are normalised). */
	rows?: string[][];
	/** Set larger than the body (PDF): see `SourceLine.larger`. */
	larger?: number;
	/** The tail's line reaches its column's right edge (see `SourceLine.full`). */
	full?: 'flush' | 'indented';
}

const PAGE_ONLY = /^[ \u3000]*[-—－]?[ \u3000]*\d{1,3}[ \u3000]*[-—－]?[ \u3000]*$/;
const HAN_START = new RegExp(`^[${HAN_CLASS}]`);
const TRAILING_PAGE = new RegExp(`(?<=[${HAN_CLASS}，,、])[ \\u3000]+\\d{1,3}$`);

/** Space characters a split dropped: the text's length minus its pieces'. */
function visibleGap(text: string, pieces: readonly string[]): number {
	let kept = 0;
	for (const p of pieces) kept += p.length;
	return text.length - kept;
}

/** Should `next` continue the paragraph `prev` across a line (page) break? */
function continues(prev: Draft, next: string, indented = false): boolean {
	if (prev.broken) return true;
	const p = prev.tail.trimEnd();
	if (p.endsWith('第')) return true;
	// A full line of a column whose paragraphs start indented: the next line goes on with it
	// unless it is indented (or a heading).
	if (prev.full === 'indented' && !indented && !markerOf(next) && !/[；;：:]$/.test(p)) return true;
	if (endsBlock(p)) return false;
	if (markerOf(next)) return false;
	// A line that closes a quotation or a bracket usually ends its paragraph.
	if (/[”’」』》）)]$/.test(p) && !/^[，。、；：！？,.;:!?）”]/.test(next)) return false;
	const marker = markerOf(p);
	if (marker && visibleLength(p) <= 40 && !endsMidClause(p)) {
		// A run-in heading and the first line of its paragraph, wrapped at a narrow measure
		// (`（二）考核促进学。我们把…，考核结果` ⏎ `与评优评先挂钩，…。`): the paragraph goes on.
		if (/[。！？][^。！？]/.test(p.slice(marker.length))) return true;
		// A heading broken by a page break: the rest is a short tail that ends the sentence.
		return hasInnerPunctuation(p) && visibleLength(next) <= 12 && endsSentence(next);
	}
	return (
		endsMidClause(p) || hasInnerPunctuation(p) || visibleLength(p) >= 40 || prev.full !== undefined
	);
}

/** The drafts made so far, and what the last line made (for the lines that may join it). */
interface DraftState {
	drafts: Draft[];
	/** The draft the last body line went to; null after a table row or a larger line. */
	lastFromLine: Draft | null;
	/** The table of the last line, when it was a table row. */
	lastTable: number | undefined;
	/** The last line was set larger than the body. */
	lastLarger: boolean;
}

/** For each line, the index of the first non-blank line after it, or −1 (linear, no rescans). */
function nextNonBlankOf(lines: readonly SourceLine[]): number[] {
	const nextNonBlank = new Array<number>(lines.length);
	for (let i = lines.length - 1, next = -1; i >= 0; i--) {
		nextNonBlank[i] = next;
		if (!isBlank(lines[i])) next = i;
	}
	return nextNonBlank;
}

/** A table row: another row of the table above when it is the same table, else a new table. */
function addTableRow(state: DraftState, line: SourceLine): void {
	state.lastLarger = false;
	const last = state.drafts[state.drafts.length - 1];
	const row = line.text.split('\t').map((cell) => cell.trim());
	if (last?.rows && state.lastTable === line.table) last.rows.push(row);
	else state.drafts.push({ text: '', line: line.no, tail: '', rows: [row] });
	state.lastTable = line.table;
	state.lastFromLine = null;
}

/**
 * A line set larger than the body: its own paragraph (a heading, if short), never joined to the
 * text around it; a larger line wrapped onto the next one in the same size is joined.
 */
function addLargerLine(state: DraftState, line: SourceLine, larger: number): void {
	const prev = state.drafts[state.drafts.length - 1];
	const text = line.text.trim();
	if (
		prev?.larger === larger &&
		state.lastLarger &&
		!endsBlock(prev.text) &&
		visibleLength(prev.text + text) <= 40
	)
		prev.text += text;
	else state.drafts.push({ text, line: line.no, tail: text, larger });
	state.lastFromLine = null;
	state.lastLarger = true;
}

/**
 * A line's text without the page number at its end when the text goes on in Han on the next
 * line (a page break inside a sentence), logged; `broken` when one was cut.
 */
function cutTrailingPage(
	line: SourceLine,
	nextLine: SourceLine | undefined,
	log: RepairLog,
): { text: string; broken: boolean } {
	const text = line.text;
	// (Only a line that ends in a digit can end in a page number: skip the regex otherwise.)
	const last = text.charCodeAt(text.length - 1);
	const page = last >= 0x30 && last <= 0x39 ? TRAILING_PAGE.exec(text) : null;
	if (!page || !nextLine || !HAN_START.test(nextLine.text.trim()) || markerOf(nextLine.text.trim()))
		return { text, broken: false };
	log.cuts.push({ line: line.no, rule: 'page-number-at-break', text: page[0] });
	log.counts['page-number-at-break'] = (log.counts['page-number-at-break'] ?? 0) + 1;
	return { text: text.slice(0, page.index), broken: true };
}

/** A body line: its glued headings split, its first piece joined to the paragraph it continues. */
function addTextLine(
	state: DraftState,
	line: SourceLine,
	nextLine: SourceLine | undefined,
	log: RepairLog,
): void {
	const { text, broken } = cutTrailingPage(line, nextLine, log);
	const { drafts } = state;
	const pieces = splitGluedHeadings(text.trim());
	// The spaces a split removes are layout spaces too: counted, so the repair can be audited.
	if (pieces.length > 1) countRepair(log, 'layout-space', visibleGap(text.trim(), pieces));
	const first = pieces[0]!;
	const lastFromLine = state.lastFromLine;
	if (lastFromLine && continues(lastFromLine, first, /^[ \u3000]/.test(text))) {
		lastFromLine.text += first;
		lastFromLine.tail = first;
		lastFromLine.broken = false;
	} else {
		drafts.push({ text: first, line: line.no, tail: first });
	}
	for (let k = 1; k < pieces.length; k++)
		drafts.push({ text: pieces[k]!, line: line.no, tail: pieces[k]! });
	const last = drafts[drafts.length - 1]!;
	last.broken = broken;
	if (line.full) last.full = line.full;
	else delete last.full;
	state.lastFromLine = last;
}

/** The blocks of the drafts: paragraphs and headings, with the tables in their places. */
function blocksOf(drafts: readonly Draft[], log: RepairLog): IngestBlock[] {
	const paragraphs = drafts.map((d) =>
		d.rows
			? null
			: {
					text: normaliseSpaces(d.text, 'body', log),
					line: d.line,
					...(d.larger ? { larger: d.larger } : {}),
				},
	);
	const texts = assignHeadings(
		paragraphs.filter(
			(p): p is { text: string; line: number; larger?: number } => p !== null && p.text.length > 0,
		),
	);
	if (!drafts.some((d) => d.rows)) return texts;
	// Tables in their places between the headings and paragraphs (one of those per non-empty paragraph).
	const out: IngestBlock[] = [];
	let k = 0;
	drafts.forEach((d, i) => {
		if (d.rows) out.push(tableBlock(d.rows, d.line, log));
		else if (paragraphs[i]!.text.length > 0) out.push(texts[k++]!);
	});
	return out;
}

/**
 * @param lines The body lines of one report (blank lines included), in source order.
 * @param log Receives page-number repairs and layout-space counts.
 * @param pagesKnown The source shows its pages (PDF pages, form feeds, decorated folios): its
 *   folios were removed with the page furniture, so a line that is only a number is text (a
 *   table cell pdftotext wrote on a line of its own: `860`), not a page number.
 * @returns Blocks with the source line each starts on.
 */
export function buildBlocks(
	lines: readonly SourceLine[],
	log: RepairLog,
	pagesKnown = false,
): IngestBlock[] {
	const state: DraftState = {
		drafts: [],
		lastFromLine: null,
		lastTable: undefined,
		lastLarger: false,
	};
	const nextNonBlank = nextNonBlankOf(lines);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (isBlank(line)) continue;
		if (line.table !== undefined) {
			addTableRow(state, line);
			continue;
		}
		state.lastTable = undefined;
		if (line.larger !== undefined) {
			addLargerLine(state, line, line.larger);
			continue;
		}
		state.lastLarger = false;
		if (!pagesKnown && PAGE_ONLY.test(line.text)) {
			dropLine(log, line.no, 'page-number-at-break');
			continue;
		}
		const nextLine = nextNonBlank[i]! >= 0 ? lines[nextNonBlank[i]!] : undefined;
		addTextLine(state, line, nextLine, log);
	}
	return blocksOf(state.drafts, log);
}

/** A table block: every row as long as the longest (a missing cell is empty), spaces normalised. */
function tableBlock(rows: readonly string[][], line: number, log: RepairLog): IngestBlock {
	const width = Math.max(...rows.map((r) => r.length));
	const cells = rows.map((r) =>
		Array.from({ length: width }, (_, c) => normaliseSpaces(r[c] ?? '', 'body', log)),
	);
	return { type: 'table', rows: cells, text: cells.map((r) => r.join('\t')).join('\n'), line };
}
