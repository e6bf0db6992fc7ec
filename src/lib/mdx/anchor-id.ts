/**
 * Stable ASCII anchor ids derived from text: `<prefix>-<hash>` (FNV-1a, 32 bit, base 36),
 * with `-2`, `-3` … for repeated text in one page. Doesn’t depend on position, so an anchor
 * survives edits elsewhere in the page.
 */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

/**
 * @param prefix `h` for headings, `p` for paragraphs.
 * @param text The block's visible text.
 * @param seen Counter shared by one page, to make repeats unique.
 */
export function anchorId(prefix: string, text: string, seen: Map<string, number>): string {
	const base = `${prefix}-${fnv1a(text.trim()).toString(36)}`;
	const n = (seen.get(base) ?? 0) + 1;
	seen.set(base, n);
	return n === 1 ? base : `${base}-${n}`;
}
