/**
 * Excerpts of search results, cut from the characters of a record by word position (in
 * huibian’s index, word i is character i: see `tokens.ts`).
 *
 * Returns plain segments; the page turns them into text nodes and `<mark>` elements, never HTML.
 */

export interface Segment {
	text: string;
	mark: boolean;
}

/**
 * Find the match of `query` nearest to `hint` (a position Pagefind reported).
 * @returns The start position, or -1 when the characters don’t contain the query.
 */
export function locateMatch(chars: readonly string[], query: readonly string[], hint: number): number {
	const at = (i: number) => i >= 0 && query.every((ch, j) => chars[i + j] === ch);
	if (at(hint)) return hint;
	for (let d = 1; d < chars.length; d++) {
		if (at(hint - d)) return hint - d;
		if (at(hint + d)) return hint + d;
	}
	return -1;
}

/**
 * @param chars Characters of the record (or of its folded form: same length).
 * @param start First matched character; `length` characters are marked.
 * @param radius Characters shown before and after the match (default 40).
 * @returns Segments with `…` where text was cut.
 */
export function excerptSegments(chars: readonly string[], start: number, length: number, radius = 40): Segment[] {
	const from = Math.max(0, start - radius);
	const to = Math.min(chars.length, start + length + radius);
	const segments: Segment[] = [];
	const before = chars.slice(from, start).join('');
	segments.push({ text: (from > 0 ? '…' : '') + before, mark: false });
	segments.push({ text: chars.slice(start, start + length).join(''), mark: true });
	segments.push({ text: chars.slice(start + length, to).join('') + (to < chars.length ? '…' : ''), mark: false });
	return segments.filter((s) => s.text !== '');
}
