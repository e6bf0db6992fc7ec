/**
 * Turn what a reader typed into the characters matched and the Pagefind query.
 *
 * Doesn’t run the search.
 */
import { foldText, type FoldTable } from './fold.ts';
import { pagefindQuery, searchChars } from './tokens.ts';

export interface PreparedQuery {
	/** Folded characters the results must contain, whitespace removed. */
	chars: string[];
	/** Query for `pagefind.search`, or null for filters-only browsing. */
	pagefind: string | null;
}

/** Parse a fold table shipped as a string of pairs (`學学習习…`). */
export function foldTableFromPairs(pairs: string): FoldTable {
	const chars = [...pairs];
	const table: Record<string, string> = {};
	for (let i = 0; i + 1 < chars.length; i += 2) table[chars[i]!] = chars[i + 1]!;
	return table;
}

/**
 * @param typed The query as typed (`學習型 社區`).
 * @param fold Fold table.
 * @param gram Characters per index word of the site’s index.
 */
export function prepareQuery(typed: string, fold: FoldTable, gram: number): PreparedQuery {
	const chars = searchChars(foldText(typed, fold));
	return { chars, pagefind: pagefindQuery(chars.join(''), gram) };
}
