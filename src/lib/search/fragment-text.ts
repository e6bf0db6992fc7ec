/**
 * What a search result's Pagefind fragment carries as its text: the record's blocks as the page
 * prints them (script, case, width, punctuation, inner spaces), one block per line, instead of
 * the n-gram words Pagefind indexed. Word position i of the index is the i-th non-whitespace
 * character of this text (`tokens.ts`), so the browser maps a match back to the original.
 * Heading anchors get their heading's text. Three bytes per Chinese character instead of nine.
 *
 * Doesn't read or write files (scripts/lib/search-index.ts does) and doesn't fold.
 */
import type { RenderedBlock } from '../knowledge/rendered-blocks.ts';

/** Separator of blocks in a fragment's content (blocks never contain one: whitespace is collapsed). */
export const BLOCK_SEPARATOR = '\n';

/** The part of a Pagefind 1.6 fragment this module rewrites. */
export interface FragmentText {
	url: string;
	content: string;
	anchors?: Array<{ element: string; id: string; text: string; location: number }>;
}

/** The content of a record's fragment: its blocks' texts, one per line. */
export function fragmentContent(blocks: readonly RenderedBlock[]): string {
	return blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}

/**
 * @param fragment A fragment as Pagefind wrote it (n-gram words).
 * @param blocks The record's blocks (the ones it was indexed from).
 * @returns The fragment with `content` and every anchor's `text` in the original text; other
 *   fields unchanged. Throws when an anchor names an id no block has.
 */
export function rewriteFragment<F extends FragmentText>(
	fragment: F,
	blocks: readonly RenderedBlock[],
): F {
	const byId = new Map(blocks.filter((b) => b.id).map((b) => [b.id!, b.text]));
	const anchors = fragment.anchors?.map((anchor) => {
		const text = byId.get(anchor.id);
		if (text === undefined)
			throw new Error(`${fragment.url}: fragment anchor #${anchor.id} has no block with that id`);
		return { ...anchor, text };
	});
	return { ...fragment, content: fragmentContent(blocks), ...(anchors ? { anchors } : {}) };
}
