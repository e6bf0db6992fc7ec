/**
 * A report's pages in its compilation: the folios printed on its pages when it comes from a PDF;
 * else from the printed table of contents: from its entry's
 * page to the next report entry's page minus one; the last entry (or one whose next entry has
 * no usable page) cites its first page only. Section markers don't end a range.
 *
 * Doesn’t guess: a report without a TOC entry or page number has no range (null).
 */
import type { SourceRecord } from '../frontmatter.ts';

export interface PageRange {
	first: number;
	/** Last page, or null when only the first page is known. Never less than `first`. */
	last: number | null;
}

/** The range of the folios printed on a PDF report's first and last pages, if both are numbers. */
function printedRange(folios: readonly [string | null, string | null]): PageRange | null {
	const [first, last] = folios.map((f) => (f !== null && /^\d+$/.test(f) ? Number(f) : null));
	if (first === null || first === undefined || first < 1) return null;
	return { first, last: last !== null && last !== undefined && last >= first ? last : null };
}

/**
 * @param toc The compilation's table of contents, in printed order.
 * @param reportId The report's id.
 * @param folios A PDF report's printed folios (first and last page): they win over the TOC.
 */
export function pageRange(
	toc: SourceRecord['toc'],
	reportId: string,
	folios?: readonly [string | null, string | null],
): PageRange | null {
	const printed = folios ? printedRange(folios) : null;
	if (printed) return printed;
	const entries = toc.filter((e) => e.kind === 'report');
	const at = entries.findIndex((e) => e.reportId === reportId);
	const entry = entries[at];
	if (!entry || entry.page === null) return null;
	const nextPage = entries[at + 1]?.page ?? null;
	if (nextPage === null || nextPage - 1 < entry.page) return { first: entry.page, last: null };
	return { first: entry.page, last: nextPage - 1 };
}

/** `12-15`, or `12` when the range is one page or only its first page is known. */
export function formatPages(range: PageRange, dash = '-'): string {
	return range.last === null || range.last === range.first
		? String(range.first)
		: `${range.first}${dash}${range.last}`;
}
