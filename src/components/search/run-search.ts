/**
 * Run one search of the search page on Pagefind's runtime over huibian's index: every term is
 * an exact phrase search (the results must hold ALL terms: their intersection), a search of the
 * same n-grams without quotes (Pagefind's BM25 score, for the frequency of the terms normalised
 * for length) and an exact search of the head words (title, subtitle, unit); then the results
 * are put in order by `rank.ts`. No fragment is loaded here: every fact comes from result ids.
 *
 * Doesn't render anything.
 */
import { UNDATED_YEAR } from '../../lib/search/attributes';
import type { PreparedQuery } from '../../lib/search/query';
import { rankResults, type RankFacts } from '../../lib/search/rank';
import { FILTERS, pagefindOptions, type SearchState } from '../../lib/search/search-state';
import type { FilterCounts, PagefindApi, PagefindResult } from './pagefind-types';

export interface Hit {
	result: PagefindResult;
	facts: RankFacts;
}

export interface SearchOutcome {
	hits: Hit[];
	/** Filter counts of these hits, or null when they must be computed (`countFilters`). */
	counts: FilterCounts | null;
}

/** Facts about every record, the same for every search: computed once per page. */
interface Records {
	/** Record id → its date rank (ascending). */
	dateRank: Map<string, number>;
	undated: Set<string>;
	toc: Set<string>;
}

const ids = (results: readonly PagefindResult[]) => new Set(results.map((r) => r.id));

export class SearchRunner {
	readonly #pagefind: PagefindApi;
	#records: Promise<Records> | undefined;
	#valueSets = new Map<string, Promise<Set<string>>>();

	constructor(pagefind: PagefindApi) {
		this.#pagefind = pagefind;
	}

	async #search(term: string | null, options: Record<string, unknown>): Promise<PagefindResult[]> {
		const result = await this.#pagefind.search(term, options);
		return result ? result.results : [];
	}

	#allRecords(): Promise<Records> {
		this.#records ??= (async () => {
			const [byDate, undated, toc] = await Promise.all([
				this.#search(null, { sort: { date: 'asc' } }),
				this.#search(null, { filters: { year: { any: [UNDATED_YEAR] } } }),
				this.#search(null, { filters: { kind: { any: ['toc'] } } }),
			]);
			return {
				dateRank: new Map(byDate.map((r, i) => [r.id, i])),
				undated: ids(undated),
				toc: ids(toc),
			};
		})();
		return this.#records;
	}

	/** Ids of the records with filter value `key=value` (cached). */
	#withValue(key: string, value: string): Promise<Set<string>> {
		const name = `${key}\u0000${value}`;
		let set = this.#valueSets.get(name);
		if (!set) {
			set = this.#search(null, { filters: { [key]: { any: [value] } } }).then(ids);
			this.#valueSets.set(name, set);
		}
		return set;
	}

	/**
	 * @param query The prepared query (no terms: filters only, by date).
	 * @param state Filters and sort order.
	 */
	async run(query: PreparedQuery, state: SearchState): Promise<SearchOutcome> {
		const { filters } = pagefindOptions(state);
		const records = await this.#allRecords();
		const factsOf = (id: string, headTerms = 0, frequency = 0): RankFacts => ({
			headTerms: records.toc.has(id) ? query.terms.length : headTerms,
			tocOnly: records.toc.has(id),
			frequency,
			dateRank: records.dateRank.get(id) ?? -1,
			undated: records.undated.has(id),
		});
		if (query.terms.length === 0) {
			const found = await this.#pagefind.search(null, { filters, sort: { date: 'desc' } });
			const hits = (found?.results ?? []).map((result) => ({ result, facts: factsOf(result.id) }));
			return {
				hits: rankResults(hits, state.sort === 'date-asc' ? 'date-asc' : 'date-desc'),
				counts: found?.filters ?? {},
			};
		}
		const perTerm = await Promise.all(
			query.terms.map(async (term) => {
				const unquoted = term.pagefind.replace(/"/g, '');
				const [exact, scored, head] = await Promise.all([
					this.#pagefind.search(term.pagefind, { filters }),
					unquoted === term.pagefind ? null : this.#search(unquoted, { filters }),
					this.#search(term.head, { filters }),
				]);
				const results = exact?.results ?? [];
				const score = new Map((scored ?? results).map((r) => [r.id, r.score]));
				return { results, counts: exact?.filters ?? {}, score, head: ids(head) };
			}),
		);
		const [first, ...rest] = perTerm;
		const others = rest.map((t) => ids(t.results));
		const hits: Hit[] = first!.results
			.filter((r) => others.every((set) => set.has(r.id)))
			.map((result) => {
				const headTerms = perTerm.filter((t) => t.head.has(result.id)).length;
				const frequency = perTerm.reduce((sum, t) => sum + (t.score.get(result.id) ?? 0), 0);
				return { result, facts: factsOf(result.id, headTerms, frequency) };
			});
		return {
			hits: rankResults(hits, state.sort),
			counts: perTerm.length === 1 ? first!.counts : null,
		};
	}

	/**
	 * Filter counts of a set of hits (for a query of several terms, whose intersection Pagefind
	 * does not count): for each value in `all`, how many hits have it.
	 */
	async countFilters(hits: readonly Hit[], all: FilterCounts): Promise<FilterCounts> {
		const mine = new Set(hits.map((h) => h.result.id));
		const counts: FilterCounts = {};
		for (const { key } of FILTERS) {
			counts[key] = {};
			for (const value of Object.keys(all[key] ?? {})) {
				const set = await this.#withValue(key, value);
				let n = 0;
				for (const id of mine) if (set.has(id)) n++;
				counts[key][value] = n;
			}
		}
		return counts;
	}
}
