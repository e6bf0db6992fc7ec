/**
 * The opening excerpt of a rendered report body: the text of its paragraphs, in order, cut
 * to about `max` characters.
 *
 * Works on the blocks of the one reader of rendered pages (`readBodyBlocks`): skips headings.
 * Doesn’t sanitise for HTML output: the result is plain text, to be rendered as text (escaped
 * by Astro).
 */
import type { RenderedBlock } from '../knowledge/rendered-blocks.ts';

/**
 * @param blocks The body's blocks (`readBodyBlocks`), in order.
 * @param max Characters to keep (code points), default 80; `…` is added when text was cut.
 * @returns Plain text, '' when the body has no paragraph.
 */
export function excerptFromBlocks(blocks: readonly RenderedBlock[], max = 80): string {
	const parts: string[] = [];
	let length = 0;
	for (const block of blocks) {
		if (block.tag !== 'p' || !block.text) continue;
		parts.push(block.text);
		length += [...block.text].length;
		if (length > max) break;
	}
	const chars = [...parts.join(' ')];
	return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
