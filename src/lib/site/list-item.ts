/**
 * One row of a listing page: a report with a body, or an entry known only from a table of
 * contents (正文未收录). Both kinds share one shape so listings sort and render them together.
 *
 * Doesn’t compute the excerpt (see `excerptFromBlocks`) or any URL with the site's base.
 */
import type { ReportFrontmatter, SourceRecord, TocOnlyEntry } from '../frontmatter.ts';
import { tocOnlyDate } from './counting-year.ts';
import { hasUnitPage, unitSlug } from './unit-slug.ts';
import { reportPath } from './routes.ts';

export interface Tag {
	slug: string;
	label: string;
}

export interface ListItem {
	kind: 'report' | 'tocOnly';
	id: string;
	title: string;
	subtitle: string | null;
	unit: string | null;
	/** Slug of the unit's page, or null when the unit has none (no unit, anonymised). */
	unitSlug: string | null;
	date: string | null;
	dateSource: ReportFrontmatter['dateSource'];
	category: Tag;
	themes: Tag[];
	/** Opening text of the body; '' for TOC-only entries. */
	excerpt: string;
	/** Site-relative URL of the report page, or null (TOC-only). */
	url: string | null;
	sourceSlug: string;
	compilationTitle: string;
	order: number;
	tocPage: number | null;
}

/** A report with its body → list item. */
export function reportItem(data: ReportFrontmatter, excerpt: string): ListItem {
	return {
		kind: 'report',
		id: data.id,
		title: data.title,
		subtitle: data.subtitle,
		unit: data.unit,
		unitSlug: hasUnitPage(data) ? unitSlug(data.sourceSlug, data.unit) : null,
		date: data.date,
		dateSource: data.dateSource,
		category: { slug: data.categorySlug, label: data.category },
		themes: data.themes.map((label, i) => ({ label, slug: data.themeSlugs[i] ?? '' })),
		excerpt,
		url: reportPath(data.id),
		sourceSlug: data.sourceSlug,
		compilationTitle: data.compilationTitle,
		order: data.order,
		tocPage: data.tocPage,
	};
}

/**
 * A TOC-only entry → list item. Its date is the compilation's, shown as “收录于 …”
 * (the book lists it; when it was written is unknown): `tocOnlyDate`, the site's counting rule.
 */
export function tocOnlyItem(
	entry: TocOnlyEntry,
	source: Pick<SourceRecord, 'title' | 'date'>,
): ListItem {
	return {
		kind: 'tocOnly',
		id: entry.id,
		title: entry.title,
		subtitle: entry.subtitle,
		unit: entry.unit,
		unitSlug: hasUnitPage(entry) ? unitSlug(entry.sourceSlug, entry.unit) : null,
		...tocOnlyDate(source.date),
		category: { slug: entry.categorySlug, label: entry.category },
		themes: [],
		excerpt: '',
		url: null,
		sourceSlug: entry.sourceSlug,
		compilationTitle: source.title,
		order: entry.order,
		tocPage: entry.tocPage,
	};
}
