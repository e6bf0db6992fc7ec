/**
 * The retired ids of the registry as catalog records (`catalog.json` `retired`), for the pages
 * that stand at their old URLs. A `movedTo` is always an id of a report of the catalog (the
 * registry's chains are followed already); a removed report names its compilation when that
 * source is still in the catalog.
 *
 * Doesn't render anything.
 */
import type { Catalog, RetiredReport } from '../frontmatter.ts';
import type { Registry } from './id-registry.ts';

export function retiredRecords(
	registry: Registry,
	catalog: Pick<Catalog, 'sources' | 'reports'>,
): RetiredReport[] {
	const live = new Set(catalog.reports.map((r) => r.id));
	const slugOf = new Map(catalog.sources.map((s) => [s.file, s.slug]));
	return Object.entries(registry.retired)
		.filter(([id]) => !live.has(id))
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([id, e]) => ({
			id,
			movedTo: e.movedTo !== null && live.has(e.movedTo) ? e.movedTo : null,
			title: e.title,
			source: e.source,
			sourceSlug: slugOf.get(e.source) ?? null,
		}));
}
