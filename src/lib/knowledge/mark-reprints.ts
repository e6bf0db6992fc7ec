/**
 * Mark the reprints of a run (`findReprints`) on its catalog and pages: each reprint's catalog
 * record and page frontmatter get `reprintOf: <canonical id>`; nothing else changes.
 *
 * Returns new arrays and objects (the per-source outputs, which the ingest cache holds, are not
 * changed). Doesn't validate: `reprintOf` is an id of the same run's catalog.
 */
import type { Catalog, GeneratedPage } from '../ingest/types.ts';
import { replaceFrontmatter } from '../mdx/replace-frontmatter.ts';
import { findReprints } from './reprints.ts';

/**
 * @param signatures `textSignature` of each report's body, by id.
 */
export function markReprints(
	catalog: Catalog,
	pages: readonly GeneratedPage[],
	signatures: ReadonlyMap<string, string>,
): { reports: Catalog['reports']; pages: GeneratedPage[] } {
	const dates = new Map(catalog.sources.map((s) => [s.file, s.date]));
	const candidates = catalog.reports.flatMap((r) => {
		const text = signatures.get(r.id);
		return text === undefined
			? []
			: [
					{
						id: r.id,
						source: r.source,
						order: r.order,
						compilationDate: dates.get(r.source) ?? null,
						text,
					},
				];
	});
	const reprintOf = findReprints(candidates);
	if (reprintOf.size === 0) return { reports: [...catalog.reports], pages: [...pages] };
	const reports = catalog.reports.map((r) =>
		reprintOf.has(r.id) ? { ...r, reprintOf: reprintOf.get(r.id)! } : r,
	);
	const marked = pages.map((p) => {
		const of = reprintOf.get(p.id);
		if (of === undefined) return p;
		const frontmatter = { ...p.frontmatter, reprintOf: of };
		return { ...p, frontmatter, mdx: replaceFrontmatter(p.mdx, frontmatter) };
	});
	return { reports, pages: marked };
}
