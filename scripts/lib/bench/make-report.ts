/**
 * One synthetic report: slogan title (or a bare `…创建学习型X自评报告` title), subtitle,
 * headings `一、` / `（一）` / `1.`, paragraphs recombined from sample sentences with varied
 * numbers and the report's own names, and a sign-off date. Doesn’t lay out a compilation.
 */
import type { Rng } from './prng.ts';
import {
	type CategoryWords,
	itemHeads,
	reportTypes,
	sectionHeads,
	sloganPhrases,
	sloganTails,
	subHeads,
} from './corpus-words.ts';
import { numberCn, personName, printedDate } from './make-names.ts';

export interface SyntheticReport {
	title: string;
	/** `——X创建学习型Y自评报告`, or null when the title is that line. */
	subtitle: string | null;
	unit: string;
	category: CategoryWords;
	reportType: string;
	/** Headings and paragraphs, one per line, in reading order. */
	body: string[];
	/** Sign-off lines (unit, date) or none. */
	signOff: string[];
}

export interface ReportInput {
	unit: string;
	category: CategoryWords;
	year: number;
	dateStyle: 'cn' | 'arabic';
	/** Target UTF-8 size of the body. */
	bytes: number;
}

const headNumbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

function weighted(rng: Rng, items: ReadonlyArray<readonly [string, number]>): string {
	let roll = rng.int(
		1,
		items.reduce((sum, [, w]) => sum + w, 0),
	);
	for (const [item, w] of items) if ((roll -= w) <= 0) return item;
	return items[0]?.[0] ?? '';
}

function sentence(rng: Rng, pool: readonly string[], r: ReportInput, leader: string): string {
	const n = () => String(rng.int(2, 480));
	const templates = [
		() => `${r.year - 1}年以来，${r.unit}共组织集中学习${n()}次，参学干部职工${n()}人次。`,
		() => `${leader}同志带头讲党课${rng.int(2, 12)}次，撰写调研报告${rng.int(2, 30)}篇。`,
		() =>
			`全体职工人均读书${rng.int(3, 24)}本，撰写读书笔记${n()}篇，评选“${personName(rng)}式”学习标兵${rng.int(2, 20)}名。`,
		() => `我们投入学习经费${rng.int(2, 90)}万元，新建图书室${rng.int(1, 9)}个，购置图书${n()}册。`,
		() => `开展“${numberCn(rng.int(3, 12))}个一”活动，${r.unit}上下形成了比学赶超的良好风气。`,
		() => `先后有${rng.int(2, 60)}名干部取得本科以上学历，${rng.int(2, 40)}人取得中级以上职称。`,
	];
	if (rng.chance(0.12)) return rng.pick(templates)();
	const s = rng.pick(pool);
	// Vary the numbers of a recombined sentence so identical sentences stay rare.
	return rng.chance(0.5)
		? s.replace(/\d+/gu, (d) => String(rng.int(1, 10 ** Math.min(d.length, 4) - 1)))
		: s;
}

function paragraph(rng: Rng, pool: readonly string[], r: ReportInput, leader: string): string {
	const count = rng.int(2, 6);
	let text = '';
	for (let i = 0; i < count; i++) text += sentence(rng, pool, r, leader);
	return text;
}

/** Generate one report; the body is about `input.bytes` bytes long (one paragraph more at most). */
export function makeReport(rng: Rng, pool: readonly string[], input: ReportInput): SyntheticReport {
	const { unit, category, year } = input;
	const k = category.kind;
	const leader = personName(rng);
	const reportType = weighted(rng, reportTypes);
	const line = `${unit}创建学习型${k}${reportType}`;
	const slogan = rng.chance(0.78);
	const a = rng.pick(sloganPhrases);
	const b = rng.pick(sloganPhrases.filter((p) => p !== a));
	const body: string[] = [paragraph(rng, pool, input, leader)];
	let size = utf8(body[0] ?? '');
	const push = (text: string) => {
		body.push(text);
		size += utf8(text);
	};
	for (let s = 0; s < headNumbers.length && size < input.bytes; s++) {
		push(`${headNumbers[s]}、${rng.pick(sectionHeads).replaceAll('{k}', k)}`);
		const subs = rng.int(0, 3);
		for (let t = 0; t < subs && size < input.bytes; t++) {
			push(`（${headNumbers[t]}）${rng.pick(subHeads).replaceAll('{k}', k)}`);
			const items = rng.chance(0.3) ? rng.int(2, 3) : 0;
			for (let i = 1; i <= items; i++) {
				push(`${i}. ${rng.pick(itemHeads)}`);
				push(paragraph(rng, pool, input, leader));
			}
			if (items === 0) push(paragraph(rng, pool, input, leader));
		}
		// At least one paragraph after the last heading: a report never ends on a heading.
		const paragraphs = rng.int(1, 3);
		for (let p = 0; p < paragraphs && (p === 0 || size < input.bytes); p++)
			push(paragraph(rng, pool, input, leader));
	}
	const month = rng.int(1, 12);
	const date = printedDate(
		input.dateStyle,
		rng.chance(0.7) ? year - 1 : year,
		month,
		rng.int(1, 28),
	);
	return {
		title: slogan ? `${a} ${b} ${rng.pick(sloganTails).replaceAll('{k}', k)}` : line,
		subtitle: slogan ? `——${line}` : null,
		unit,
		category,
		reportType,
		body,
		signOff: rng.chance(0.4) ? [unit, date] : [date],
	};
}
