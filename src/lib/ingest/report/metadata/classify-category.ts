/**
 * Choose a report's one category (docs/ingest-spec.md §2–§3) and say on what basis.
 */
import type { CategoryDef, Vocabulary } from '../../types.ts';
import { categoryByUnit, categoryInText, declaredCategory } from './category-terms.ts';
import { compileWords, type WordMatcher } from './word-matcher.ts';

export interface CategoryInput {
	title: string;
	subtitle?: string | null;
	unit?: string | null;
	unitParts?: readonly string[];
	/** TOC section marker the report is listed under (`学习型机关建设`), if any. */
	section?: string | null;
	compilationTitle?: string | null;
	/** The report's body as plain text. */
	bodyText?: string;
	/** A web collection's item label (`第1篇:街道创建学习型组织`); it can lie. */
	webLabel?: string | null;
}

export type CategoryBasis = 'explicit' | 'section' | 'compilation' | 'unit' | 'body' | 'default';

export interface CategoryResult {
	label: string;
	slug: string;
	basis: CategoryBasis;
	/** Set when the web label implies another category than the one chosen (for a warning). */
	webLabelCategory?: string;
}

export interface ClassifyOptions {
	/** Slug of the category used when nothing decides (default `tonglun`, else the last one). */
	defaultSlug?: string;
	/** Least body score that decides (default 6; a `学习型X` term counts 3, another signal 1). */
	minBodyScore?: number;
}

// All category signals of a vocabulary in one automaton, made once per vocabulary.
const SIGNALS = new WeakMap<
	Vocabulary,
	{ matcher: WordMatcher; owners: { category: number; weight: number }[][] }
>();

function signalsOf(vocab: Vocabulary) {
	let compiled = SIGNALS.get(vocab);
	if (!compiled) {
		const words: string[] = [];
		const owners: { category: number; weight: number }[][] = [];
		vocab.categories.forEach((category, c) => {
			for (const s of category.signals) {
				words.push(s);
				owners.push([{ category: c, weight: s.startsWith('学习型') ? 3 : 1 }]);
			}
		});
		SIGNALS.set(vocab, (compiled = { matcher: compileWords(words), owners }));
	}
	return compiled;
}

/**
 * Body evidence: the category whose signals occur most, if it clearly leads. Each signal counts
 * its non-overlapping occurrences, read left to right (`学习型X` terms count 3, others 1).
 */
function categoryByBody(body: string, vocab: Vocabulary, minScore: number): CategoryDef | null {
	const { matcher, owners } = signalsOf(vocab);
	const totals = vocab.categories.map(() => 0);
	// Where the last counted occurrence of each signal ends: an overlapping one is not counted.
	const lastEnd = new Int32Array(matcher.words.length);
	matcher.scan(body, (w, start) => {
		if (start < lastEnd[w]!) return;
		lastEnd[w] = start + matcher.words[w]!.length;
		for (const o of owners[w]!) totals[o.category]! += o.weight;
	});
	const scored = vocab.categories
		.map((category, c) => ({ category, score: totals[c]! }))
		.sort((a, b) => b.score - a.score);
	const [first, second] = scored;
	if (!first || first.score < minScore) return null;
	if (second && first.score < second.score * 1.5) return null;
	return first.category;
}

/** What a web label implies: a declared `学习型X`, else the kind of its subject (`街道创建…`). */
function categoryOfLabel(label: string, vocab: Vocabulary): CategoryDef | null {
	const text = label.replace(/^第\s*\d+\s*篇\s*[:：]\s*/u, '');
	const subject = text.split(/创建|建设/u)[0] ?? '';
	return declaredCategory(text, vocab, false) ?? (subject ? categoryByUnit(subject, vocab) : null);
}

/**
 * Classify a report into one category of the vocabulary, by the first rule that decides:
 * 1. `explicit`: `创建/建设学习型X` or `学习型X建设` in the subtitle, then the title;
 * 2. `section`: the TOC section marker (`◆ 学习型X建设`);
 * 3. `compilation`: the compilation title's own `学习型X` (a book 建设学习型党组织…);
 * 4. `unit`: the kind of the unit (its parts in order), by the vocabulary's unit words;
 * 5. `body`: signal words in the body, when one category clearly leads;
 * 6. `default`: the web label's category when it names one, else the default category.
 *
 * A web label never beats the body: when they differ, `webLabelCategory` names the label's
 * category so the caller can warn. Does NOT read dates, types or themes.
 */
export function classifyCategory(
	input: CategoryInput,
	vocab: Vocabulary,
	options: ClassifyOptions = {},
): CategoryResult {
	const decide = (): { category: CategoryDef | null; basis: CategoryBasis } => {
		for (const text of [input.subtitle, input.title]) {
			const found = text ? declaredCategory(text, vocab) : null;
			if (found) return { category: found, basis: 'explicit' };
		}
		const section = input.section ? categoryInText(input.section, vocab) : null;
		if (section) return { category: section, basis: 'section' };
		const book = input.compilationTitle
			? declaredCategory(input.compilationTitle, vocab, false)
			: null;
		if (book) return { category: book, basis: 'compilation' };
		const parts = input.unitParts?.length ? input.unitParts : input.unit ? [input.unit] : [];
		for (const part of parts) {
			const found = categoryByUnit(part, vocab);
			if (found) return { category: found, basis: 'unit' };
		}
		const body = categoryByBody(input.bodyText ?? '', vocab, options.minBodyScore ?? 6);
		if (body) return { category: body, basis: 'body' };
		return {
			category: input.webLabel ? categoryOfLabel(input.webLabel, vocab) : null,
			basis: 'default',
		};
	};
	const { category, basis } = decide();
	const fallback =
		vocab.categories.find((c) => c.slug === (options.defaultSlug ?? 'tonglun')) ??
		vocab.categories.at(-1)!;
	const chosen = category ?? fallback;
	const result: CategoryResult = { label: chosen.label, slug: chosen.slug, basis };
	const fromLabel = input.webLabel ? categoryOfLabel(input.webLabel, vocab) : null;
	if (fromLabel && fromLabel.slug !== chosen.slug) result.webLabelCategory = fromLabel.label;
	return result;
}
