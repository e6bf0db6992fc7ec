/**
 * Decide a report's type (docs/ingest-spec.md §4) from its subtitle/title suffix or its own words.
 */
import { reportTypes } from '../../../frontmatter.ts';

export type ReportType = (typeof reportTypes)[number];

export interface ReportTypeInput {
	title: string;
	subtitle?: string | null;
	bodyText?: string;
	/** Shape of the source: `toc-compilation`, `web-collection` or `single-article`. */
	shape?: string;
	/** A web collection's item label, read like a title when title and subtitle say nothing. */
	webLabel?: string | null;
	/** The compilation's title (`…经验材料汇编` makes its reports 经验材料 by default). */
	compilationTitle?: string | null;
	/** The report's personal author, if any. */
	author?: string | null;
}

// Suffixes, most specific first. 自评 and 自查 stay distinct.
const SUFFIXES: ReadonlyArray<[RegExp, ReportType]> = [
	[/自评(?:情况|工作)?报告$/u, '自评报告'],
	[/自查(?:情况|工作)?报告$/u, '自查报告'],
	[/(?:经验材料|经验交流材料|典型材料|经验介绍|经验)$/u, '经验材料'],
	[/(?:实施方案|工作方案|活动方案|实施意见|方案)$/u, '实施方案'],
	[/(?:工作总结|总结|总结报告)$/u, '工作总结'],
	[/(?:工作要点|工作计划)$/u, '规划'],
	[/(?:工作汇报|情况汇报|汇报)$/u, '工作汇报'],
	[/(?:规划|规划、方案|计划)$/u, '规划'],
	[/(?:论文|初探|浅谈|浅析|探析|刍议|研究|之我见|的思考)$/u, '论文'],
	[/(?:新闻报道|报道|纪实|侧记)$/u, '新闻报道'],
];

/** The type a line's ending names, ignoring trailing punctuation and a TOC page number. */
function typeOfSuffix(line: string): ReportType | null {
	const text = line.replace(/[\s.…。·\d()（）]+$/u, '');
	// `规划、方案` names two documents; the first one printed is the type.
	const listed = text.match(/(规划|方案)、(规划|方案)$/u);
	if (listed) return listed[1] === '规划' ? '规划' : '实施方案';
	for (const [pattern, type] of SUFFIXES) if (pattern.test(text)) return type;
	return reportTypes.find((t) => text.endsWith(t)) ?? null;
}

// Words of the document itself, looked for in its opening text.
const OPENING: ReadonlyArray<[RegExp, ReportType]> = [
	[/自评报告/u, '自评报告'],
	[/自查报告/u, '自查报告'],
	[/实施方案|工作方案/u, '实施方案'],
	[/^(?:本报讯|讯[（(]记者|[（(]记者)|记者\S{0,6}报道/u, '新闻报道'],
];
const THEORY = /摘要[:：]|关键词[:：]|参考文献|彼得[·.]?圣吉|第五项修炼/u;

/**
 * Detect the report type. Rules, first that decides:
 * 1. the subtitle's suffix, then the title's (`…自评报告`, `…实施方案`, `…初探` → 论文,
 *    `…总结` → 工作总结, `规划、方案` → 规划);
 * 2. the web label's suffix;
 * 3. the document's opening words (`自查报告`, `实施方案`, `本报讯`) in its first 300 characters;
 * 4. an essay: a personal author and theory apparatus (摘要, 参考文献, 彼得·圣吉) → 论文;
 * 5. the compilation's title (`…经验材料汇编` → 经验材料; `论文集` → 论文);
 * 6. otherwise 经验材料, what a unit's account of its own practice is.
 *
 * Does NOT guess from length or layout; does NOT read the category.
 */
export function detectReportType(input: ReportTypeInput): ReportType {
	for (const line of [input.subtitle, input.title, input.webLabel]) {
		const found = line ? typeOfSuffix(line) : null;
		if (found) return found;
	}
	const body = input.bodyText ?? '';
	const opening = body.slice(0, 300);
	for (const [pattern, type] of OPENING) if (pattern.test(opening)) return type;
	if (input.author && THEORY.test(body)) return '论文';
	if (input.shape === 'web-collection' && THEORY.test(body) && /作者[:：]/u.test(body))
		return '论文';
	const book = input.compilationTitle ?? '';
	if (/经验材料|经验汇编|经验选编/u.test(book)) return '经验材料';
	if (/论文集|论文选/u.test(book)) return '论文';
	return '经验材料';
}
