/**
 * Small predicates about one line or block of text, shared by the structure steps.
 *
 * Doesn’t look at neighbouring lines; the callers combine these into decisions.
 */
import { unitTable } from './unit-table.ts';
import { HAN, HAN_CLASS } from '../../text/han.ts';

/** Heading marker styles (docs/ingest-spec.md §2): `一、`, `（一）`/`(一)`, `1.`/`1、`. */
export type MarkerStyle = 'cn' | 'paren-cn' | 'num';

const CN = '一二三四五六七八九十';
const MARKERS: ReadonlyArray<[MarkerStyle, RegExp]> = [
	['cn', new RegExp(`^[${CN}]{1,3}、`)],
	['paren-cn', new RegExp(`^[（(][${CN}]{1,3}[）)]`)],
	['num', /^\d{1,2}(?:[、．]|\.(?!\d))/],
];

// The characters a marker can start with (a Chinese numeral, a parenthesis, an ASCII digit), per
// UTF-16 code unit: a line starting with any other is tested by no regex.
const MARKER_START = unitTable(new RegExp(`[${CN}（(0-9]`, 'g'));

/** Heading marker at the start of a line, if any. `一是…` is not a marker. */
export function markerOf(text: string): { style: MarkerStyle; length: number } | null {
	if (text.length === 0 || MARKER_START[text.charCodeAt(0)] === 0) return null;
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

const NOT_KEY = /[^\p{L}\p{N}*]/gu;
const KEY_CHAR = /^[\p{L}\p{N}*]$/u;
// Per UTF-16 code unit, learnt from KEY_CHAR on first sight: 0 not seen yet, 1 kept, 2 dropped,
// 3 a surrogate (a pair is one code point: those texts take the regex).
const KEY_CLASS = new Uint8Array(65536);
KEY_CLASS.fill(3, 0xd800, 0xe000);

/** Comparison key: letters, digits and Han only (spaces and punctuation removed). */
export function keyOf(text: string): string {
	// The kept runs between dropped characters, without running the Unicode-property regex.
	let key = '';
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		let kind = KEY_CLASS[unit]!;
		if (kind === 0) KEY_CLASS[unit] = kind = KEY_CHAR.test(text[i]!) ? 1 : 2;
		if (kind === 1) continue;
		if (kind === 3) return text.replace(NOT_KEY, '').toLowerCase();
		if (i > from) key += text.slice(from, i);
		from = i + 1;
	}
	return (from === 0 ? text : key + text.slice(from)).toLowerCase();
}

// White space as `[\s\u3000]` reads it, per UTF-16 code unit.
const SPACE_UNIT = unitTable(/[\s\u3000]/g);

/** Visible length of a line (spaces not counted). */
export function visibleLength(text: string): number {
	let visible = 0;
	for (let i = 0; i < text.length; i++) visible += 1 - SPACE_UNIT[text.charCodeAt(i)]!;
	return visible;
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
	return /[A-Za-z]/.test(text) && !HAN.test(text);
}

// (A letter-spaced part line collapses whole: `第 一 部 分 学 习 型 企 业` → `第一部分学习型企业`;
// only `部分` is read without a space after it: `第一编辑部` is no part.)
const PART = new RegExp(
	`^(第[${CN}\\d]{1,3}(?:部分|章|编))(?:\\s+(.*)|(?<=部分)([${HAN_CLASS}].*))?$`,
);

/** `第一部分 …` part header or `◆ …` section marker; returns its label. */
export function sectionMarkerOf(text: string): string | null {
	const t = text.trim();
	const diamond = /^[◆◇■□●○★☆▲△]\s*(.+)$/.exec(t);
	if (diamond) return diamond[1]!.trim();
	const part = PART.exec(t);
	if (part && !/[，,。；;]/.test(t) && t.length <= 30)
		return (part[2] ?? part[3] ?? part[1]!).trim();
	return null;
}

/** Join two lines of one wrapped title: no space after a full line or a punctuation mark. */
export function joinTitleLines(a: string, b: string): string {
	const left = a.trim();
	if (visibleLength(left) >= 18 || /[\p{P}]$/u.test(left) || visibleLength(b) <= 8)
		return left + b.trim();
	return `${left} ${b.trim()}`;
}
