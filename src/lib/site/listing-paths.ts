/**
 * Static paths of paginated listing routes (`src/pages/<facet>/[slug]/[...page].astro`):
 * one path per page of every group, page 1 at the group's folder.
 *
 * Doesn’t know Astro: returns plain `{ params, props }` objects that `getStaticPaths` returns.
 */
import type { Group } from './group-items.ts';
import { pageParam, paginate, type PageOf } from './paginate.ts';
import type { ListItem } from './list-item.ts';

export interface ListingPath {
	params: { slug: string; page: string | undefined };
	props: { group: Group; page: PageOf<ListItem> };
}

/**
 * @param groups The groups of one facet.
 * @param size Items per page.
 */
export function listingPaths(groups: readonly Group[], size: number): ListingPath[] {
	return groups.flatMap((group) =>
		paginate(group.items, size).map((page) => ({
			params: { slug: group.slug, page: pageParam(page.number) },
			props: { group, page },
		})),
	);
}
