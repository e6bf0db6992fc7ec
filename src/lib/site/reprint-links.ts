/**
 * The "also in" links of a report printed in more than one compilation (`reprintOf`,
 * src/lib/knowledge/reprints.ts): a reprint links to its canonical copy (另见), the canonical copy
 * to every reprint (亦收录于), each named by its compilation.
 *
 * Doesn't render anything; paths are site-relative (the page adds the base).
 */
import type { ReportFrontmatter } from '../frontmatter.ts';
import { reportPath } from './routes.ts';

export interface ReprintLink {
	path: string;
	compilationTitle: string;
}

export interface ReprintLinks {
	/** The canonical copy, when this report is a reprint. */
	canonical: ReprintLink | null;
	/** The reprints of this report, when it is the canonical copy (in compilation order). */
	copies: ReprintLink[];
}

type Copy = Pick<ReportFrontmatter, 'id' | 'compilationTitle' | 'source' | 'order' | 'reprintOf'>;

/**
 * @param report The report of the page.
 * @param all Every report of the site.
 */
export function reprintLinks(report: Copy, all: readonly Copy[]): ReprintLinks {
	const link = (r: Copy): ReprintLink => ({
		path: reportPath(r.id),
		compilationTitle: r.compilationTitle,
	});
	const canonical = report.reprintOf ? all.find((r) => r.id === report.reprintOf) : undefined;
	const copies = all
		.filter((r) => r.reprintOf === report.id)
		.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.order - b.order));
	return { canonical: canonical ? link(canonical) : null, copies: copies.map(link) };
}
