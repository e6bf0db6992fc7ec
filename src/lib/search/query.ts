/**
 * Turn what a reader typed into search terms: whitespace separates terms that must ALL occur
 * (each as a substring, anywhere in the report); a quoted phrase ("学习型 社区") is one term whose
 * inner spaces don't count. Each term is folded (`fold.ts`) and written as the Pagefind queries
 * of huibian's index (`tokens.ts`): over the text, and over the head words.
 *
 * Doesn’t run the search.
 */
import { foldText, type FoldTable } from './fold.ts';
import { headQuery, pagefindQuery, searchChars } from './tokens.ts';

export interface QueryTerm {
	/** The term as typed (a phrase without its quotes), for the query echo and `?hl=`. */
	typed: string;
	/** Folded characters the results must contain, whitespace removed. */
	chars: string[];
	/** Query for `pagefind.search` over the text. */
	pagefind: string;
	/** The same over head words (title, subtitle, unit). */
	head: string;
}

export interface PreparedQuery {
	/** Terms in the order typed, duplicates removed; empty for filters-only browsing. */
	terms: QueryTerm[];
}

/** Parse a fold table shipped as a string of pairs (`學学習习…`). */
export function foldTableFromPairs(pairs: string): FoldTable {
	const chars = [...pairs];
	const table: Record<string, string> = {};
	for (let i = 0; i + 1 < chars.length; i += 2) table[chars[i]!] = chars[i + 1]!;
	return table;
}

/**
 * Split a query into its terms: quoted phrases (ASCII `"`; an unclosed quote runs to the end)
 * and whitespace-separated words.
 * @example splitTerms('学习 "社区 教育" TRIZ') → ['学习', '社区 教育', 'TRIZ']
 */
export function splitTerms(typed: string): string[] {
	const terms: string[] = [];
	for (const match of typed.matchAll(/"([^"]*)"?|[^\s"]+/gu)) {
		const term = (match[1] ?? match[0]).trim();
		if (term) terms.push(term);
	}
	return terms;
}

/**
 * @param typed The query as typed (`學習型 社區`: two terms).
 * @param fold Fold table.
 * @param gram Characters per index word of the site’s index.
 */
export function prepareQuery(typed: string, fold: FoldTable, gram: number): PreparedQuery {
	const terms: QueryTerm[] = [];
	const seen = new Set<string>();
	for (const text of splitTerms(typed)) {
		const chars = searchChars(foldText(text, fold));
		const key = chars.join('');
		const pagefind = pagefindQuery(key, gram);
		const head = headQuery(key, gram);
		if (pagefind === null || head === null || seen.has(key)) continue;
		seen.add(key);
		terms.push({ typed: text, chars, pagefind, head });
	}
	return { terms };
}

/** What the page says was searched: `“学习”和“社区”`, `“学习型社区”`. */
export function queryEcho(query: PreparedQuery): string {
	return query.terms.map((t) => `“${t.typed.replace(/\s+/gu, '')}”`).join('和');
}
