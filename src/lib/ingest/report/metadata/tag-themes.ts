/**
 * Tag a report with the themes it spends real text on (docs/ingest-spec.md §5), strongest first.
 */
import type { IngestBlock, Vocabulary } from '../../types.ts';
import { findNamedPractices } from './find-named-practices.ts';
import { blockHits, compileThemes, type BlockHits, type CompiledThemes } from './theme-hits.ts';

export interface TagThemesOptions {
	/** Most themes to return (default 8). */
	max?: number;
	/**
	 * Least score for a theme to be tagged (default 3.5: a heading with text under it, or four
	 * paragraphs); a theme's own `minScore` in the vocabulary wins over it.
	 */
	minScore?: number;
	/** A theme must score at least this share of the top theme's score (default 0.15). */
	minShare?: number;
	/** The report's title (and subtitle): scored like a level-2 heading when given. */
	title?: string;
	/** The report's named practices, when the caller has them already (else they are found). */
	practices?: string[];
}

/** Why a theme scored what it did (for debugging and the eval script). */
export interface ThemeScore {
	slug: string;
	label: string;
	score: number;
	/** Headings holding a signal. */
	headings: number;
	/** Paragraphs holding a signal. */
	paragraphs: number;
	/** Named programmes whose name holds a signal. */
	practices: number;
	/** Sections where all parts of a `a+b+c` signal occur. */
	sections: number;
}

export interface TagThemesResult {
	labels: string[];
	slugs: string[];
	/** Every theme with a score above 0, strongest first (tagged or not). */
	scores: ThemeScore[];
}

// Where a word occurs matters more than how often: heading > named programme > paragraph.
const HEADING_WEIGHT: Record<2 | 3 | 4, number> = { 2: 3, 3: 2.5, 4: 2 };
const PRACTICE_WEIGHT = 2;
const SECTION_WEIGHT = 4;
// A paragraph counts once, a little more when several of its sentences hold the theme.
const PARAGRAPH_FIRST = 1;
const PARAGRAPH_MORE = 0.5;
const PARAGRAPH_CAP = 2;
// A sentence with a concrete measure (a number with a measure word) counts a little more.
const CONCRETE_BONUS = 0.5;
// A run-in point (`一是…。`, at most 30 characters) holding the theme acts as a heading.
const RUN_IN_WEIGHT = 2;

interface Section {
	start: number;
	end: number;
}

/**
 * Sections: each heading with the blocks under it, up to the next heading at its level or
 * above; the whole report is one section when it has no heading.
 */
function sectionsOf(blocks: readonly IngestBlock[]): Section[] {
	const ranges: Section[] = [];
	const open: { index: number; depth: number }[] = [];
	blocks.forEach((block, i) => {
		if (block.type !== 'heading') return;
		while (open.length > 0 && open[open.length - 1]!.depth >= block.depth)
			ranges[open.pop()!.index]!.end = i;
		open.push({ index: ranges.length, depth: block.depth });
		ranges.push({ start: i, end: blocks.length });
	});
	return ranges.length > 0 ? ranges : [{ start: 0, end: blocks.length }];
}

/** Does a section hold every part of a composite signal (part numbers, see `theme-hits.ts`)? */
function sectionHolds(
	section: Section,
	parts: readonly number[],
	blockParts: readonly ReadonlySet<number>[],
): boolean {
	return parts.every((p) => {
		for (let i = section.start; i < section.end; i++) if (blockParts[i]!.has(p)) return true;
		return false;
	});
}

/**
 * Blocks credited to a combined theme: the smallest sections where all parts of one of its
 * `a+b+c` signals occur. Their text is not credited again to the themes of the parts.
 */
function claimedBlocks(
	c: CompiledThemes,
	sections: Section[],
	blockParts: readonly ReadonlySet<number>[],
): Map<number, Set<number>> {
	const claimed = new Map<number, Set<number>>();
	c.composites.forEach((list, t) => {
		list.forEach((parts, k) => {
			const matched = sections.filter((s) => sectionHolds(s, parts, blockParts));
			const smallest = matched.filter(
				(s) => !matched.some((o) => o !== s && o.start >= s.start && o.end <= s.end),
			);
			for (const section of smallest) {
				for (const other of c.partThemes[t]![k]!) {
					const set = claimed.get(other) ?? new Set<number>();
					for (let i = section.start; i < section.end; i++) set.add(i);
					claimed.set(other, set);
				}
			}
		});
	});
	return claimed;
}

/** Score every theme in one pass over the blocks’ hits. */
function scoreAll(
	vocab: Vocabulary,
	blocks: readonly IngestBlock[],
	hits: readonly BlockHits[],
	practiceHits: readonly BlockHits[],
	sectionCounts: readonly number[],
	claimed: Map<number, Set<number>>,
): ThemeScore[] {
	const results = vocab.themes.map((theme): ThemeScore => ({
		slug: theme.slug,
		label: theme.label,
		score: 0,
		headings: 0,
		paragraphs: 0,
		practices: 0,
		sections: 0,
	}));
	hits.forEach((hit, index) => {
		const block = blocks[index]!;
		hit.themes.forEach((t, k) => {
			if (claimed.get(t)?.has(index)) return;
			const result = results[t]!;
			if (block.type === 'heading') {
				result.headings++;
				result.score += HEADING_WEIGHT[block.depth];
				return;
			}
			if (hit.runIn[k]) {
				result.headings++;
				result.score += RUN_IN_WEIGHT;
			}
			result.paragraphs++;
			result.score += Math.min(
				PARAGRAPH_CAP,
				PARAGRAPH_FIRST + PARAGRAPH_MORE * Math.max(0, hit.sentences[k]! - 1),
			);
			if (hit.concrete[k]) result.score += CONCRETE_BONUS;
		});
	});
	for (const hit of practiceHits) {
		for (const t of hit.themes) {
			results[t]!.practices++;
			results[t]!.score += PRACTICE_WEIGHT;
		}
	}
	sectionCounts.forEach((count, t) => {
		results[t]!.sections = count;
		results[t]!.score += SECTION_WEIGHT * count;
	});
	return results;
}

/**
 * Tag the themes a report spends real text on: 0 to `max` labels and slugs, strongest first.
 *
 * Each theme scores by WHERE its signal words occur, not how often: a heading holding one
 * counts 3 (level 2) to 2 (level 4); a named programme whose name holds one (`“青春大讲堂”`)
 * counts 2; a paragraph counts 1, plus 0.5 for each further sentence holding one (at most 2);
 * a run-in point (a lead sentence of at most 30 characters opened by `一是`, `首先`, `（一）`, `1.` or
 * `一、`: `（一）加强组织领导。成立…`) holding one counts 2 more, once per paragraph;
 * a `a+b+c` signal whose parts all occur in one section counts 4, and the smallest such section
 * is then not credited again to the themes of its parts (a report built on the five disciplines
 * as a whole is tagged 五项修炼, not five times). A theme is tagged when its
 * score reaches `minScore` and `minShare` of the top score. Ties keep vocabulary order.
 *
 * Does NOT pad to reach a count, does NOT look at the category, and does NOT read the title
 * unless `options.title` is given.
 */
export function tagThemes(
	blocks: readonly IngestBlock[],
	vocab: Vocabulary,
	options: TagThemesOptions = {},
): TagThemesResult {
	const max = options.max ?? 8;
	const minScore = options.minScore ?? 3.5;
	const minShare = options.minShare ?? 0.15;
	const c = compileThemes(vocab);
	const practices = options.practices ?? findNamedPractices(blocks);
	const scored: IngestBlock[] = options.title
		? [{ type: 'heading', depth: 2, text: options.title, line: 0 }, ...blocks]
		: [...blocks];
	const hits = scored.map((b) => blockHits(b.text, c, b.type === 'paragraph'));
	const practiceHits = practices.map((p) => blockHits(p, c, false));
	const sections = sectionsOf(scored);
	const blockParts = hits.map((h) => h.parts);
	const claimed = claimedBlocks(c, sections, blockParts);
	const sectionCounts = c.composites.map((list) =>
		list.length === 0
			? 0
			: sections.filter((s) => list.some((parts) => sectionHolds(s, parts, blockParts))).length,
	);
	const scores = scoreAll(vocab, scored, hits, practiceHits, sectionCounts, claimed)
		.map((score, order) => ({ score, order }))
		.filter((s) => s.score.score > 0)
		.sort((a, b) => b.score.score - a.score.score || a.order - b.order)
		.map((s) => s.score);
	const top = scores[0]?.score ?? 0;
	const floor = new Map(vocab.themes.map((t) => [t.slug, t.minScore ?? minScore]));
	const tagged = scores
		.filter((s) => s.score >= floor.get(s.slug)! && s.score >= top * minShare)
		.slice(0, max);
	return { labels: tagged.map((s) => s.label), slugs: tagged.map((s) => s.slug), scores };
}
