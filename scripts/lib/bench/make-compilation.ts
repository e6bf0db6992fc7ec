/**
 * One synthetic compilation file in the shapes of INGEST-SPEC §1: a cover, 前言, a 目录 with
 * page numbers, then the reports in TOC order. Two layouts, as in the samples:
 * - `sections`: `◆ 学习型X建设` markers, title + `——subtitle……(page)` entries, reports of all
 *   categories, sign-off dates;
 * - `columns`: `第一部分 …` parts and `N、title<TAB>unit<TAB>page` entries, a part header with
 *   its pinyin line in the body, reports of 学习型党组织, title then unit line.
 * Doesn’t choose how many reports or which units: the caller passes them.
 */
import type { Rng } from './prng.ts';
import { personName, printedDate } from './make-names.ts';
import type { SyntheticReport } from './make-report.ts';

export type Layout = 'sections' | 'columns';

export interface CompilationInput {
	county: string;
	year: number;
	month: number;
	layout: Layout;
	reports: readonly SyntheticReport[];
	/** Sentences for the 前言. */
	preface: readonly string[];
}

const leaders = ['……………', '…………… ', ' ', '……'];
const parts = [
	['第一部分', '示范单位经验', 'Shifandanweijingyan'],
	['第二部分', '先进单位经验', 'Xianjindanweijingyan'],
	['第三部分', '外地经验借鉴', 'Waidijingyanjiejian'],
] as const;

/** Group consecutive reports by category label (sections) or into three parts (columns). */
function groups(
	input: CompilationInput,
): Array<{ head: readonly string[]; reports: SyntheticReport[] }> {
	const out: Array<{ head: readonly string[]; reports: SyntheticReport[] }> = [];
	input.reports.forEach((report, i) => {
		const key =
			input.layout === 'sections'
				? [`◆ ${report.category.label}建设`]
				: (parts[Math.min(2, Math.floor((i * 3) / input.reports.length))] ?? parts[0]);
		const last = out.at(-1);
		if (last && last.head[0] === key[0]) last.reports.push(report);
		else out.push({ head: key, reports: [report] });
	});
	return out;
}

/** The text of the compilation (LF line ends, blank lines between paragraphs). */
export function makeCompilation(rng: Rng, input: CompilationInput): string {
	const { county, layout } = input;
	const office = `创建学习型${county}领导小组办公室`;
	const date = printedDate(layout === 'sections' ? 'cn' : 'arabic', input.year, input.month);
	const cover =
		layout === 'sections'
			? [`建设学习型${county} 走终身学习之路`, office, date, `主 编：${personName(rng)}`]
			: ['建设学习型党组织', '经验材料汇编', `中共${county}市委建设学习型党组织领导小组办公室`];
	const lines: string[] = [
		...cover,
		'前 言',
		...input.preface,
		layout === 'sections' ? office : '编　　者',
		date,
		'目 录',
	];
	const body: string[] = [];
	let page = 1;
	let number = 1;
	for (const group of groups(input)) {
		lines.push(layout === 'sections' ? (group.head[0] ?? '') : `${group.head[0]} ${group.head[1]}`);
		body.push(...group.head);
		for (const r of group.reports) {
			if (layout === 'columns') lines.push(`${number++}、${r.title}\t${r.unit}\t${page}`);
			else if (r.subtitle)
				lines.push(
					r.title,
					`${rng.chance(0.15) ? '- ' + r.subtitle.slice(2) : r.subtitle}${rng.pick(leaders)}(${page})`,
				);
			else lines.push(`${r.title}${rng.pick(leaders)}(${page})`);
			body.push(
				r.title,
				...(layout === 'columns' ? [r.unit] : r.subtitle ? [r.subtitle] : []),
				...r.body,
			);
			if (layout === 'sections' || rng.chance(0.5)) body.push(...r.signOff);
			page += Math.max(1, Math.round(r.body.join('').length / 900));
		}
	}
	return `\n\n${[...lines, ...body].join('\n\n')}\n`;
}
