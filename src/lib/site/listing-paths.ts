/**
 * Static paths of paginated listing routes (`src/pages/<facet>/[slug]/[...page].astro`):
 * one path per page of every group, page 1 at the group's folder, each with the cache key of
 * what it shows (`cache-key.ts`): the group's name and counts and this page's items, not the
 * other pages' items, so a page is rendered again only when it or its group's counts changed.
 *
 * Doesn’t know Astro: returns plain `{ params, props, cacheKey }` objects that `getStaticPaths` returns.
 */
import { cacheKey } from './cache-key.ts';
import type { Group } from './group-items.ts';
import { pageParam, paginate, type PageOf } from './paginate.ts';
import type { ListItem } from './list-item.ts';

/** What a listing page shows of its group: everything but the items of its other pages. */
export type ListingGroup = Omit<Group, 'items'> & {
	/** Number of items in the whole group (reports and 正文未收录 entries). */
	itemCount: number;
};

export interface ListingPath {
	params: { slug: string; page: string | undefined };
	props: { group: ListingGroup; page: PageOf<ListItem> };
	cacheKey: string;
}

/**
 * @param groups The groups of one facet.
 * @param size Items per page.
 */
export function listingPaths(groups: readonly Group[], size: number): ListingPath[] {
	return groups.flatMap(({ items, ...rest }) => {
		const group: ListingGroup = { ...rest, itemCount: items.length };
		return paginate(items, size).map((page) => {
			const props = { group, page };
			return {
				params: { slug: group.slug, page: pageParam(page.number) },
				props,
				cacheKey: cacheKey(props),
			};
		});
	});
}
