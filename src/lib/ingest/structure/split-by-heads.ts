/**
 * Find the reports of a book without a usable TOC by their heads (issue 21 item 3): a report
 * starts at a title line (one or two short lines without sentence punctuation) followed by a
 * `——` subtitle, or by a unit line and then its body (a sentence or a heading `一、`), when the
 * previous report has ended (a sign-off with a date, an author's `作者：X`, a finished sentence)
 * or nothing came before. Right after a sign-off, a title line over its body is a head too (an
 * essay has no subtitle or unit line: `作者：李红梅⏎让读书成为机关干部的习惯⏎读书是…。`).
 *
 * @example
 *   …南沟村党支部⏎二〇一一年六月三日⏎⏎学习兴村 实干富民⏎——平川县南沟村创建…⏎南沟村党支部⏎南沟村把学习…。
 *   → a report starts at `学习兴村 实干富民`
 *
 * Doesn’t read the reports (see `build-report.ts`), and finds nothing in a source with fewer
 * than two heads: one head is a single article.
 */
import {
	endsMidClause,
	endsSentence,
	isSubtitleLine,
	markerOf,
	visibleLength,
} from '../lines/line-kinds.ts';
import { isTitleLike } from '../report/report-header.ts';
import { isBookMatter } from './parse-toc.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { SpanDraft } from './span.ts';
import { isUnitLine } from '../report/unit.ts';
import { authorOf } from '../report/sign-off.ts';
import { HAN_CLASS, countHan } from '../../text/han.ts';

const DATE_TAIL =
	/[\d〇○零一二三四五六七八九十]{2,4}[ \u3000]*年(?:[ \u3000]*[\d〇○零一二三四五六七八九十]{1,2}[ \u3000]*月(?:[ \u3000]*[\d〇○零一二三四五六七八九十]{1,3}[ \u3000]*日)?)?$/;

/** A sign-off date: a short line that is, or ends in, a date (`二〇一一年五月十二日`). */
function isSignOffDate(text: string): boolean {
	const t = text.trim();
	return t.length <= 30 && DATE_TAIL.test(t) && !/[，,。；;]/.test(t);
}

/**
 * A title line as books print it: opens with a Han character or an opening quote or bracket,
 * and holds at least four Han characters (not `# 不是标题`, `- item`).
 */
const TITLE_START = new RegExp(`^[${HAN_CLASS}“‘「『《（(]`);

function isPrintedTitle(text: string): boolean {
	const t = text.trim();
	return TITLE_START.test(t) && countHan(t) >= 4 && isTitleLike(t);
}

/** A subtitle as books print it: `——`/`—`/`－－` (an ASCII `- ` is a list item as often). */
function isDashSubtitle(text: string): boolean {
	return /^[ \u3000]*(?:—{1,2}|－{1,2})/.test(text);
}

/**
 * Body text: a sentence, or a heading of the ladder (`一、`, `（一）`, `1.`); a line wrapped at
 * the measure of a narrow page shows a sentence ending inside it (`…重要基础。几年来我们…`).
 */
function isBodyStart(text: string): boolean {
	return (
		endsSentence(text) ||
		markerOf(text.trim()) !== null ||
		text.trim().length > 40 ||
		/[。！？][^。！？]/.test(text.trim())
	);
}

/** A line that closes a report: a dated sign-off, or an author's `作者：X` (it closes the text above it). */
function isSignOff(text: string): boolean {
	return isSignOffDate(text) || authorOf(text) !== null;
}

/** A body line that breaks off: no sentence end, in prose (a clause mark in it, or ending in one). */
function breaksOff(text: string): boolean {
	const t = text.trim();
	return !endsSentence(t) && (endsMidClause(t) || (t.length >= 12 && /[，、；]/.test(t)));
}

/**
 * A head found where the text before it has not ended: `cut`, made a report (a title and a
 * `——` subtitle at the top of a page, or after a sign-off, when the sentence before broke off);
 * `kept`, not made one (a title line over body text after a sign-off whose text broke off).
 * `at` is the head's index in `lines`, `open` the index of the line that broke off.
 */
export interface HeadNote {
	/** `byline`: a title over `作者：X` and body, the only head of that shape: not made a report. */
	kind: 'cut' | 'kept' | 'byline';
	at: number;
	open: number;
}

/** What `headAt` reads besides the lines: the page of each line, and where to note uncertain heads. */
interface HeadContext {
	pageOfLine?: readonly number[];
	notes?: HeadNote[];
	/** A sign-off ends the report above, whatever the text above it (a head that is warned about). */
	trustSignOff?: boolean;
	/**
	 * Heads shaped title ⏎ `作者：X` ⏎ body: `accept` makes them heads (the source prints two or
	 * more), else each is pushed to `found` only.
	 */
	byline?: { accept: boolean; found: number[] };
}

/** One look for a head: the text of non-blank line `j` (of `idx`), the line `k`, its context. */
interface Probe {
	text: (j: number) => string;
	k: number;
	idx: readonly number[];
	unitWords: readonly string[];
	ctx: HeadContext;
}

/** A line that can be a title: printed as one, and neither a sign-off date nor a unit line. */
function isTitleCandidate(t: string, unitWords: readonly string[]): boolean {
	return isPrintedTitle(t) && !isSignOffDate(t) && !isUnitLine(t, unitWords);
}

/**
 * The last line of text above the sign-off that ends at k−1 (its dates, author and unit
 * lines skipped), when it breaks off mid-sentence: the report above has not ended (a page of
 * columns read out of order puts a sign-off among the lines of the other column); else −1.
 */
function openAbove({ text, k, unitWords }: Probe): number {
	let j = k - 1;
	for (let n = 0; n < 3 && j >= 0 && (isSignOff(text(j)) || isUnitLine(text(j), unitWords)); n++)
		j--;
	return j >= 0 && j < k - 1 && breaksOff(text(j)) ? j : -1;
}

/**
 * Whether a sign-off ends right before line k — a date, or an author line under text that
 * ended (not the byline under a title: `让读书成为习惯⏎作者：王建国⏎读书的意义⏎…` is one
 * essay) — and whether line k is a title right after it over body text (no subtitle, no unit).
 */
function afterSignOff({ text, k }: Probe): { signOffBefore: boolean; signedOff: boolean } {
	const before = text(k - 1);
	const signOffBefore =
		isSignOffDate(before) || (authorOf(before) !== null && k >= 2 && endsSentence(text(k - 2)));
	const signedOff =
		k > 0 &&
		signOffBefore &&
		isPrintedTitle(text(k)) &&
		!isSignOffDate(text(k)) &&
		isBodyStart(text(k + 1)) &&
		visibleLength(text(k + 1)) >= 8;
	return { signOffBefore, signedOff };
}

/**
 * The head's title line count at k: over a `——` subtitle, or over a unit line and the body,
 * or (an essay's head) over the author's byline and the body, recorded in `ctx.byline`; else 0.
 */
function headShape({ text, k, idx, unitWords, ctx }: Probe): number {
	for (const n of [1, 2]) {
		if (n === 2 && !(isTitleCandidate(text(k + 1), unitWords) && !isSubtitleLine(text(k + 1))))
			break;
		const after = text(k + n);
		if (isDashSubtitle(after)) return n;
		if (isUnitLine(after, unitWords) && isBodyStart(text(k + n + 1))) return n;
		// An essay's head: its title over the author's byline, then its body. A title of two
		// lines is one wrapped (its first line as long as the second, 12 characters or more);
		// else the line above is the book's: `机关读书文集⏎让读书成为习惯⏎作者：李文远⏎…`.
		const wrapped =
			n === 2 &&
			visibleLength(text(k)) >= 12 &&
			visibleLength(text(k)) >= visibleLength(text(k + 1));
		if (
			(n === 1 || wrapped) &&
			ctx.byline &&
			authorOf(after) !== null &&
			isBodyStart(text(k + n + 1))
		) {
			if (!ctx.byline.found.includes(idx[k]!)) ctx.byline.found.push(idx[k]!);
			if (ctx.byline.accept) return n;
		}
	}
	return 0;
}

/** Note a head at k (made a report or kept in the text above) where the text at `at` broke off. */
function note({ idx, k, ctx }: Probe, kind: HeadNote['kind'], at: number): void {
	ctx.notes?.push({ kind, at: idx[k]!, open: idx[at]! });
}

/**
 * A title where the report above has not ended: a head only over a `——` subtitle, when the
 * text before broke off above a sign-off (`open`) or at the foot of a page; else 0.
 */
function headAfterOpenText(probe: Probe, open: number, signedOff: boolean): number {
	const { text, k, idx, unitWords, ctx } = probe;
	const pages = ctx.pageOfLine;
	const newPage =
		pages !== undefined &&
		(pages[idx[k - 1]!] ?? 1) !== (pages[idx[k]!] ?? 1) &&
		breaksOff(text(k - 1));
	const subtitled =
		isDashSubtitle(text(k + 1)) ||
		(isTitleCandidate(text(k + 1), unitWords) && isDashSubtitle(text(k + 2)));
	if (subtitled && (open >= 0 || newPage)) {
		note(probe, 'cut', open >= 0 ? open : k - 1);
		return isDashSubtitle(text(k + 1)) ? 1 : 2;
	}
	if (open >= 0 && (signedOff || headShape(probe) > 0)) note(probe, 'kept', open);
	return 0;
}

/**
 * Is there a report head at non-blank line number `k` (of `idx`)? Returns the head's title
 * line count (1 or 2), or 0.
 */
function headAt(
	lines: readonly SourceLine[],
	idx: readonly number[],
	k: number,
	unitWords: readonly string[],
	first = false,
	ctx: HeadContext = {},
): number {
	const text = (j: number) =>
		idx[j] === undefined || (first && j < k) ? '' : lines[idx[j]!]!.text;
	const probe: Probe = { text, k, idx, unitWords, ctx };
	// A title may end like a unit (`学习兴村`) when a subtitle follows it.
	const titled =
		isTitleCandidate(text(k), unitWords) ||
		(isPrintedTitle(text(k)) && !isSignOffDate(text(k)) && isDashSubtitle(text(k + 1)));
	const before = text(k - 1);
	// The book's own matter (前言, 后记) is no report.
	if (isBookMatter(text(k).trim())) return 0;
	const open = k > 0 && !first && !ctx.trustSignOff ? openAbove(probe) : -1;
	const { signOffBefore, signedOff } = afterSignOff(probe);
	if (signedOff && open < 0) return 1;
	if (!titled) {
		if (signedOff) note(probe, 'kept', open);
		return 0;
	}
	// The previous report has ended, or nothing came before; or the text before it broke off at
	// the foot of a page or above a sign-off, and a title over a `——` subtitle starts a report.
	const ended =
		k === 0 ||
		first ||
		(open < 0 && (signOffBefore || endsSentence(before) || isUnitLine(before, unitWords)));
	return ended ? headShape(probe) : headAfterOpenText(probe, open, signedOff);
}

/** What one pass over the lines looking for heads is given besides them. */
interface HeadPass {
	idx: readonly number[];
	unitWords: readonly string[];
	pageOfLine: readonly number[] | undefined;
	/** Heads shaped title ⏎ 作者：X ⏎ body: made heads when `accept`, else only found. */
	byline: { accept: boolean; found: number[] };
	/** Receives the heads noted as uncertain (none on the first pass). */
	notes: HeadNote[] | undefined;
	/** The title's last line of each head whose title of two lines is over a byline (filled). */
	bylineTitleEnd: Map<number, number>;
}

/** The line index of every head found in one pass (the first may follow a cover). */
function headStarts(lines: readonly SourceLine[], pass: HeadPass): number[] {
	const { idx, unitWords, pageOfLine, byline } = pass;
	const starts: number[] = [];
	for (let k = 0; k < idx.length; k++) {
		// The first head may follow a cover (no sentence before it): test it as if first.
		const n =
			headAt(lines, idx, k, unitWords, false, { pageOfLine, notes: pass.notes, byline }) ||
			(starts.length === 0 && headAt(lines, idx, k, unitWords, true, { byline }));
		if (n) starts.push(idx[k]!);
		// A title of two lines over a byline: the head reader takes both lines as the title.
		if (n === 2 && authorOf(lines[idx[k + 2]!]?.text ?? '') !== null)
			pass.bylineTitleEnd.set(idx[k]!, idx[k + 1]!);
	}
	return starts;
}

/**
 * Reports found by their sign-offs only: the first one has no sign-off before it, but starts
 * at the first title line followed by body text after the cover; null when there is none.
 */
function firstUnsignedStart(
	lines: readonly SourceLine[],
	idx: readonly number[],
	firstHead: number,
): number | null {
	const firstBody = idx.findIndex((i) => i < firstHead && isBodyStart(lines[i]!.text));
	if (
		firstBody > 0 &&
		isPrintedTitle(lines[idx[firstBody - 1]!]!.text) &&
		!isSignOffDate(lines[idx[firstBody - 1]!]!.text)
	)
		return idx[firstBody - 1]!;
	return null;
}

/** One span per head, each running to the next head or the end (trailing blank lines cut). */
function spansAt(
	lines: readonly SourceLine[],
	starts: readonly number[],
	bylineTitleEnd: ReadonlyMap<number, number>,
): SpanDraft[] {
	return starts.map((start, order): SpanDraft => {
		let end = starts[order + 1] ?? lines.length;
		while (end > start + 1 && isBlank(lines[end - 1])) end--;
		const titleEnd = bylineTitleEnd.get(start);
		return {
			start,
			end,
			order,
			webLabel: null,
			bundle: false,
			...(titleEnd === undefined ? {} : { titleEnd }),
		};
	});
}

/**
 * @param lines All lines of the source.
 * @param from Index of the first line to look at (after a cover or a TOC).
 * @param unitWords Unit words from the vocabulary.
 * @param pageOfLine 1-based page of each line (a head at the top of a page may follow a cut sentence).
 * @param notes Receives the heads found, or not made reports, where the text before them broke off.
 * @returns One span per head (each running to the next head or the end), or [] below two heads.
 */
export function splitByHeads(
	lines: readonly SourceLine[],
	from: number,
	unitWords: readonly string[],
	pageOfLine?: readonly number[],
	notes?: HeadNote[],
): SpanDraft[] {
	const idx: number[] = [];
	for (let i = from; i < lines.length; i++) if (!isBlank(lines[i])) idx.push(i);
	// Heads shaped title ⏎ 作者：X ⏎ body count when the source prints two or more of them; one
	// alone is named (a note), not made a report.
	const found: number[] = [];
	const bylineTitleEnd = new Map<number, number>();
	const pass = { idx, unitWords, pageOfLine, bylineTitleEnd };
	headStarts(lines, { ...pass, byline: { accept: false, found }, notes: undefined });
	const accept = found.length >= 2;
	const starts = headStarts(lines, { ...pass, byline: { accept, found }, notes });
	// One alone under body text stays in the report above: named. (An essay's own head, under
	// nothing or a cover line, is not.)
	if (!accept)
		for (const at of found)
			if (idx.some((i) => i < at && isBodyStart(lines[i]!.text)))
				notes?.push({ kind: 'byline', at, open: at });
	if (starts.length === 0) return [];
	const unsigned = firstUnsignedStart(lines, idx, starts[0]!);
	if (unsigned !== null) starts.unshift(unsigned);
	if (starts.length < 2) return [];
	return spansAt(lines, starts, bylineTitleEnd);
}

/**
 * Heads of reports the TOC doesn't list, inside a located report's span: a head right after a
 * sign-off date (a report that has ended) would otherwise be merged into the report above it.
 * (A head found here is split off with a warning, `toc:unlisted-report`, so the text above the
 * sign-off is not read: `headAt` trusts the sign-off.)
 * @returns Indices in `lines` where such reports start, in order.
 */
export function unlistedHeads(
	lines: readonly SourceLine[],
	from: number,
	to: number,
	unitWords: readonly string[],
): number[] {
	const idx: number[] = [];
	for (let i = from; i < to; i++) if (!isBlank(lines[i])) idx.push(i);
	const out: number[] = [];
	for (let k = 1; k < idx.length; k++) {
		if (
			isSignOffDate(lines[idx[k - 1]!]!.text) &&
			headAt(lines, idx, k, unitWords, false, { trustSignOff: true })
		)
			out.push(idx[k]!);
	}
	return out;
}

/** What a source shows of several reports: sign-offs, `——` subtitles (outside a TOC). */
export function reportSignals(
	lines: readonly SourceLine[],
	skip: (index: number) => boolean,
): { signOffs: number; subtitles: number } {
	let signOffs = 0;
	let subtitles = 0;
	let prev = '';
	let prev2 = '';
	for (let i = 0; i < lines.length; i++) {
		if (isBlank(lines[i]) || skip(i)) continue;
		const t = lines[i]!.text;
		if (isDashSubtitle(t)) subtitles++;
		// A date after a sentence, or after a signing unit after a sentence (not a cover date); an
		// author's `作者：X` after a sentence.
		else if (isSignOffDate(t) && (endsSentence(prev) || (prev.length <= 30 && endsSentence(prev2))))
			signOffs++;
		else if (authorOf(t) !== null && endsSentence(prev)) signOffs++;
		prev2 = prev;
		prev = t;
	}
	return { signOffs, subtitles };
}
