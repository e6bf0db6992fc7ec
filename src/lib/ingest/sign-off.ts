/**
 * Read the sign-off at the end of a report (INGEST-SPEC §2): author (`作者:X`, `（执笔：X）`),
 * date (`二〇〇九年一月十八日`), and the unit printed before the date
 * (`五九七农场街道办事处2011年6月18日`, `XX街道XX村党总支⏎2011年5月`).
 *
 * Doesn’t remove the sign-off from the body (it is the report’s own text), and doesn’t fall
 * back to the compilation’s date.
 */
import type { Block } from './types.ts';
import { findReportDate } from './metadata/index.ts';
import { isUnitLine } from './unit.ts';

export interface SignOff {
	author: string | null;
	unit: string | null;
	date: { date: string; precision: 'day' | 'month' | 'year'; line: number } | null;
}

const AUTHOR = /^[（(]?\s*(?:执\s*笔|作\s*者|撰\s*稿)\s*(?:人)?\s*[:：]\s*([^（）()]{1,30}?)\s*[）)]?$/;

/** `作者:马宏均` → `马宏均`; `（执笔：邬德华）` → `邬德华`. */
export function authorOf(text: string): string | null {
	const m = AUTHOR.exec(text.trim());
	return m ? m[1]!.trim() || null : null;
}

/**
 * @param blocks The report's cleaned blocks.
 * @param unitWords Unit words from the vocabulary.
 */
export function readSignOff(blocks: readonly Block[], unitWords: readonly string[] = []): SignOff {
	const out: SignOff = { author: null, unit: null, date: null };
	const tail = blocks.slice(-4);
	for (const b of tail) out.author = authorOf(b.text) ?? out.author;
	const texts = blocks.map((b) => b.text);
	const found = findReportDate(texts);
	if (found && found.lineIndex >= blocks.length - 4) {
		const block = blocks[found.lineIndex]!;
		out.date = { date: found.date, precision: found.precision, line: block.line };
		const before = block.text.replace(/[\d〇○◯零一二三四五六七八九十两Oo０-９]+\s*年.*$|\d{4}[-./].*$/, '').trim();
		if (before && isUnitLine(before, unitWords)) out.unit = before;
		else {
			const prev = blocks[found.lineIndex - 1];
			if (prev && isUnitLine(prev.text, unitWords)) out.unit = prev.text.trim();
		}
	}
	return out;
}
