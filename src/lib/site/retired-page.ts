/**
 * What the page at a retired id's old URL (`/reports/<old>/`) says and links to: the report's
 * new page (moved: the browser is sent there at once, `<meta http-equiv="refresh">`), or the
 * compilation it was in (removed; the list of compilations when that source is gone too).
 *
 * Doesn't render anything and doesn't know the base path (the page adds it).
 */
import type { RetiredReport } from '../frontmatter.ts';
import { facetPath, reportPath, sectionPath } from './routes.ts';

export interface RetiredPage {
	/** The page's heading. */
	heading: string;
	/** One sentence saying what happened. */
	lead: string;
	/** Where the page sends the reader (site-relative path), and the link's text. */
	target: { path: string; label: string };
	/** True when the browser is redirected to `target` (a moved report). */
	redirect: boolean;
}

/**
 * @param retired The retired id's record (catalog.json `retired`).
 * @param newTitle The title of the report it moved to (null when it was removed).
 * @param compilationTitle The title of the compilation a removed report was in, if still there.
 */
export function retiredPage(
	retired: RetiredReport,
	newTitle: string | null,
	compilationTitle: string | null,
): RetiredPage {
	if (retired.movedTo !== null) {
		return {
			heading: '本文已移至新地址',
			lead: `《${retired.title}》的地址已经改变，正在转到新页面。`,
			target: { path: reportPath(retired.movedTo), label: newTitle ?? retired.title },
			redirect: true,
		};
	}
	const slug = retired.sourceSlug;
	const there = slug !== null && compilationTitle !== null;
	return {
		heading: '本文已删除',
		lead: there
			? `《${retired.title}》已从汇编中删除，本站不再收录。`
			: `《${retired.title}》及其所在的汇编已从本站删除。`,
		target: there
			? { path: facetPath('compilations', slug), label: `《${compilationTitle}》` }
			: { path: sectionPath('compilations'), label: '全部汇编' },
		redirect: false,
	};
}
