/**
 * Read the sign-off at the end of a report (docs/ingest-spec.md §2): author (`作者:X`, `（执笔：X）`),
 * date (`二〇〇九年一月十八日`), and the unit printed before the date
 * (`五九七农场街道办事处2011年6月18日`, `XX街道XX村党总支⏎2011年5月`).
 *
 * Doesn’t remove the sign-off from the body (it is the report’s own text), and doesn’t fall
 * back to the compilation’s date.
 */
import type { IngestBlock } from '../types.ts';
import { findDates, findReportDate } from './metadata/index.ts';
import { unitOfLines } from './unit.ts';
import type { DatedAs } from '../../frontmatter.ts';

export interface SignOff {
	author: string | null;
	unit: string | null;
	date: (DatedAs & { line: number }) | null;
}

const AUTHOR =
	/^[（(]?\s*(?:执\s*笔|作\s*者|撰\s*稿)\s*(?:人)?\s*[:：]\s*([^（）()]{1,30}?)\s*[）)]?$/;

/** `作者:马宏均` → `马宏均`; `（执笔：邬德华）` → `邬德华`. */
export function authorOf(text: string): string | null {
	const m = AUTHOR.exec(text.trim());
	return m ? m[1]!.trim() || null : null;
}

// A date that is only a placeholder (`20xx年x月`, `***年***月`, `XX年X月X日`): it still closes a
// sign-off, so the unit above it is the report's, but it is no date.
const PLACEHOLDER_DATE =
	/^[\dxX*＊×Ｘ〇○零一二三四五六七八九]{2,4}\s*年(?:\s*[\dxX*＊×Ｘ一二三四五六七八九十]{1,3}\s*月(?:\s*[\dxX*＊×Ｘ一二三四五六七八九十]{1,3}\s*[日号])?)?$/u;

/** True for a line that is a placeholder date and nothing else. */
function isPlaceholderDate(text: string): boolean {
	const t = text.trim();
	return PLACEHOLDER_DATE.test(t) && /[xX*＊×Ｘ]/u.test(t);
}

/**
 * The unit on the sign-off lines that end just above `end` (exclusive), read upwards: one unit
 * line, a joint unit on two or three lines, or a unit wrapped over two lines.
 */
function unitAbove(
	blocks: readonly IngestBlock[],
	end: number,
	unitWords: readonly string[],
): string | null {
	for (let start = Math.max(0, end - 3); start < end; start++) {
		const texts = blocks.slice(start, end).map((b) => b.text);
		if (texts.some((t) => t.length > 40)) continue;
		const found = unitOfLines(texts, unitWords);
		if (found && found.lines === texts.length) return found.unit;
	}
	return null;
}

/**
 * @param blocks The report's cleaned blocks.
 * @param unitWords Unit words from the vocabulary.
 * @param notAuthor Line numbers no author is read from (bylines of heads warned about).
 */
export function readSignOff(
	blocks: readonly IngestBlock[],
	unitWords: readonly string[] = [],
	notAuthor?: ReadonlySet<number>,
): SignOff {
	const out: SignOff = { author: null, unit: null, date: null };
	const tail = blocks.slice(-4);
	// (Not from a line warned about: the byline of a head not made a report.)
	for (const b of tail) if (!notAuthor?.has(b.line)) out.author = authorOf(b.text) ?? out.author;
	const texts = blocks.map((b) => b.text);
	const found = findReportDate(texts);
	if (found && found.lineIndex >= blocks.length - 4) {
		const block = blocks[found.lineIndex]!;
		out.date = { date: found.date, precision: found.precision, line: block.line };
		const last = findDates(block.text).at(-1);
		const before = last ? block.text.slice(0, last.index).trim() : '';
		out.unit =
			(before ? unitOfLines([before], unitWords)?.unit : null) ??
			unitAbove(blocks, found.lineIndex, unitWords);
		return out;
	}
	// No readable date: a placeholder date line, or the unit alone as the last line.
	let end = blocks.length;
	while (end > 0 && authorOf(blocks[end - 1]!.text)) end--;
	const lastText = blocks[end - 1]?.text ?? '';
	if (isPlaceholderDate(lastText)) out.unit = unitAbove(blocks, end - 1, unitWords);
	else if (end >= 2 && blocks[end - 1]!.type === 'paragraph' && blocks[0]!.text.length > 40)
		out.unit = unitAbove(blocks, end, unitWords);
	return out;
}
