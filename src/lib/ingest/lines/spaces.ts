/**
 * Layout spaces (docs/ingest-spec.md §6.4): remove the spaces that are typesetting residue, keep the
 * ones that separate phrases or words.
 *
 * - letter-spacing of a whole short line is collapsed: `前 言`, `市 科 技 局`, `前　　言` → `前言`;
 * - spaces between CJK and digits/Latin go: `职工 37 人` → `职工37人`, `企业 A 管理` → `企业A管理`;
 * - spaces next to punctuation go when the other side is CJK: `。 街道` → `。街道`, `组织 (OECD)` →
 *   `组织(OECD)`;
 * - between two Han characters: kept in titles (`强素质 促发展`); in body text removed when they
 *   are sparse soft-wrap residue (`受教 育`), kept when dense (a list of names and posts);
 * - between two Latin words: kept, runs collapsed to one space.
 *
 * Doesn’t remove anything but spaces, tabs and U+3000; every removal is counted as `layout-space`.
 */
import { countRepair, type RepairLog } from './repair-log.ts';
import { HAN, HAN_CLASS } from '../../text/han.ts';

const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2030-\u205e\u00b7]/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const ALNUM = /[A-Za-z0-9]/;
const LETTER_SPACED = new RegExp(`^[${HAN_CLASS}](?:[ \\u3000]+[${HAN_CLASS}])+$`);
// A space run between two Han characters (counted with exec; its matches are never empty).
const HAN_GAP = new RegExp(`[${HAN_CLASS}][ \\u3000]+(?=[${HAN_CLASS}])`, 'g');

/** True for a line like `市 科 技 局` (single Han characters separated by spaces). */
export function isLetterSpaced(text: string): boolean {
	return text.length <= 24 && LETTER_SPACED.test(text.trim());
}

function kind(ch: string | undefined): 'han' | 'cjkp' | 'alnum' | 'asciip' | 'none' | 'other' {
	if (ch === undefined) return 'none';
	if (HAN.test(ch)) return 'han';
	if (CJK_PUNCT.test(ch)) return 'cjkp';
	if (ALNUM.test(ch)) return 'alnum';
	if (ASCII_PUNCT.test(ch)) return 'asciip';
	return 'other';
}

/**
 * Normalise the spaces of one block of text.
 * @param text One title, heading or paragraph (no line breaks).
 * @param mode `title` keeps spaces between Han characters; `body` removes sparse ones.
 * @param log Receives the `layout-space` count.
 */
export function normaliseSpaces(text: string, mode: 'title' | 'body', log: RepairLog): string {
	if (!/[ \t\u3000]/.test(text)) return text;
	let removed = 0;
	const trimmed = text.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, () => (removed++, ''));
	if (isLetterSpaced(trimmed)) {
		const out = trimmed.replace(/[ \u3000]+/g, () => (removed++, ''));
		countRepair(log, 'layout-space', removed);
		return out;
	}
	let hanGaps = 0;
	if (mode === 'body') {
		HAN_GAP.lastIndex = 0;
		while (HAN_GAP.exec(trimmed) !== null) hanGaps++;
	}
	// One gap in a sentence with clause marks is residue too (`明确工作责 任,局…`), however short.
	const sparse =
		mode === 'body' &&
		hanGaps > 0 &&
		((trimmed.length >= 50 && trimmed.length / hanGaps >= 30) ||
			(hanGaps === 1 && trimmed.length >= 20 && /[，,；;][^ \u3000]*[。！？!?]$/.test(trimmed)));
	const out = trimmed.replace(/[ \t\u3000]+/g, (run, offset: number) => {
		const a = kind(trimmed[offset - 1]);
		const b = kind(trimmed[offset + run.length]);
		let keep: boolean;
		if (a === 'han' && b === 'han') keep = !sparse;
		else if (a === 'cjkp' || b === 'cjkp') keep = false;
		else if ((a === 'han' && b === 'alnum') || (a === 'alnum' && b === 'han')) keep = false;
		else if ((a === 'asciip' && b === 'han') || (a === 'han' && b === 'asciip')) keep = false;
		else keep = true;
		if (!keep) {
			removed++;
			return '';
		}
		if (run === ' ') return run;
		removed++;
		return ' ';
	});
	countRepair(log, 'layout-space', removed);
	return out;
}
