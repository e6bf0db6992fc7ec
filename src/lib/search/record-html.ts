/**
 * The HTML document Pagefind indexes for one search record: the record’s text blocks as
 * ASCII n-gram words (`tokens.ts`), headings kept with their ids (sub-results), and the
 * filters, metadata and sort keys as attribute-form `<meta>` elements (values may contain
 * commas and colons), in the language `RECORD_LANGUAGE`.
 *
 * Doesn’t read files; the words contain only [0-9a-z], so only attribute values need escaping.
 */
import type { PagefindAttributes } from './attributes.ts';
import { foldText, type FoldTable } from './fold.ts';
import type { TextBlock } from './page-blocks.ts';
import { blockTokens, headTokens } from './tokens.ts';

/**
 * Language of the records and of the one index Pagefind writes: `und` (undetermined), because
 * the words are ASCII codes. Any zh* language would make Pagefind run its Chinese segmentation
 * over them for nothing (~20 % of the indexing time). The search page keeps `lang="zh-CN"`: the
 * Pagefind client, finding no `zh-cn` or `zh` index, loads the only one there is.
 */
export const RECORD_LANGUAGE = 'und';

const escapeAttr = (value: string) =>
	value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function metaTag(kind: string, key: string, value: string): string {
	return `<meta data-pagefind-${kind}="${key}[content]" content="${escapeAttr(value)}">`;
}

/**
 * @param blocks Text blocks in reading order (`readPageRecord`, or a TOC-only entry’s lines).
 * @param attributes Filters, metadata and sort keys.
 * @param fold Character fold table applied before tokenising.
 * @param gram Characters per index word.
 * @param language The record's `lang` (default `RECORD_LANGUAGE`).
 * @param headTexts Texts indexed again as head words after the blocks (`headTokens`): a report's
 *   title, subtitle and unit (default none). Their positions come after the record's text, so
 *   positions of the text stay its characters.
 * @returns A complete HTML document.
 */
export function recordHtml(blocks: readonly TextBlock[], attributes: PagefindAttributes, fold: FoldTable, gram: number, language = RECORD_LANGUAGE, headTexts: readonly string[] = []): string {
	const head: string[] = [];
	for (const [key, values] of Object.entries(attributes.filters)) {
		for (const value of values) head.push(metaTag('filter', key, value));
	}
	for (const [key, value] of Object.entries(attributes.meta)) head.push(metaTag('meta', key, value));
	for (const [key, value] of Object.entries(attributes.sort)) head.push(metaTag('sort', key, value));
	const body = blocks.map((block) => {
		const words = blockTokens(foldText(block.text, fold), gram).join(' ');
		const tag = /^h[1-6]$/.test(block.tag) ? block.tag : 'p';
		const id = block.id && tag !== 'p' ? ` id="${escapeAttr(block.id)}"` : '';
		return `<${tag}${id}>${words}</${tag}>`;
	});
	for (const text of headTexts) for (const words of headTokens(foldText(text, fold), gram)) body.push(`<p>${words.join(' ')}</p>`);
	return `<!doctype html><html lang="${language}"><head>${head.join('')}</head><body><main data-pagefind-body>${body.join('\n')}</main></body></html>`;
}
