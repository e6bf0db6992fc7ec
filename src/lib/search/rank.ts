/**
 * THE order of search results, in one place.
 *
 * Relevance (a query was typed):
 * 1. results whose title, subtitle or unit contains more of the query's terms first (a TOC-only
 *    entry, 正文未收录, is nothing but its title, subtitle and unit: each of its terms is there);
 * 2. then full reports before TOC-only entries;
 * 3. then how often the terms occur, normalised for length: Pagefind's BM25 score of the
 *    terms' n-grams (term frequency saturated and divided by the page's length relative to the
 *    average), summed over the terms, so that a long report does not win by length alone;
 * 4. then the newer date first, undated last (the last tie-break; date ranks are unique).
 *
 * Date orders (新→旧, 旧→新): by date, undated records last in both.
 *
 * Doesn't search: the facts come from Pagefind's results (see the search page's client).
 */

export interface RankFacts {
	/** Number of query terms found in the title, subtitle or unit. */
	headTerms: number;
	/** A TOC-only entry (正文未收录). */
	tocOnly: boolean;
	/** Frequency score normalised for length (higher: the terms occur more often). */
	frequency: number;
	/** Rank of the record's date among all records, ascending (unique; undated lowest). */
	dateRank: number;
	/** No date known. */
	undated: boolean;
}

/** Sorts before (negative) or after (positive) in relevance order. */
function compareRelevance(a: RankFacts, b: RankFacts): number {
	return (
		b.headTerms - a.headTerms ||
		Number(a.tocOnly) - Number(b.tocOnly) ||
		b.frequency - a.frequency ||
		Number(a.undated) - Number(b.undated) ||
		b.dateRank - a.dateRank
	);
}

/** Sorts in a date order, undated last in both directions. */
function compareDate(direction: 'asc' | 'desc'): (a: RankFacts, b: RankFacts) => number {
	return (a, b) =>
		Number(a.undated) - Number(b.undated) ||
		(direction === 'asc' ? a.dateRank - b.dateRank : b.dateRank - a.dateRank);
}

/**
 * @param items Results with their facts.
 * @param order `relevance`, `date-desc` or `date-asc`.
 * @returns A new array in that order (the input is not changed).
 */
export function rankResults<T extends { facts: RankFacts }>(
	items: readonly T[],
	order: 'relevance' | 'date-desc' | 'date-asc',
): T[] {
	const compare =
		order === 'relevance' ? compareRelevance : compareDate(order === 'date-asc' ? 'asc' : 'desc');
	return [...items].sort((a, b) => compare(a.facts, b.facts));
}
