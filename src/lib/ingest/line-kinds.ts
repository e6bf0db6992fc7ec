/**
 * Small predicates about one line or block of text, shared by the structure steps.
 *
 * Doesn’t look at neighbouring lines; the callers combine these into decisions.
 */

/** Heading marker styles (INGEST-SPEC §2): `一、`, `（一）`/`(一)`, `1.`/`1、`. */
export type MarkerStyle = 'cn' | 'paren-cn' | 'num';

const CN = '一二三四五六七八九十';
const MARKERS: ReadonlyArray<[MarkerStyle, RegExp]> = [
	['cn', new RegExp(`^[${CN}]{1,3}、`)],
	['paren-cn', new RegExp(`^[（(][${CN}]{1,3}[）)]`)],
	['num', /^\d{1,2}(?:[、．]|\.(?!\d))/],
];

/** Heading marker at the start of a line, if any. `一是…` is not a marker. */
export function markerOf(text: string): { style: MarkerStyle; length: number } | null {
	for (const [style, re] of MARKERS) {
		const m = re.exec(text);
		if (m) return { style, length: m[0].length };
	}
	return null;
}

/** Pattern source of any marker, for splitting glued headings. */
export const MARKER_SOURCE = `(?:[${CN}]{1,3}、|[（(][${CN}]{1,3}[）)]|\\d{1,2}(?:[、．]|\\.(?!\\d)))`;

/** Ends a sentence: `。！？!?` (or `…`), optionally followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
	const t = text.trimEnd();
	// Only the end can match: test the last characters (the whole line when it ends in a long run
	// of closing marks, where the cut could change the answer).
	const tail = t.length > 40 && !/^[”’」』）)》\]】]+$/.test(t.slice(-38)) ? t.slice(-40) : t;
	return /(?:[。！？!?…]|(?<![A-Za-z])\.)(?:[”’」』）)》\]】]*)$/.test(tail);
}

/** Ends with a clause mark that always continues on the next line (`，`, `、`). */
export function endsMidClause(text: string): boolean {
	return /[，,、]$/.test(text.trimEnd());
}

/** Ends a block without ending a sentence (`；`, `：`): the next line starts a new block. */
export function endsBlock(text: string): boolean {
	return /[；;：:]$/.test(text.trimEnd()) || endsSentence(text);
}

/**
 * Has clause or sentence punctuation inside (not only at the end). ASCII `!` and `?` don’t
 * count: they occur in markup-like text (`<!--`) more often than in Chinese sentences.
 */
export function hasInnerPunctuation(text: string): boolean {
	return /[，,。；;！？]/.test(text.trimEnd().slice(0, -1));
}

/** Comparison key: letters, digits and Han only (spaces and punctuation removed). */
export function keyOf(text: string): string {
	return text.replace(/[^\p{L}\p{N}*]/gu, '').toLowerCase();
}

/** Visible length of a line (spaces not counted). */
export function visibleLength(text: string): number {
	return text.replace(/[\s\u3000]/g, '').length;
}

/** A subtitle line: starts with `——`, `—` or `- ` (TOC or body). */
export function isSubtitleLine(text: string): boolean {
	return /^\s*(?:—{1,2}|－{1,2}|-{1,2}\s)/.test(text);
}

/** Normalise a subtitle to a leading `——`. */
export function normaliseSubtitle(text: string): string {
	return `——${text.trim().replace(/^(?:—{1,2}|－{1,2}|-{1,2})\s*/, '')}`;
}

/** A line of Latin text without any Han character (pinyin part header, English abstract). */
export function isLatinOnly(text: string): boolean {
	return /[A-Za-z]/.test(text) && !/[\u3400-\u9fff]/.test(text);
}

/** `第一部分 …` part header or `◆ …` section marker; returns its label. */
export function sectionMarkerOf(text: string): string | null {
	const t = text.trim();
	const diamond = /^[◆◇■□●○★☆▲△]\s*(.+)$/.exec(t);
	if (diamond) return diamond[1]!.trim();
	const part = new RegExp(`^(第[${CN}\\d]{1,3}(?:部分|章|编))(?:\\s+(.*))?$`).exec(t);
	if (part && !/[，,。；;]/.test(t) && t.length <= 30) return (part[2] ?? part[1]!).trim();
	return null;
}

/** Join two lines of one wrapped title: no space after a full line or a punctuation mark. */
export function joinTitleLines(a: string, b: string): string {
	const left = a.trim();
	if (visibleLength(left) >= 18 || /[\p{P}]$/u.test(left) || visibleLength(b) <= 8) return left + b.trim();
	return `${left} ${b.trim()}`;
}
