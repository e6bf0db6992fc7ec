/**
 * Where a report describes a named practice: the block that describes it and a short quote.
 *
 * Picks, among the paragraphs that print the quoted name, the one that defines it (the name
 * followed by `即`, `：`, `就是`, `包括` …), else the first paragraph that prints it, else the
 * first heading that prints it (quoting the paragraph after that heading). The quote is the
 * sentence that prints the name, extended by the next sentence while it explains the name,
 * cut to `max` characters.
 *
 * Doesn’t judge what the name means: two units' descriptions are returned independently.
 */
import { isHeading, type RenderedBlock } from './rendered-blocks.ts';

export interface PracticeMention {
	/** Anchor id of the describing block (`p-…` or `h-…`). */
	anchor: string;
	/** A short quote from the report, verbatim except for a leading/trailing `…`. */
	quote: string;
}

const DEFINES =
	/^[”"」]?[^，。；]{0,12}?[，。：:（(]?\s*(?:即|就是|是指|指的是|包括|具体是|主要是|内容是|也就是)/u;
const SENTENCE_END = /[。！？；!?]/u;

function sentences(text: string): string[] {
	const out: string[] = [];
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		if (SENTENCE_END.test(text[i]!)) {
			out.push(text.slice(start, i + 1));
			start = i + 1;
		}
	}
	if (start < text.length) out.push(text.slice(start));
	return out;
}

/** The sentence that prints `needle`, plus the following ones up to `max` characters. */
export function quoteAround(text: string, needle: string, max = 140): string {
	const parts = sentences(text);
	const at = parts.findIndex((s) => s.includes(needle));
	if (at < 0) return cut(text, max);
	let quote = parts[at]!;
	for (let i = at + 1; i < parts.length && [...quote].length < 60; i++) quote += parts[i];
	const prefix = at > 0 ? '…' : '';
	return prefix + cut(quote.trim(), max);
}

function cut(text: string, max: number): string {
	const chars = [...text];
	return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/**
 * @param blocks The report's body blocks (from `readBodyBlocks`).
 * @param key The practice's grouping key (`practiceKey`), e.g. `四个一`.
 * @returns The describing block and a quote, or null when no block prints the name.
 */
export function findMention(
	blocks: readonly RenderedBlock[],
	key: string,
	max = 140,
): PracticeMention | null {
	const printed = (text: string) => {
		const t = text.normalize('NFKC');
		const i = t.indexOf(key);
		return i < 0 ? -1 : i;
	};
	let first: RenderedBlock | null = null;
	for (const block of blocks) {
		if (isHeading(block)) continue;
		const i = printed(block.text);
		if (i < 0) continue;
		first ??= block;
		if (DEFINES.test(block.text.normalize('NFKC').slice(i + key.length))) {
			return {
				anchor: block.id ?? '',
				quote: quoteAround(block.text, nameIn(block.text, key), max),
			};
		}
	}
	if (first)
		return { anchor: first.id ?? '', quote: quoteAround(first.text, nameIn(first.text, key), max) };
	const h = blocks.findIndex((b) => isHeading(b) && printed(b.text) >= 0);
	if (h < 0) return null;
	const next = blocks.slice(h + 1).find((b) => !isHeading(b));
	return {
		anchor: blocks[h]!.id ?? '',
		quote: cut(blocks[h]!.text + (next ? ` ${next.text}` : ''), max),
	};
}

/** The name as printed in this text (full-width digits kept), for locating its sentence. */
function nameIn(text: string, key: string): string {
	const norm = text.normalize('NFKC');
	const i = norm.indexOf(key);
	// NFKC keeps the length of CJK text and of full-width ASCII, so offsets carry over.
	return norm.length === text.length && i >= 0 ? text.slice(i, i + key.length) : key;
}
