/**
 * One search record as the index writer takes it (`pagefind-writer.ts`, `index-words.ts`), from
 * the text blocks a report page shows (`page-blocks.ts`) or a TOC-only entry's lines, and its
 * Pagefind attributes: the fragment carries the original text (`fragment-text.ts`), the words
 * are made from the folded text, heading anchors point at their heading's first character.
 *
 * Doesn't read files and doesn't number pages (the caller gives the date rank).
 */
import { TOC_ONLY_KIND, type PagefindAttributes } from './attributes.ts';
import { foldText, type FoldTable } from './fold.ts';
import { fragmentContent } from './fragment-text.ts';
import { recordChars, type RecordChars } from './index-words.ts';
import type { RenderedBlock } from '../knowledge/rendered-blocks.ts';
import type { IndexAnchor, IndexPage } from './pagefind-writer.ts';

export interface SearchRecordInput {
	url: string;
	blocks: readonly RenderedBlock[];
	attributes: PagefindAttributes;
}

/**
 * @param input The record.
 * @param fold Fold table (traditional → simplified).
 * @param sortValue Its `date` sort value (its rank in date order, zero-padded).
 * @returns The writer's page and characters, or null when the record has no text (Pagefind too
 *   leaves a page without words out).
 */
export function searchRecord(
	input: SearchRecordInput,
	fold: FoldTable,
	sortValue: string,
): { page: IndexPage; chars: RecordChars } | null {
	const { url, blocks, attributes } = input;
	const kind = attributes.meta.kind ?? 'report';
	// head words: reports whose title, subtitle or unit holds a query (`index-words.ts`); a TOC-only record is all head
	const heads =
		kind === TOC_ONLY_KIND
			? []
			: [attributes.meta.title, attributes.meta.subtitle, attributes.meta.unit].filter(
					(t): t is string => Boolean(t),
				);
	const chars = recordChars(
		blocks.map((b) => ({ tag: b.tag, text: foldText(b.text, fold) })),
		heads.map((h) => foldText(h, fold)),
	);
	if (chars.chars.length === 0) return null;
	const anchors: IndexAnchor[] = [];
	blocks.forEach((block, i) => {
		if (block.id && /^h[1-6]$/.test(block.tag))
			anchors.push({
				element: block.tag,
				id: block.id,
				text: block.text,
				location: chars.blockStarts[i]!,
			});
	});
	const page: IndexPage = {
		url,
		content: fragmentContent(blocks),
		wordCount: chars.chars.length,
		// `kind` filter on TOC-only records only: the search page reads them off it (relevance
		// order); on every report it would list every page in a filter chunk every search loads
		filters: kind === TOC_ONLY_KIND ? { ...attributes.filters, kind: [kind] } : attributes.filters,
		meta: attributes.meta,
		sort: { date: sortValue },
		anchors,
	};
	return { page, chars };
}
