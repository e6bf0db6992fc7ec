/**
 * Find each TOC entry’s title in the body, in TOC order (docs/ingest-spec.md §1).
 *
 * A title matches a line, or two consecutive non-blank lines (a title wrapped differently
 * than in the TOC), when their keys are equal (spacing and punctuation ignored). When several
 * entries share one slogan title (`创建学习型学校 促进学校可持续发展`), the next non-blank line
 * must match the entry’s subtitle too, so that they are told apart. Entries not
 * found are TOC-only: the book lists them, the text doesn’t hold them.
 *
 * Doesn’t decide where a report ends: the next found title (or the end of the text) does.
 */
import { isSubtitleLine, keyOf } from '../lines/line-kinds.ts';
import { looseMatch, type MatchKind } from './match-title.ts';
import { isTitleLike } from '../report/report-header.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { TocItem } from './parse-toc.ts';

export interface LocatedEntry {
	item: TocItem;
	/** Index in `lines` of the title's first line, or -1 (TOC-only). */
	start: number;
	/** Index of the title's last line. */
	titleEnd: number;
	/**
	 * How the title was found: `exact` (keys equal), `prefix`/`contains`/`edits` (loose), or
	 * `subtitle`/`unit` (the title differs, the entry's subtitle or unit follows it).
	 */
	match?: MatchKind | 'subtitle' | 'unit';
}

function nextNonBlank(lines: readonly SourceLine[], from: number, limit: number): number {
	for (let i = from; i < limit; i++) if (!isBlank(lines[i])) return i;
	return -1;
}

/** Does the line at `at` (alone or with the next non-blank line) carry `key`? Returns its last index. */
function matchTitle(lines: readonly SourceLine[], at: number, key: string, limit: number): number {
	const first = keyOf(lines[at]!.text);
	if (first === key) return at;
	if (first.length === 0 || first.length >= key.length || !key.startsWith(first)) return -1;
	const next = nextNonBlank(lines, at + 1, limit);
	if (next < 0 || keyOf(lines[at]!.text + lines[next]!.text) !== key) return -1;
	return next;
}

function confirms(
	lines: readonly SourceLine[],
	after: number,
	item: TocItem,
	limit: number,
): boolean {
	const expected = item.subtitle ?? null;
	if (!expected) return true;
	const next = nextNonBlank(lines, after + 1, limit);
	return next >= 0 && keyOf(lines[next]!.text) === keyOf(expected);
}

/**
 * @param lines All lines of the source.
 * @param items TOC report items, in printed order.
 * @param from Index of the first body line (after the TOC).
 * @returns One entry per item, in order; found entries have increasing `start`.
 */
export function locateReports(
	lines: readonly SourceLine[],
	items: readonly TocItem[],
	from: number,
): LocatedEntry[] {
	const keyIndex = new Map<string, number[]>();
	for (let i = from; i < lines.length; i++) {
		if (isBlank(lines[i]) || lines[i]!.text.length > 120) continue;
		// The first four key characters come from the line's start (more than four, so that no
		// case mapping of the fourth depends on a character cut off).
		const head = keyOf(lines[i]!.text.slice(0, 24));
		const k = (head.length > 4 ? head : keyOf(lines[i]!.text)).slice(0, 4);
		if (k.length === 0) continue;
		const list = keyIndex.get(k);
		if (list) list.push(i);
		else keyIndex.set(k, [i]);
	}
	// A title shared by several entries needs its subtitle to confirm the match; a unique title
	// doesn't (the body may print the title without its subtitle).
	const titleCount = new Map<string, number>();
	for (const item of items)
		titleCount.set(keyOf(item.title), (titleCount.get(keyOf(item.title)) ?? 0) + 1);
	let cursor = from;
	const located = items.map((item): LocatedEntry => {
		for (const reading of [{ title: item.title, unit: item.unit }, ...(item.alternatives ?? [])]) {
			const key = keyOf(reading.title);
			const unique = titleCount.get(keyOf(item.title)) === 1;
			for (const at of keyIndex.get(key.slice(0, 4)) ?? []) {
				if (at < cursor) continue;
				const end = matchTitle(lines, at, key, lines.length);
				if (end >= 0 && (unique || confirms(lines, end, item, lines.length))) {
					cursor = end + 1;
					if (reading.title !== item.title)
						Object.assign(item, reading, { alternatives: undefined });
					return { item, start: at, titleEnd: end, match: 'exact' };
				}
			}
		}
		return { item, start: -1, titleEnd: -1 };
	});
	locateLoosely(lines, located, from);
	return located;
}

/** The line just before `at` is blank (or `at` opens the range): a title starts a block. */
function opensBlock(lines: readonly SourceLine[], at: number, from: number): boolean {
	if (at === from || isBlank(lines[at - 1])) return true;
	const prev = lines[at - 1]!.text;
	return !isTitleLike(prev) || isDateLine(prev);
}

/** A short line that is (or ends in) a date: a sign-off, never a title. */
function isDateLine(text: string): boolean {
	const t = text.trim();
	return (
		t.length <= 24 &&
		/[\d〇○零一二三四五六七八九十]{2,4}\s*年(?:[\d〇○零一二三四五六七八九十]{1,2}\s*月(?:[\d〇○零一二三四五六七八九十]{1,3}\s*日)?)?$/.test(
			t,
		)
	);
}

/** The next `n` non-blank lines after `after`, as keys. */
function keysAfter(
	lines: readonly SourceLine[],
	after: number,
	limit: number,
	n: number,
): Array<{ at: number; key: string }> {
	const out: Array<{ at: number; key: string }> = [];
	for (let i = after + 1; i < limit && out.length < n; i++)
		if (!isBlank(lines[i])) out.push({ at: i, key: keyOf(lines[i]!.text) });
	return out;
}

/** A loose or second-key match of one entry at line `at`: its kind and the title's last line. */
function looseAt(
	lines: readonly SourceLine[],
	at: number,
	item: TocItem,
	limit: number,
): { end: number; match: LocatedEntry['match'] } | null {
	const text = lines[at]!.text;
	if (!isTitleLike(text) || isDateLine(text)) return null;
	const key = keyOf(item.title);
	const [next, after] = keysAfter(lines, at, limit, 2);
	const subKey = item.subtitle ? keyOf(item.subtitle) : null;
	const unitKey = item.unit ? keyOf(item.unit) : null;
	// A different subtitle under the line: another report's head.
	const subtitleClash = (end: number) => {
		const [n] = keysAfter(lines, end, limit, 1);
		return (
			subKey !== null &&
			n !== undefined &&
			isSubtitleLine(lines[n.at]!.text) &&
			n.key !== subKey &&
			!looseMatch(subKey, n.key)
		);
	};
	const one = looseMatch(key, keyOf(text));
	if (one && !subtitleClash(at)) return { end: at, match: one };
	if (next && isTitleLike(lines[next.at]!.text) && !isSubtitleLine(lines[next.at]!.text)) {
		const two = looseMatch(key, keyOf(text) + next.key);
		if (two && !subtitleClash(next.at)) return { end: next.at, match: two };
	}
	for (const k of [next, after]) {
		if (!k) continue;
		if (subKey !== null && k.key === subKey)
			return {
				end:
					k === after &&
					next &&
					isTitleLike(lines[next.at]!.text) &&
					!isSubtitleLine(lines[next.at]!.text)
						? next.at
						: at,
				match: 'subtitle',
			};
		if (unitKey !== null && k.key === unitKey && k === next) return { end: at, match: 'unit' };
	}
	return null;
}

/**
 * Entries not found exactly are looked for loosely between the found entries around them
 * (in TOC order, so a loose match can never jump over an exact one).
 */
function locateLoosely(lines: readonly SourceLine[], located: LocatedEntry[], from: number): void {
	for (let k = 0; k < located.length; k++) {
		if (located[k]!.start >= 0) continue;
		const prev = located
			.slice(0, k)
			.reverse()
			.find((e) => e.start >= 0);
		const next = located.slice(k + 1).find((e) => e.start >= 0);
		const lo = prev ? prev.titleEnd + 1 : from;
		const hi = next ? next.start : lines.length;
		for (let at = lo; at < hi; at++) {
			if (isBlank(lines[at]) || !opensBlock(lines, at, lo)) continue;
			const found = looseAt(lines, at, located[k]!.item, hi);
			if (found) {
				located[k] = { item: located[k]!.item, start: at, titleEnd: found.end, match: found.match };
				break;
			}
		}
	}
}
