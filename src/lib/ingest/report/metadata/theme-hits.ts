/**
 * Where a vocabulary's theme signals occur in one block of text, found in one pass: the
 * vocabulary's simple signal words are compiled once into one automaton (`compileThemes`, cached
 * per vocabulary object), and each block is scanned once (`blockHits`).
 *
 * Doesn’t score or tag (see `tag-themes.ts`); of `a+b+c` signals it only notes which parts occur
 * (the section check of the tagger uses them).
 */
import type { ThemeDef, Vocabulary } from '../../types.ts';
import { unitTable } from '../../lines/unit-table.ts';
import { compileWords, type WordMatcher } from './word-matcher.ts';

export interface CompiledThemes {
	/**
	 * Simple signal words of all themes and the parts of `a+b+c` signals, in one automaton;
	 * `themesOf[word]` lists the themes a word signals (none for a part only), `partOf[word]` its
	 * part number or -1.
	 */
	matcher: WordMatcher;
	themesOf: number[][];
	partOf: number[];
	/** Number of distinct parts. */
	parts: number;
	/** Number of themes of the vocabulary. */
	themeCount: number;
	/** Per theme, its `a+b+c` signals as lists of part numbers. */
	composites: number[][][];
	/** Per theme and composite, the other themes whose simple signals are among its parts. */
	partThemes: number[][][];
}

/** What one block holds: parallel arrays, one entry per theme that occurs in it. */
export interface BlockHits {
	/** Part numbers of `a+b+c` signals that occur in the block. */
	parts: ReadonlySet<number>;
	themes: number[];
	/** Sentences of the block holding the theme (0 when not counted: a heading). */
	sentences: number[];
	/** One of those sentences holds a number with a measure word (`37人`, `12期`). */
	concrete: boolean[];
	/** One of those sentences is a short run-in point (`一是…。`). */
	runIn: boolean[];
}

const COMPILED = new WeakMap<Vocabulary, CompiledThemes>();

/** Parts of the `a+b+c` signals of a theme. */
function compositesOf(theme: ThemeDef): string[][] {
	return theme.signals.filter((s) => s.includes('+')).map((s) => s.split('+').map((p) => p.trim()));
}

function indexer(list: string[], index: Map<string, number>) {
	return (word: string): number => {
		let i = index.get(word);
		if (i === undefined) index.set(word, (i = list.push(word) - 1));
		return i;
	};
}

export function compileThemes(vocab: Vocabulary): CompiledThemes {
	const cached = COMPILED.get(vocab);
	if (cached) return cached;
	const words: string[] = [];
	const wordAt = indexer(words, new Map());
	const themesOf: number[][] = [];
	const partOf: number[] = [];
	const partNumbers = new Map<string, number>();
	const partAt = (part: string): number => {
		let n = partNumbers.get(part);
		if (n === undefined) partNumbers.set(part, (n = partNumbers.size));
		const w = wordAt(part);
		themesOf[w] ??= [];
		partOf[w] = n;
		return n;
	};
	const composites = vocab.themes.map((theme) =>
		compositesOf(theme).map((list) => list.map(partAt)),
	);
	vocab.themes.forEach((theme, t) => {
		for (const signal of theme.signals.filter((s) => !s.includes('+'))) {
			const w = wordAt(signal);
			themesOf[w] ??= [];
			if (!themesOf[w]!.includes(t)) themesOf[w]!.push(t);
		}
	});
	for (let w = 0; w < words.length; w++) partOf[w] ??= -1;
	const partThemes = vocab.themes.map((theme, t) =>
		compositesOf(theme).map((list) =>
			vocab.themes.flatMap((other, o) =>
				o !== t && other.signals.some((sig) => list.includes(sig)) ? [o] : [],
			),
		),
	);
	const compiled: CompiledThemes = {
		matcher: compileWords(words),
		themesOf,
		partOf,
		parts: partNumbers.size,
		themeCount: vocab.themes.length,
		composites,
		partThemes,
	};
	COMPILED.set(vocab, compiled);
	return compiled;
}

// Sentences end at these characters (a paragraph’s sentences are counted, not its words).
const SENTENCE_END = /[。；;！!？?]/;
// The same, per UTF-16 code unit, for the sentence cursor of `blockHits` (made from the regex).
const IS_SENTENCE_END = unitTable(new RegExp(SENTENCE_END.source, 'g'));
const CONCRETE =
	/\d+\s*(?:个|名|人|次|期|篇|本|场|项|门|天|小时|学时|课时|万元|元|%|％|届|批|讲|堂|册)/u;
// A run-in point (`一是“照镜子”——实现自我超越。…`, `（一）加强组织领导。成立…`, `2.健全制度。…`,
// also inside a paragraph): its short lead sentence acts as a heading of the text after it.
const RUN_IN =
	/^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|第[一二三四五六七八九十]+[，,、]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]|\d{1,2}[、.．]|[一二三四五六七八九十]+、)/u;
const RUN_IN_MAX = 30;

const NO_PARTS: ReadonlySet<number> = new Set<number>();
const NO_HITS: BlockHits = Object.freeze({
	parts: NO_PARTS,
	themes: [],
	sentences: [],
	concrete: [],
	runIn: [],
});
let scratch = {
	seen: new Int32Array(0),
	slot: new Int32Array(0),
	last: new Int32Array(0),
	stamp: 0,
};

/** The scratch arrays, grown to `themeCount` themes when smaller. */
function scratchFor(themeCount: number): typeof scratch {
	if (scratch.seen.length < themeCount)
		scratch = {
			seen: new Int32Array(themeCount),
			slot: new Int32Array(themeCount),
			last: new Int32Array(themeCount),
			stamp: 0,
		};
	return scratch;
}

/** Note a composite's part in the block's hits (their set made on the first one). */
function addPart(hits: BlockHits, part: number): void {
	const parts = hits.parts === NO_PARTS ? new Set<number>() : (hits.parts as Set<number>);
	parts.add(part);
	hits.parts = parts;
}

/** Whether a sentence is concrete (a number with a counter) or a run-in point. */
function sentenceFacts(s: string): { concrete: boolean; runIn: boolean } {
	const trimmed = s.trim();
	return {
		concrete: CONCRETE.test(s),
		runIn: trimmed.length <= RUN_IN_MAX && RUN_IN.test(trimmed),
	};
}

/**
 * Scan one block once. For a paragraph (`countSentences`), also count per theme the sentences
 * holding it and note whether one is concrete or a run-in point.
 */
export function blockHits(text: string, c: CompiledThemes, countSentences: boolean): BlockHits {
	const { count, pairs } = c.matcher.collect(text);
	// Most blocks hold no signal: share one empty result (callers only read it).
	if (count === 0) return NO_HITS;
	const hits: BlockHits = { parts: NO_PARTS, themes: [], sentences: [], concrete: [], runIn: [] };
	// slot[t]: the theme's entry in `hits`, valid when seen[t] is this call's stamp; last[t]: the
	// last sentence counted. Scratch arrays shared by all calls (blockHits is not re-entered).
	const { seen, slot, last } = scratchFor(c.themeCount);
	const stamp = ++scratch.stamp;
	// The sentence being read: its number, where it starts and ends, and its facts once asked for.
	let sentence = 0;
	let sentenceStart = 0;
	let sentenceEnd = -1;
	// Where the search for the next sentence end goes on.
	let scan = 0;
	const nextEnd = () => {
		while (scan < text.length && IS_SENTENCE_END[text.charCodeAt(scan)] === 0) scan++;
		return scan < text.length ? scan++ : text.length;
	};
	let facts: { concrete: boolean; runIn: boolean } | null = null;
	for (let m = 0; m < count; m++) {
		const w = pairs[2 * m]!;
		const start = pairs[2 * m + 1]!;
		if (c.partOf[w]! >= 0) addPart(hits, c.partOf[w]!);
		const themes = c.themesOf[w]!;
		if (themes.length === 0) continue;
		if (countSentences) {
			// Matches come in order of their end: move the sentence cursor up to this one.
			if (sentenceEnd < 0) sentenceEnd = nextEnd();
			while (sentenceEnd < start)
				(sentence++, (sentenceStart = sentenceEnd + 1), (sentenceEnd = nextEnd()), (facts = null));
		}
		for (let j = 0; j < themes.length; j++) {
			const t = themes[j]!;
			if (seen[t] !== stamp) {
				seen[t] = stamp;
				slot[t] = hits.themes.push(t) - 1;
				last[t] = -1;
				(hits.sentences.push(0), hits.concrete.push(false), hits.runIn.push(false));
			}
			const k = slot[t]!;
			if (!countSentences || last[t] === sentence) continue;
			last[t] = sentence;
			hits.sentences[k]!++;
			facts ??= sentenceFacts(text.slice(sentenceStart, sentenceEnd));
			if (facts.concrete) hits.concrete[k] = true;
			if (facts.runIn) hits.runIn[k] = true;
		}
	}
	return hits;
}
