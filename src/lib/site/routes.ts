/**
 * Every URL and anchor the site emits, in one place: pages, their downloads, anchors inside
 * pages, the search page's query, the data files. Site-relative paths without the base
 * (`/reports/<id>/`): put them through `withBase` (`./url.ts`) for an `href`; catalog.json,
 * reports.csv and reports.jsonl carry them as they are.
 *
 * Every path is ASCII (ids and slugs are), so nothing is encoded here except the search query.
 * `tests/build/site-routes.test.ts` checks that every route below exists in the sample build.
 */

/** Sections of the site with a folder of their own (and, but for `reports`, an index page). */
export const SECTIONS = [
	'reports',
	'categories',
	'themes',
	'units',
	'compilations',
	'years',
	'practices',
	'stats',
	'search',
	'data',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Sections whose pages are one per slug: a category, theme, unit, compilation, year, practice. */
export type Facet = 'categories' | 'themes' | 'units' | 'compilations' | 'years' | 'practices';

/** The home page. */
export const HOME_PATH = '/';

/** The folder of a section: `/categories/`. Its index page, but for `reports` (no index). */
export function sectionPath(section: Section): string {
	return `/${section}/`;
}

/** The page of one slug of a facet: `facetPath('themes', 'dushu')` → `/themes/dushu/`. */
export function facetPath(facet: Facet, slug: string): string {
	return `${sectionPath(facet)}${slug}/`;
}

/** A report's page: `/reports/<id>/`. */
export function reportPath(id: string): string {
	return `${sectionPath('reports')}${id}/`;
}

/** A report's full record (`src/pages/reports/[id].json.ts`): `/reports/<id>.json`. */
export function reportJsonPath(id: string): string {
	return `${sectionPath('reports')}${id}.json`;
}

/** A report's plain text (`src/pages/reports/[id].txt.ts`): `/reports/<id>.txt`. */
export function reportTextPath(id: string): string {
	return `${sectionPath('reports')}${id}.txt`;
}

/**
 * A heading or paragraph of a report (its renderer id, `h-…`/`p-…`, `src/lib/mdx/render-mdx.ts`):
 * `/reports/<id>/#<blockId>`.
 */
export function reportBlockPath(id: string, blockId: string): string {
	return `${reportPath(id)}#${blockId}`;
}

/**
 * Element id of a 正文未收录 entry in its compilation's table of contents. An id begins with a
 * letter (TOC-only ids begin with a digit; html-validate's valid-id).
 * @example tocEntryAnchor('000-072d85c6eac7fde3-toc-9b1cd692') → 'entry-000-072d85c6eac7fde3-toc-9b1cd692'
 */
export function tocEntryAnchor(id: string): string {
	return `entry-${id}`;
}

/** Where a 正文未收录 entry is shown: `/compilations/<slug>/#entry-<id>`. */
export function tocEntryPath(sourceSlug: string, id: string): string {
	return `${facetPath('compilations', sourceSlug)}#${tocEntryAnchor(id)}`;
}

/**
 * The search page with its query: `searchPath(new URLSearchParams({ q: '学习型社区' }))` →
 * `/search/?q=%E5%AD%A6…`. The parameters and their meaning are the search page's state
 * (`searchStateParams` in `src/lib/search/search-state.ts`: `q`, one key per filter, `sort`).
 */
export function searchPath(params: URLSearchParams = new URLSearchParams()): string {
	const text = params.toString();
	return text ? `${sectionPath('search')}?${text}` : sectionPath('search');
}

/** Files of the data page and of the search page. */
export const DATA_FILES = {
	csv: '/data/reports.csv',
	jsonl: '/data/reports.jsonl',
	datapackage: '/data/datapackage.json',
	catalog: '/catalog.json',
	searchConfig: '/search/search-config.json',
} as const;

/** Scripts in `public/js/`, loaded before first paint (`is:inline src`). */
export const PUBLIC_SCRIPTS = {
	themeInit: '/js/theme-init.js',
	tocFold: '/js/toc-fold.js',
} as const;

/** The site's icon (`public/favicon.svg`). */
export const FAVICON_PATH = '/favicon.svg';

/** The sitemap `@astrojs/sitemap` writes, with `--site` only. */
export const SITEMAP_PATH = '/sitemap-index.xml';
