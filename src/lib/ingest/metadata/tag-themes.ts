/**
 * Tag a report with the themes it spends real text on (INGEST-SPEC §5), strongest first.
 */
import type { Block, ThemeDef, Vocabulary } from '../types.ts';
import { findNamedPractices } from './find-named-practices.ts';

export interface TagThemesOptions {
	/** Most themes to return (default 8). */
	max?: number;
	/** Least score for a theme to be tagged (default 3.5: a heading with text under it, or four paragraphs). */
	minScore?: number;
	/** A theme must score at least this share of the top theme's score (default 0.15). */
	minShare?: number;
	/** The report's title (and subtitle): scored like a level-2 heading when given. */
	title?: string;
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
// A concrete measure (a number with a measure word in the same sentence) counts a little more.
const CONCRETE_BONUS = 0.5;
const CONCRETE = /\d+\s*(?:个|名|人|次|期|篇|本|场|项|门|天|小时|学时|课时|万元|元|%|％|届|批|讲|堂|册)/u;

const SENTENCE_END = /[。；;！!？?]/u;
// A run-in point (`一是“照镜子”——实现自我超越。…`, also inside a paragraph): its short sentence
// acts as a heading.
const RUN_IN = /^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|第[一二三四五六七八九十]+[，,、])/u;
const RUN_IN_WEIGHT = 2;
const RUN_IN_MAX = 30;

/** The run-in headings of a paragraph: its short sentences that open a point (`一是…`). */
function runInHeadings(text: string): string[] {
	return text
		.split(SENTENCE_END)
		.map((s) => s.trim())
		.filter((s) => RUN_IN.test(s) && s.length <= RUN_IN_MAX);
}

function hasAny(text: string, words: readonly string[]): boolean {
	return words.some((w) => text.includes(w));
}

interface Section {
	start: number;
	end: number;
	text: string;
}

/**
 * Sections: each heading with the blocks under it, up to the next heading at its level or
 * above; the whole report is one section when it has no heading.
 */
function sectionsOf(blocks: readonly Block[]): Section[] {
	const whole = { start: 0, end: blocks.length };
	const ranges = blocks.flatMap((block, i) => {
		if (block.type !== 'heading') return [];
		const next = blocks.findIndex((b, j) => j > i && b.type === 'heading' && b.depth <= block.depth);
		return [{ start: i, end: next === -1 ? blocks.length : next }];
	});
	return (ranges.length > 0 ? ranges : [whole]).map((r) => ({
		...r,
		text: blocks.slice(r.start, r.end).map((b) => b.text).join('\n'),
	}));
}

/** Parts of the `a+b+c` signals of a theme. */
function compositesOf(theme: ThemeDef): string[][] {
	return theme.signals.filter((s) => s.includes('+')).map((s) => s.split('+').map((p) => p.trim()));
}

/**
 * Blocks credited to a combined theme: the smallest sections where all parts of one of its
 * `a+b+c` signals occur. Their text is not credited again to the themes of the parts.
 */
function claimedBlocks(vocab: Vocabulary, sections: Section[]): Map<string, Set<number>> {
	const claimed = new Map<string, Set<number>>();
	for (const theme of vocab.themes) {
		for (const parts of compositesOf(theme)) {
			const matched = sections.filter((s) => parts.every((p) => s.text.includes(p)));
			const smallest = matched.filter((s) => !matched.some((o) => o !== s && o.start >= s.start && o.end <= s.end));
			const partThemes = vocab.themes.filter((t) => t !== theme && t.signals.some((sig) => parts.includes(sig)));
			for (const section of smallest) {
				for (const t of partThemes) {
					const set = claimed.get(t.slug) ?? new Set<number>();
					for (let i = section.start; i < section.end; i++) set.add(i);
					claimed.set(t.slug, set);
				}
			}
		}
	}
	return claimed;
}

function scoreTheme(
	theme: ThemeDef,
	blocks: readonly Block[],
	practices: string[],
	sections: Section[],
	claimed: Set<number> | undefined,
): ThemeScore {
	const simple = theme.signals.filter((s) => !s.includes('+'));
	const composite = compositesOf(theme);
	const result: ThemeScore = { slug: theme.slug, label: theme.label, score: 0, headings: 0, paragraphs: 0, practices: 0, sections: 0 };
	for (const [index, block] of blocks.entries()) {
		if (claimed?.has(index) || !hasAny(block.text, simple)) continue;
		if (block.type === 'heading') {
			result.headings++;
			result.score += HEADING_WEIGHT[block.depth];
			continue;
		}
		if (runInHeadings(block.text).some((s) => hasAny(s, simple))) {
			result.headings++;
			result.score += RUN_IN_WEIGHT;
		}
		const sentences = block.text.split(SENTENCE_END).filter((s) => hasAny(s, simple));
		result.paragraphs++;
		result.score += Math.min(PARAGRAPH_CAP, PARAGRAPH_FIRST + PARAGRAPH_MORE * Math.max(0, sentences.length - 1));
		if (sentences.some((s) => CONCRETE.test(s))) result.score += CONCRETE_BONUS;
	}
	for (const practice of practices) {
		if (!hasAny(practice, simple)) continue;
		result.practices++;
		result.score += PRACTICE_WEIGHT;
	}
	for (const section of sections) {
		if (!composite.some((parts) => parts.every((p) => section.text.includes(p)))) continue;
		result.sections++;
		result.score += SECTION_WEIGHT;
	}
	return result;
}

/**
 * Tag the themes a report spends real text on: 0 to `max` labels and slugs, strongest first.
 *
 * Each theme scores by WHERE its signal words occur, not how often: a heading holding one
 * counts 3 (level 2) to 2 (level 4); a named programme whose name holds one (`“青春大讲堂”`)
 * counts 2; a paragraph counts 1, plus 0.5 for each further sentence holding one (at most 2);
 * a run-in point (a sentence `一是…。` of at most 30 characters) holding one counts 2 more, once
 * per paragraph;
 * a `a+b+c` signal whose parts all occur in one section counts 4, and the smallest such section
 * is then not credited again to the themes of its parts (a report built on the five disciplines
 * as a whole is tagged 五项修炼, not five times). A theme is tagged when its
 * score reaches `minScore` and `minShare` of the top score. Ties keep vocabulary order.
 *
 * Does NOT pad to reach a count, does NOT look at the category, and does NOT read the title
 * unless `options.title` is given.
 */
export function tagThemes(blocks: readonly Block[], vocab: Vocabulary, options: TagThemesOptions = {}): TagThemesResult {
	const max = options.max ?? 8;
	const minScore = options.minScore ?? 3.5;
	const minShare = options.minShare ?? 0.15;
	const practices = findNamedPractices(blocks);
	const scored: Block[] = options.title ? [{ type: 'heading', depth: 2, text: options.title, line: 0 }, ...blocks] : [...blocks];
	const sections = sectionsOf(scored);
	const claimed = claimedBlocks(vocab, sections);
	const scores = vocab.themes
		.map((theme) => scoreTheme(theme, scored, practices, sections, claimed.get(theme.slug)))
		.filter((s) => s.score > 0)
		.sort((a, b) => b.score - a.score);
	const top = scores[0]?.score ?? 0;
	const tagged = scores.filter((s) => s.score >= minScore && s.score >= top * minShare).slice(0, max);
	return { labels: tagged.map((s) => s.label), slugs: tagged.map((s) => s.slug), scores };
}
