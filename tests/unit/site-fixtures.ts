/** Small builders of site records for the site-* unit tests. */
import type { ReportFrontmatter, TocOnlyEntry } from '../../src/lib/frontmatter.ts';
import { reportSchema } from '../../src/lib/frontmatter.ts';

/** A valid report frontmatter; override any field. */
export function report(over: Partial<ReportFrontmatter> = {}): ReportFrontmatter {
	const base: ReportFrontmatter = {
		id: 'r1',
		title: '强素质 促发展',
		subtitle: '——延庆县农经站创建学习型机关自评报告',
		unit: '延庆县农经站',
		unitParts: ['延庆县农经站'],
		unitAnonymized: false,
		author: null,
		category: '学习型机关',
		categorySlug: 'jiguan',
		reportType: '自评报告',
		date: '2010-08',
		datePrecision: 'month',
		dateSource: 'report',
		themes: [],
		themeSlugs: [],
		namedPractices: [],
		abstract: null,
		keywords: [],
		source: 'a.txt',
		sourceSlug: 'book-a',
		compilationTitle: '建设学习型延庆',
		order: 0,
		tocPage: 3,
		section: null,
		lines: [1, 9],
		truncated: false,
	};
	return reportSchema.parse({ ...base, ...over });
}

/** A valid TOC-only entry; override any field. */
export function tocOnly(over: Partial<TocOnlyEntry> = {}): TocOnlyEntry {
	return {
		id: 't1',
		source: 'a.txt',
		sourceSlug: 'book-a',
		title: '学习成就未来',
		subtitle: null,
		unit: '永宁镇',
		unitAnonymized: false,
		category: '学习型乡镇（街道）',
		categorySlug: 'xiangzhen',
		tocPage: 7,
		section: null,
		order: 1,
		...over,
	};
}
