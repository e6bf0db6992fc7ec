/**
 * Collapse letter-spaced (分散对齐) lines before any field is read from them: `前 言` → `前言`,
 * `第 一 部 分` → `第一部分`, `二 〇 一 一   年 六   月` → `二〇一一年六月`; and join the pieces of one
 * such line that an extractor wrote on lines of their own (`二` ⏎ `〇 一 一` ⏎ `年 六` ⏎ `月`, with
 * blank or removed lines between them, on one page) into its last line.
 *
 * A letter-spaced line holds only single ideographs (with 〇/○ and full-width digits) separated
 * by spaces, at least two of them, at most 24 characters in all; a run of pieces (one to four
 * characters each) is joined when one of them is letter-spaced. Removes spaces only (counted as
 * `layout-space`); a piece moved on leaves a blank line, so the text keeps its order and the
 * no-loss check still reads it, and is logged in `log.movedLines` (the line accounting gives it
 * the place of the line that holds its text). Doesn’t touch a line with a phrase space (`强素质 促发展`).
 */
import { countRepair, type RepairLog } from '../lines/repair-log.ts';
import type { SourceLine } from '../lines/source-lines.ts';
import { HAN_CLASS } from '../../text/han.ts';

const CH = `[${HAN_CLASS}○◯０-９◆]`;
const SPACED_RUN = new RegExp(`^${CH}+(?:[ \\u3000]+${CH}+)+$`);

/**
 * Letter-spaced: single characters between spaces, all of them or (an extractor may lose a
 * narrow gap: `二 〇一 一 年 六 月`) at least three groups of which 60% are single characters.
 */
function isSpaced(text: string): boolean {
	if (!SPACED_RUN.test(text)) return false;
	const groups = text.split(/[ \u3000]+/);
	const single = groups.filter((g) => g.length === 1).length;
	return single === groups.length || (groups.length >= 3 && single / groups.length >= 0.6);
}
const PIECE = new RegExp(`^${CH}{1,2}(?:[ \\u3000]+${CH}{1,2}){0,5}$`);

function spacesIn(text: string): number {
	return (text.match(/[ \u3000]+/g) ?? []).length;
}

/**
 * @param lines Source lines, changed in place.
 * @param log Receives the `layout-space` count.
 * @param dropped Line numbers already removed as furniture (a piece may sit across them).
 * @param pageOfLine 1-based page of each line: pieces are never joined across a page break.
 */
export function collapseLetterSpaced(
	lines: SourceLine[],
	log: RepairLog,
	dropped: ReadonlyMap<number, unknown>,
	pageOfLine: readonly number[],
): void {
	for (let i = 0; i < lines.length; i++) {
		// (A long line is body text, even with layout spaces before it: don't trim it.)
		if (lines[i]!.text.length > 96) continue;
		const t = lines[i]!.text.trim();
		// Without a space, only a piece of one or two characters can take part.
		if (t.length > 24 || (t.length > 2 && !/[ \u3000]/.test(t)) || !(PIECE.test(t) || isSpaced(t)))
			continue;
		// The run of pieces from here (blank or removed lines between them, one page).
		const run = [i];
		let length = t.replace(/[ \u3000]+/g, '').length;
		for (let j = i + 1; j < lines.length && pageOfLine[j] === pageOfLine[i]; j++) {
			const next = lines[j]!;
			const n = next.text.trim();
			if (n === '' || dropped.has(next.no)) continue;
			const bare = n.replace(/[ \u3000]+/g, '').length;
			if (!(PIECE.test(n) || isSpaced(n)) || length + bare > 24) break;
			run.push(j);
			length += bare;
		}
		const spaced = run.some((k) => isSpaced(lines[k]!.text.trim()));
		if (!spaced || (run.length === 1 && length < 2)) continue;
		// Lines are pieces of one line only when one of them is a lone character (`二`, `月`):
		// `编　者` ⏎ `目　录`, or `目　录` ⏎ a TOC's column heads, are lines of their own.
		if (run.length > 1 && !run.some((k) => lines[k]!.text.trim().length === 1)) run.splice(1);
		// The whole line goes on the run's last line: a report that ends with it still ends there.
		let text = '';
		let removed = 0;
		for (const k of run) {
			const raw = lines[k]!.text;
			text += raw.replace(/[ \u3000]+/g, '');
			removed += spacesIn(raw);
			lines[k] = { no: lines[k]!.no, text: '' };
		}
		const last = run[run.length - 1]!;
		lines[last] = { no: lines[last]!.no, text };
		for (const k of run.slice(0, -1))
			(log.movedLines ??= new Map()).set(lines[k]!.no, lines[last]!.no);
		countRepair(log, 'layout-space', removed);
		i = last;
	}
}
