/**
 * Find each TOC entry’s title in the body, in TOC order (INGEST-SPEC §1).
 *
 * A title matches a line, or two consecutive non-blank lines (a title wrapped differently
 * than in the TOC), when their keys are equal (spacing and punctuation ignored). When several
 * entries share one slogan title (`创建学习型学校 促进学校可持续发展`), the next non-blank line
 * must match the entry’s subtitle too, so that they are told apart. Entries not
 * found are TOC-only: the book lists them, the text doesn’t hold them.
 *
 * Doesn’t decide where a report ends: the next found title (or the end of the text) does.
 */
import { keyOf } from './line-kinds.ts';
import { isBlank, type SourceLine } from './source-lines.ts';
import type { TocItem } from './parse-toc.ts';

export interface LocatedEntry {
	item: TocItem;
	/** Index in `lines` of the title's first line, or -1 (TOC-only). */
	start: number;
	/** Index of the title's last line. */
	titleEnd: number;
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

function confirms(lines: readonly SourceLine[], after: number, item: TocItem, limit: number): boolean {
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
export function locateReports(lines: readonly SourceLine[], items: readonly TocItem[], from: number): LocatedEntry[] {
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
	for (const item of items) titleCount.set(keyOf(item.title), (titleCount.get(keyOf(item.title)) ?? 0) + 1);
	let cursor = from;
	return items.map((item) => {
		const key = keyOf(item.title);
		const unique = titleCount.get(key) === 1;
		for (const at of keyIndex.get(key.slice(0, 4)) ?? []) {
			if (at < cursor) continue;
			const end = matchTitle(lines, at, key, lines.length);
			if (end >= 0 && (unique || confirms(lines, end, item, lines.length))) {
				cursor = end + 1;
				return { item, start: at, titleEnd: end };
			}
		}
		return { item, start: -1, titleEnd: -1 };
	});
}
