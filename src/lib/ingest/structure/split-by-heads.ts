/**
 * Find the reports of a book without a usable TOC by their heads (issue 21 item 3): a report
 * starts at a title line (one or two short lines without sentence punctuation) followed by a
 * `——` subtitle, or by a unit line and then its body (a sentence or a heading `一、`), when the
 * previous report has ended (a sign-off with a date, a finished sentence) or nothing came before.
 *
 * @example
 *   …南沟村党支部⏎二〇一一年六月三日⏎⏎学习兴村 实干富民⏎——平川县南沟村创建…⏎南沟村党支部⏎南沟村把学习…。
 *   → a report starts at `学习兴村 实干富民`
 *
 * Doesn’t read the reports (see `build-report.ts`), and finds nothing in a source with fewer
 * than two heads: one head is a single article.
 */
import { endsSentence, isSubtitleLine, markerOf } from '../lines/line-kinds.ts';
import { isTitleLike } from '../report/report-header.ts';
import { isBookMatter } from './parse-toc.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { SpanDraft } from './span.ts';
import { isUnitLine } from '../report/unit.ts';
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

/** Body text: a sentence, or a heading of the ladder (`一、`, `（一）`, `1.`). */
function isBodyStart(text: string): boolean {
	return endsSentence(text) || markerOf(text.trim()) !== null || text.trim().length > 40;
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
): number {
	const text = (j: number) =>
		idx[j] === undefined || (first && j < k) ? '' : lines[idx[j]!]!.text;
	const titleLike = (t: string) =>
		isPrintedTitle(t) && !isSignOffDate(t) && !isUnitLine(t, unitWords);
	// A title may end like a unit (`学习兴村`) when a subtitle follows it.
	const titled =
		titleLike(text(k)) ||
		(isPrintedTitle(text(k)) && !isSignOffDate(text(k)) && isDashSubtitle(text(k + 1)));
	const before = text(k - 1);
	// The book's own matter (前言, 后记) is no report.
	if (isBookMatter(text(k).trim())) return 0;
	// Right after a dated sign-off, a title line and then body text (no subtitle, no unit line).
	if (
		k > 0 &&
		isSignOffDate(before) &&
		isPrintedTitle(text(k)) &&
		!isSignOffDate(text(k)) &&
		isBodyStart(text(k + 1))
	)
		return 1;
	if (!titled) return 0;
	// The previous report has ended, or nothing came before.
	if (
		k > 0 &&
		!first &&
		!(isSignOffDate(before) || endsSentence(before) || isUnitLine(before, unitWords))
	)
		return 0;
	for (const n of [1, 2]) {
		if (n === 2 && !(titleLike(text(k + 1)) && !isSubtitleLine(text(k + 1)))) break;
		const after = text(k + n);
		if (isDashSubtitle(after)) return n;
		if (isUnitLine(after, unitWords) && isBodyStart(text(k + n + 1))) return n;
	}
	return 0;
}

/**
 * @param lines All lines of the source.
 * @param from Index of the first line to look at (after a cover or a TOC).
 * @param unitWords Unit words from the vocabulary.
 * @returns One span per head (each running to the next head or the end), or [] below two heads.
 */
export function splitByHeads(
	lines: readonly SourceLine[],
	from: number,
	unitWords: readonly string[],
): SpanDraft[] {
	const idx: number[] = [];
	for (let i = from; i < lines.length; i++) if (!isBlank(lines[i])) idx.push(i);
	const starts: number[] = [];
	for (let k = 0; k < idx.length; k++) {
		// The first head may follow a cover (no sentence before it): test it as if first.
		const n =
			headAt(lines, idx, k, unitWords) ||
			(starts.length === 0 && headAt(lines, idx, k, unitWords, true));
		if (n) starts.push(idx[k]!);
	}
	if (starts.length === 0) return [];
	// Reports found by their sign-offs only: the first one has no sign-off before it, but starts
	// at the first title line followed by body text after the cover.
	const firstBody = idx.findIndex((i) => i < starts[0]! && isBodyStart(lines[i]!.text));
	if (
		firstBody > 0 &&
		isPrintedTitle(lines[idx[firstBody - 1]!]!.text) &&
		!isSignOffDate(lines[idx[firstBody - 1]!]!.text)
	)
		starts.unshift(idx[firstBody - 1]!);
	if (starts.length < 2) return [];
	return starts.map((start, order): SpanDraft => {
		let end = starts[order + 1] ?? lines.length;
		while (end > start + 1 && isBlank(lines[end - 1])) end--;
		return { start, end, order, webLabel: null, bundle: false };
	});
}

/**
 * Heads of reports the TOC doesn't list, inside a located report's span: a head right after a
 * sign-off date (a report that has ended) would otherwise be merged into the report above it.
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
		if (isSignOffDate(lines[idx[k - 1]!]!.text) && headAt(lines, idx, k, unitWords))
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
		// A date after a sentence, or after a signing unit after a sentence (not a cover date).
		else if (isSignOffDate(t) && (endsSentence(prev) || (prev.length <= 30 && endsSentence(prev2))))
			signOffs++;
		prev2 = prev;
		prev = t;
	}
	return { signOffs, subtitles };
}
