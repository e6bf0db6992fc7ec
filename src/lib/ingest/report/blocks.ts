/**
 * Turn the lines of a report body into cleaned blocks (INGEST-SPEC §6.2–6.4).
 *
 * - joins a paragraph broken by a page break (`持续⏎⏎动力。`, `“十个⏎⏎一”`), and `第⏎⏎一、…`;
 * - drops a stray page number at a break (`工委书 1⏎⏎记`) and a line that is only a page number;
 * - splits headings glued to text, joins a heading broken by a page break
 *   (`三、…建设成效⏎⏎显著。`);
 * - normalises layout spaces, then recognises headings (`headings.ts`).
 *
 * Every removal is logged in the repair log. Doesn’t reword, reorder or drop anything else.
 */
import type { Block } from '../types.ts';
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

interface Draft {
	text: string;
	line: number;
	/** The last source line (piece) joined into the draft: joining is decided on it alone. */
	tail: string;
	/** A page number was cut from the end of the draft: the next line surely continues it. */
	broken?: boolean;
}

const PAGE_ONLY = /^[ \u3000]*[-—－]?[ \u3000]*\d{1,3}[ \u3000]*[-—－]?[ \u3000]*$/;
const TRAILING_PAGE = /(?<=[\u3400-\u9fff，,、])[ \u3000]+\d{1,3}$/;

/** Space characters a split dropped: the text's length minus its pieces'. */
function visibleGap(text: string, pieces: readonly string[]): number {
	let kept = 0;
	for (const p of pieces) kept += p.length;
	return text.length - kept;
}

/** Should `next` continue the paragraph `prev` across a line (page) break? */
function continues(prev: Draft, next: string): boolean {
	if (prev.broken) return true;
	const p = prev.tail.trimEnd();
	if (p.endsWith('第')) return true;
	if (endsBlock(p)) return false;
	if (markerOf(next)) return false;
	// A line that closes a quotation or a bracket usually ends its paragraph.
	if (/[”’」』》）)]$/.test(p) && !/^[，。、；：！？,.;:!?）”]/.test(next)) return false;
	const marker = markerOf(p);
	if (marker && visibleLength(p) <= 40 && !endsMidClause(p)) {
		// A heading broken by a page break: the rest is a short tail that ends the sentence.
		return hasInnerPunctuation(p) && visibleLength(next) <= 12 && endsSentence(next);
	}
	return endsMidClause(p) || hasInnerPunctuation(p) || visibleLength(p) >= 40;
}

/**
 * @param lines The body lines of one report (blank lines included), in source order.
 * @param log Receives page-number repairs and layout-space counts.
 * @param pagesKnown The source shows its pages (PDF pages, form feeds, decorated folios): its
 *   folios were removed with the page furniture, so a line that is only a number is text (a
 *   table cell pdftotext wrote on a line of its own: `860`), not a page number.
 * @returns Blocks with the source line each starts on.
 */
export function buildBlocks(lines: readonly SourceLine[], log: RepairLog, pagesKnown = false): Block[] {
	const drafts: Draft[] = [];
	let lastFromLine: Draft | null = null;
	// nextNonBlank[i]: index of the first non-blank line after i (linear, no rescans).
	const nextNonBlank = new Array<number>(lines.length);
	for (let i = lines.length - 1, next = -1; i >= 0; i--) {
		nextNonBlank[i] = next;
		if (!isBlank(lines[i])) next = i;
	}
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (isBlank(line)) continue;
		if (!pagesKnown && PAGE_ONLY.test(line.text)) {
			dropLine(log, line.no, 'page-number-at-break');
			continue;
		}
		let text = line.text;
		let broken = false;
		const nextLine = nextNonBlank[i]! >= 0 ? lines[nextNonBlank[i]!] : undefined;
		// (Only a line that ends in a digit can end in a page number: skip the regex otherwise.)
		const last = text.charCodeAt(text.length - 1);
		const page = last >= 0x30 && last <= 0x39 ? TRAILING_PAGE.exec(text) : null;
		if (page && nextLine && /^[\u3400-\u9fff]/.test(nextLine.text.trim()) && !markerOf(nextLine.text.trim())) {
			log.cuts.push({ line: line.no, rule: 'page-number-at-break', text: page[0] });
			log.counts['page-number-at-break'] = (log.counts['page-number-at-break'] ?? 0) + 1;
			text = text.slice(0, page.index);
			broken = true;
		}
		const pieces = splitGluedHeadings(text.trim());
		// The spaces a split removes are layout spaces too: counted, so the repair can be audited.
		if (pieces.length > 1) countRepair(log, 'layout-space', visibleGap(text.trim(), pieces));
		const first = pieces[0]!;
		if (lastFromLine && continues(lastFromLine, first)) {
			lastFromLine.text += first;
			lastFromLine.tail = first;
			lastFromLine.broken = false;
		} else {
			drafts.push({ text: first, line: line.no, tail: first });
		}
		for (let k = 1; k < pieces.length; k++) drafts.push({ text: pieces[k]!, line: line.no, tail: pieces[k]! });
		lastFromLine = drafts[drafts.length - 1]!;
		lastFromLine.broken = broken;
	}
	const paragraphs = drafts.map((d) => ({ text: normaliseSpaces(d.text, 'body', log), line: d.line }));
	return assignHeadings(paragraphs.filter((p) => p.text.length > 0));
}
