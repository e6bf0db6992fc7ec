/**
 * What the site's knowledge index needs of one report's body, computed from the body HTML and
 * two frontmatter fields only: its excerpt, its named practices with their mentions, and the
 * bigram table of its title and text (for related-by-content). Being a function of
 * `(html, title, namedPractices)` and of this code, it can be kept per report between builds
 * (`src/loaders/knowledge-cache.ts`); `isReportKnowledge` checks a kept value's shape.
 *
 * Doesn't compute anything across reports (df, related lists, the practice index): that is
 * `relatedByBigrams` and `practicesFromReports`, run on all reports' values.
 */
import { excerptFromBlocks } from '../site/excerpt.ts';
import { bodyText, readBodyBlocks } from './rendered-blocks.ts';
import { reportPractices, type ReportPractice } from './collect-practices.ts';
import { bigramTable, type BigramTable } from './bigrams.ts';

export interface ReportKnowledge {
	/** Opening excerpt of the body (`excerptFromBlocks`). */
	excerpt: string;
	/** The named practices with their mentions (`reportPractices`). */
	practices: ReportPractice[];
	/** Bigrams of `${title}\n${body text}` (`bigramTable`). */
	bigrams: BigramTable;
}

/** The frontmatter fields a `ReportKnowledge` depends on. */
export interface ReportKnowledgeInput {
	title: string;
	namedPractices: readonly string[];
}

/**
 * @param html The rendered body.
 * @param data The report's title and named practices.
 */
export function reportKnowledge(html: string, data: ReportKnowledgeInput): ReportKnowledge {
	const blocks = readBodyBlocks(html);
	return {
		excerpt: excerptFromBlocks(blocks),
		practices: reportPractices(data.namedPractices, blocks),
		bigrams: bigramTable(`${data.title}\n${bodyText(blocks)}`),
	};
}

const isString = (x: unknown): x is string => typeof x === 'string';

/** Whether a value read back (e.g. from a cache file) is a `ReportPractice[]`. */
export function isReportPractices(value: unknown): value is ReportPractice[] {
	if (!Array.isArray(value)) return false;
	for (const p of value as unknown[]) {
		if (typeof p !== 'object' || p === null) return false;
		const { printed, key, mention } = p as Record<string, unknown>;
		if (!isString(printed) || !isString(key)) return false;
		if (mention === null) continue;
		if (typeof mention !== 'object' || mention === undefined) return false;
		const { anchor, quote } = mention as Record<string, unknown>;
		if (!isString(anchor) || !isString(quote)) return false;
	}
	return true;
}

/** Whether a value read back (e.g. from a cache file) has the shape of a `ReportKnowledge`. */
export function isReportKnowledge(value: unknown): value is ReportKnowledge {
	if (typeof value !== 'object' || value === null) return false;
	const { excerpt, practices, bigrams } = value as Record<string, unknown>;
	if (!isString(excerpt) || !isReportPractices(practices)) return false;
	if (typeof bigrams !== 'object' || bigrams === null) return false;
	const { codes, counts } = bigrams as Record<string, unknown>;
	return (
		codes instanceof Uint32Array && counts instanceof Uint32Array && codes.length === counts.length
	);
}

/** Related ids by report id, as a list of pairs (how a cache keeps the `Map`). */
export function isRelatedPairs(value: unknown): value is Array<[string, string[]]> {
	return (
		Array.isArray(value) &&
		(value as unknown[]).every(
			(pair) =>
				Array.isArray(pair) &&
				pair.length === 2 &&
				isString(pair[0]) &&
				Array.isArray(pair[1]) &&
				(pair[1] as unknown[]).every(isString),
		)
	);
}
