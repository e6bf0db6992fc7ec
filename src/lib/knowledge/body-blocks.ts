/**
 * The blocks of a rendered report body: each heading and paragraph with its anchor id and
 * visible text, in order. Works on the HTML of the site's own renderer (`renderMdx`), whose
 * blocks are flat `<p id="p-…">` and `<hN id="h-…">` elements; strips inline tags and decodes
 * the character references rehype-stringify emits.
 *
 * Doesn’t parse arbitrary HTML (no nesting of blocks, no comments, no CDATA) and doesn’t
 * compute ids: it reads the ids the renderer wrote, so a link built from them always resolves.
 */
import { decodeEntities } from '../site/excerpt.ts';

export interface BodyBlock {
	type: 'heading' | 'paragraph';
	/** The element's id (`p-1x2y3z`, `h-…`), '' when the element has none. */
	id: string;
	/** Visible text, whitespace runs collapsed to one space, trimmed. */
	text: string;
}

const BLOCK = /<(p|h[1-6])\b([^>]*)>([\s\S]*?)<\/\1>/g;
const ID = /\sid="([^"]*)"/;

/**
 * @param html A rendered report body.
 * @returns Its headings and paragraphs, in document order; empty blocks are skipped.
 */
export function bodyBlocks(html: string): BodyBlock[] {
	const blocks: BodyBlock[] = [];
	for (const m of html.matchAll(BLOCK)) {
		const text = decodeEntities((m[3] ?? '').replace(/<[^>]*>/g, ''))
			.replace(/\s+/g, ' ')
			.trim();
		if (!text) continue;
		blocks.push({
			type: m[1] === 'p' ? 'paragraph' : 'heading',
			id: decodeEntities(ID.exec(m[2] ?? '')?.[1] ?? ''),
			text,
		});
	}
	return blocks;
}

/**
 * The full text of a report as the data downloads define it: the visible text of every
 * heading and paragraph of the rendered body, in order, joined by one blank line (`\n\n`).
 * Doesn’t include the title, subtitle or any metadata (those are fields of their own).
 */
export function bodyText(blocks: readonly BodyBlock[]): string {
	return blocks.map((b) => b.text).join('\n\n');
}
