/**
 * The practice index: every named practice of the corpus, grouped by its name, with each
 * report that uses it, the paragraph that describes it there, and a short quote.
 *
 * One pass over the reports' `namedPractices` (linear in the corpus). Doesn’t merge uses that
 * mean different things: each use keeps its own unit, anchor and quote, and the page shows
 * them side by side. Doesn’t detect practices (the ingest does, `findNamedPractices`).
 */
import type { ReportFrontmatter } from '../frontmatter.ts';
import type { RenderedBlock } from './rendered-blocks.ts';
import { practiceKey, practiceSlug } from './practice-key.ts';
import { findMention, type PracticeMention } from './practice-quote.ts';

export type PracticeReport = Pick<
	ReportFrontmatter,
	| 'id'
	| 'title'
	| 'unit'
	| 'date'
	| 'dateSource'
	| 'category'
	| 'categorySlug'
	| 'namedPractices'
	| 'compilationTitle'
	| 'sourceSlug'
>;

export interface PracticeUse {
	reportId: string;
	reportTitle: string;
	unit: string | null;
	date: string | null;
	dateSource: ReportFrontmatter['dateSource'];
	category: string;
	compilationTitle: string;
	/** The name as this report prints it (`“四个一”活动`). */
	printed: string;
	/** Anchor of the describing paragraph (or heading), '' when none was found. */
	anchor: string;
	quote: string;
}

export interface Practice {
	key: string;
	slug: string;
	/**
	 * Display name: the printed form when every use prints the same (`“3个8”学习制度`), else the key
	 * in quotes (`“四个一”`).
	 */
	label: string;
	uses: PracticeUse[];
	/** Distinct units (or report ids when a report has no unit). */
	unitCount: number;
}

/** One named practice of a report: the name as printed, its key and where the body describes it. */
export interface ReportPractice {
	printed: string;
	key: string;
	/** The describing block and quote, null when no block prints the name. */
	mention: PracticeMention | null;
}

/**
 * The named practices of one report, each key once (the first printed form), with its mention:
 * everything `practicesFromReports` needs of the body, so it can be kept per report.
 */
export function reportPractices(
	namedPractices: readonly string[],
	blocks: readonly RenderedBlock[],
): ReportPractice[] {
	const out: ReportPractice[] = [];
	const done = new Set<string>();
	for (const printed of namedPractices) {
		const key = practiceKey(printed);
		if (!key || done.has(key)) continue;
		done.add(key);
		out.push({ printed, key, mention: findMention(blocks, key) });
	}
	return out;
}

/**
 * @param reports Reports with their body blocks.
 * @returns Practices sorted by number of units (most first), then by name.
 */
export function collectPractices(
	reports: ReadonlyArray<{ data: PracticeReport; blocks: readonly RenderedBlock[] }>,
): Practice[] {
	return practicesFromReports(
		reports.map(({ data, blocks }) => ({
			data,
			practices: reportPractices(data.namedPractices, blocks),
		})),
	);
}

/**
 * `collectPractices` from each report's `reportPractices` (computed from the same blocks).
 * @returns Practices sorted by number of units (most first), then by name.
 */
export function practicesFromReports(
	reports: ReadonlyArray<{ data: PracticeReport; practices: readonly ReportPractice[] }>,
): Practice[] {
	const byKey = new Map<string, Practice>();
	for (const { data, practices: found } of reports) {
		for (const { printed, key, mention } of found) {
			let practice = byKey.get(key);
			if (!practice) {
				practice = { key, slug: practiceSlug(key), label: `“${key}”`, uses: [], unitCount: 0 };
				byKey.set(key, practice);
			}
			practice.uses.push({
				reportId: data.id,
				reportTitle: data.title,
				unit: data.unit,
				date: data.date,
				dateSource: data.dateSource,
				category: data.category,
				compilationTitle: data.compilationTitle,
				printed,
				anchor: mention?.anchor ?? '',
				quote: mention?.quote ?? '',
			});
		}
	}
	const practices = [...byKey.values()];
	for (const p of practices) {
		p.unitCount = new Set(p.uses.map((u) => u.unit ?? `#${u.reportId}`)).size;
		const forms = new Set(p.uses.map((u) => u.printed));
		if (forms.size === 1) p.label = p.uses[0]!.printed;
	}
	return practices.sort((a, b) => b.unitCount - a.unitCount || a.key.localeCompare(b.key, 'zh-CN'));
}
