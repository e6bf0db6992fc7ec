/**
 * Look-ups of categories by name: by the kind of unit (`延庆县水务局` → 学习型机关) and by the
 * `学习型X` term of a title or section (`创建学习型幼儿园` → 学习型学校). Data from the vocabulary.
 */
import type { CategoryDef, Vocabulary } from '../../types.ts';

/**
 * The category whose unit word ends latest in `name`; at the same end, the longer word wins
 * (`延庆县第四幼儿园` → 幼儿园; `中共延庆县委党校` → 党校, not 委).
 *
 * Does NOT strip anonymised parts (`***街道工委` still ends in 工委). Returns null when no
 * unit word occurs.
 */
export function categoryByUnit(name: string, vocab: Vocabulary): CategoryDef | null {
	let best: { category: CategoryDef; end: number; length: number } | null = null;
	for (const category of vocab.categories) {
		for (const word of category.unitWords) {
			const at = name.lastIndexOf(word);
			if (at === -1) continue;
			const end = at + word.length;
			if (!best || end > best.end || (end === best.end && word.length > best.length)) {
				best = { category, end, length: word.length };
			}
		}
	}
	return best?.category ?? null;
}

/** Names of a category in running text: its label and its signals written `学习型X`. */
function termsOf(category: CategoryDef): string[] {
	return [category.label, ...category.signals.filter((s) => s.startsWith('学习型'))];
}

interface Term {
	category: CategoryDef;
	term: string;
}

// Every category's terms in vocabulary order, made once per vocabulary: those of four or more
// characters by their first four (most terms are `学习型X…`: the fourth tells them apart), and
// the shorter ones.
const TERMS = new WeakMap<Vocabulary, { byHead: Map<string, Term[]>; short: Term[] }>();

function termIndex(vocab: Vocabulary): { byHead: Map<string, Term[]>; short: Term[] } {
	let index = TERMS.get(vocab);
	if (!index) {
		index = { byHead: new Map(), short: [] };
		for (const category of vocab.categories) {
			for (const term of termsOf(category)) {
				if (term.length < 4) index.short.push({ category, term });
				else
					index.byHead.set(term.slice(0, 4), [
						...(index.byHead.get(term.slice(0, 4)) ?? []),
						{ category, term },
					]);
			}
		}
		TERMS.set(vocab, index);
	}
	return index;
}

/**
 * The category named by the longest term that `text` starts with (at `at`), or null; of two
 * equal terms, the first category's.
 */
function categoryAtTerm(text: string, vocab: Vocabulary, at = 0): CategoryDef | null {
	const { byHead, short } = termIndex(vocab);
	let best: { category: CategoryDef; length: number } | null = null;
	// A longer term always wins, so the short ones only count when no long one matches.
	for (const { category, term } of byHead.get(text.slice(at, at + 4)) ?? []) {
		if (text.startsWith(term, at) && (!best || term.length > best.length))
			best = { category, length: term.length };
	}
	if (best) return best.category;
	for (const { category, term } of short) {
		if (text.startsWith(term, at) && (!best || term.length > best.length))
			best = { category, length: term.length };
	}
	return best?.category ?? null;
}

/** The category of the first `学习型X` term anywhere in `text` (a section marker, a book title). */
export function categoryInText(text: string, vocab: Vocabulary): CategoryDef | null {
	for (let at = text.indexOf('学习型'); at !== -1; at = text.indexOf('学习型', at + 1)) {
		const found = categoryAtTerm(text, vocab, at);
		if (found) return found;
	}
	return null;
}

// The vocabulary with its one-character unit words left out, made once per vocabulary.
const LONG_WORDS = new WeakMap<Vocabulary, Vocabulary>();

/**
 * The category of X in `学习型X` read as a kind of organisation: X must end in a unit word of
 * two or more characters (`中医院` → 医院), or be a one-character word itself. A one-character
 * ending inside a longer common noun is not a kind of unit (`团队` ends in 队 but is a team, not
 * a 大队), so `学习型团队` declares nothing and the section or the book decides.
 */
function categoryOfKind(x: string, vocab: Vocabulary): CategoryDef | null {
	for (const category of vocab.categories) if (category.unitWords.includes(x)) return category;
	let sure = LONG_WORDS.get(vocab);
	if (!sure) {
		const categories = vocab.categories.map((c) => ({
			...c,
			unitWords: c.unitWords.filter((w) => w.length >= 2),
		}));
		LONG_WORDS.set(vocab, (sure = { ...vocab, categories }));
	}
	const found = categoryByUnit(x, sure);
	return found ? (vocab.categories.find((c) => c.slug === found.slug) ?? null) : null;
}

const BUILD_BEFORE = [
	'创建',
	'建设',
	'争创',
	'构建',
	'打造',
	'推进',
	'建成',
	'争当',
	'争做',
	'开展',
	'创',
	'建',
];
// Read at a given place (`lastIndex`), as if the text started there.
const BUILD_AFTER = /(?:的)?(?:建设|创建|创建工作|建设工作)/uy;
const SUBJECT_END =
	/[\s，,。；;、：:“”"（）()—\-·]|建设|创建|工作|活动|实施|自评|自查|规划|方案|总结|汇报/u;

/**
 * The category a title or subtitle declares: `创建学习型X`, `建设学习型X`, `学习型X建设`.
 * X is read as a vocabulary term (`学习型街道` → 学习型乡镇（街道）); failing that, as a unit
 * name (`创建学习型中医院` → 医院 → 学习型医院) when `unitFallback` is true (default).
 *
 * Does NOT count a bare mention (`学习型社会的要求`): a building verb must precede or
 * `建设/创建` follow. Returns the first declaration in the text, or null.
 */
export function declaredCategory(
	text: string,
	vocab: Vocabulary,
	unitFallback = true,
): CategoryDef | null {
	for (let at = text.indexOf('学习型'); at !== -1; at = text.indexOf('学习型', at + 1)) {
		// X runs from after 学习型 to the first subject end.
		const tail = text.slice(at + 3);
		const cut = tail.search(SUBJECT_END);
		const x = cut < 0 ? tail : tail.slice(0, cut);
		const verbBefore = BUILD_BEFORE.some(
			(verb) => verb.length <= at && text.startsWith(verb, at - verb.length),
		);
		BUILD_AFTER.lastIndex = at + 3 + x.length;
		const buildAfter = BUILD_AFTER.test(text);
		if (!verbBefore && !buildAfter) continue;
		const byTerm = categoryAtTerm(text, vocab, at);
		if (byTerm) return byTerm;
		if (unitFallback && x.length > 0 && x.length <= 8) {
			const byUnit = categoryOfKind(x, vocab);
			if (byUnit) return byUnit;
		}
	}
	return null;
}
