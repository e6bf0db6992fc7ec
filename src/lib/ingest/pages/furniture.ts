/**
 * The printed page, for every input: page boundaries, folios and running heads, removed from
 * the text as named, counted repairs (`folio`, `running-head`; a web page’s frame: `frame-line`).
 *
 * Pages come from the PDF (its page of each line), else from form feeds (`pdftotext` writes one
 * before each page), else from decorated folio lines (`— 5 —`, `第5页`, `5/24`: one ends or
 * starts each page). A folio is a folio line among the first or last two lines of a page. A
 * running head (one or two lines, at the top or the bottom) is a short line repeated at the same
 * place on many pages (at least 30 % of them), digits aside (`第5页 建设学习型…` and `第6页
 * 建设学习型…` are one head). A line repeated at one place on fewer pages (but at least two) is a
 * running head too when the pages it is on are the ones where the many-page head at that place
 * is missing (heads that alternate: the book's title on left pages, each report's title on its
 * right pages), or, in a PDF, when it is set smaller than the body on every one of them. In a
 * PDF, a line in another size than its head's other lines is never the head. The first
 * page keeps its lines when it has no folio (a cover prints the book title the heads repeat).
 *
 * Removed lines become blank lines in `lines` (their numbers stay, so `.txt` line numbers are
 * the file's) and are logged as dropped, so the no-loss check accounts for them; the sentence a
 * page break cut is joined again by the block stage across them. Doesn’t touch other lines, and
 * doesn’t treat a bare number as a folio without page evidence (form feeds or PDF pages): a
 * bare `12` between paragraphs is left to the block stage’s page-number repair.
 */
import { dropLine, type RepairLog, type RepairRule } from '../lines/repair-log.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import { folioOf, isDecoratedFolio } from './folio.ts';

export interface PageModel {
	/** 1-based page of each line (index = line number − 1); all 1 when nothing shows pages. */
	pageOfLine: number[];
	/** The printed folio of each page that shows one, by 1-based page. */
	folios: Map<number, string>;
	pageCount: number;
}

/** Pages of each line: given (PDF), by form feeds, or by decorated folio lines. */
function pagesOf(
	lines: readonly SourceLine[],
	rawLines: readonly string[],
	given?: readonly number[],
): { pageOfLine: number[]; evidence: boolean } {
	if (given && given.length >= lines.length)
		return { pageOfLine: given.slice(0, lines.length), evidence: true };
	const pageOfLine = new Array<number>(lines.length).fill(1);
	if (rawLines.some((l) => l.includes('\f'))) {
		let page = 1;
		rawLines.forEach((raw, i) => {
			// pdftotext writes the form feed at the start of a page's first line.
			if (raw.includes('\f')) page++;
			if (i < lines.length) pageOfLine[i] = page;
		});
		return { pageOfLine, evidence: true };
	}
	const folioLines = new Set<number>();
	for (let i = 0; i < lines.length; i++) if (isDecoratedFolio(lines[i]!.text)) folioLines.add(i);
	if (folioLines.size < 2) return { pageOfLine, evidence: false };
	// Each folio line closes a page (a folio printed at the top then sits at the end of the page
	// before: the page's edges, which is all the heads and folios are looked for at, are the same).
	let page = 1;
	for (let i = 0; i < lines.length; i++) {
		pageOfLine[i] = page;
		if (folioLines.has(i)) page++;
	}
	return { pageOfLine, evidence: true };
}

const TOP = 3;
const BOTTOM = 4;

/** The text a running head is compared by: no white space, no digits. */
function headKey(text: string): string | null {
	const key = text.replace(/[\s\u3000\d０-９]+/g, '');
	if (key.length === 0 || key.length > 40 || /[。！？!?]$/.test(key)) return null;
	return key;
}

/** The size of each key's lines (the lower middle one, PDF only). */
function typicalSizes(
	placed: ReadonlyArray<{ i: number; key: string }>,
	sizes?: readonly number[],
): Map<string, number> {
	const of = new Map<string, number[]>();
	if (sizes) for (const { i, key } of placed) of.set(key, [...(of.get(key) ?? []), sizes[i] ?? 0]);
	return new Map(
		[...of].map(([key, list]) => [
			key,
			list.sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)]!,
		]),
	);
}

/**
 * The keys (`place\0text`) that are running heads: on at least `least` pages; or on two or more
 * pages that the many-page heads at that place leave out; or set smaller than the body on each.
 */
function runningHeads(
	pagesOfKey: ReadonlyMap<string, ReadonlySet<number>>,
	placed: ReadonlyArray<{ i: number; key: string }>,
	least: number,
	sizes?: readonly number[],
): Set<string> {
	const heads = new Set<string>();
	const covered = new Map<string, Set<number>>();
	for (const [key, pages] of pagesOfKey) {
		if (pages.size < least) continue;
		heads.add(key);
		const place = key.slice(0, key.indexOf('\0'));
		const set = covered.get(place) ?? new Set<number>();
		for (const p of pages) set.add(p);
		covered.set(place, set);
	}
	const smaller = new Map<string, boolean>();
	if (sizes)
		for (const { i, key } of placed)
			smaller.set(key, (smaller.get(key) ?? true) && (sizes[i] ?? 1) > 0 && sizes[i]! <= 0.96);
	for (const [key, pages] of pagesOfKey) {
		if (pages.size < 2 || heads.has(key)) continue;
		const around = covered.get(key.slice(0, key.indexOf('\0')));
		const alternates = around !== undefined && [...pages].every((p) => !around.has(p));
		if (alternates || smaller.get(key) === true) heads.add(key);
	}
	return heads;
}

/** Blanks line i of `lines`, dropped as `rule`. */
function dropAs(lines: SourceLine[], log: RepairLog, i: number, rule: RepairRule): void {
	dropLine(log, lines[i]!.no, rule);
	lines[i] = { no: lines[i]!.no, text: '' };
}

/**
 * Folios: one folio line per page, among its first three or last four lines (an extractor may
 * write a letter-spaced line's pieces around it); a decorated form before bare digits, the one
 * nearest the edge first (a TOC's column of page numbers sits above the folio). Drops them and
 * takes them out of `pages`; returns the folio of each page that has one.
 */
function dropFolios(lines: SourceLine[], pages: number[][], log: RepairLog): Map<number, string> {
	const folios = new Map<number, string>();
	for (let p = 1; p < pages.length; p++) {
		const on = pages[p]!;
		const edge = [...on.slice(-BOTTOM).reverse(), ...on.slice(0, TOP)].filter(
			(i, k, all) => all.indexOf(i) === k && folioOf(lines[i]!.text) !== null,
		);
		const pick = edge.find((i) => isDecoratedFolio(lines[i]!.text)) ?? edge[0];
		if (pick !== undefined) {
			folios.set(p, folioOf(lines[pick]!.text)!);
			dropAs(lines, log, pick, 'folio');
		}
		pages[p] = on.filter((i) => lines[i]!.text !== '');
	}
	return folios;
}

/**
 * Every line near the top (by rank) or the bottom of a page with its head key and place, and the
 * pages of each key; page 1 without a folio is left out (a title page).
 */
function placedKeys(
	lines: readonly SourceLine[],
	pages: readonly number[][],
	folios: Map<number, string>,
) {
	const pagesOfKey = new Map<string, Set<number>>();
	const placed: Array<{ i: number; key: string }> = [];
	let considered = 0;
	for (let p = 1; p < pages.length; p++) {
		if (p === 1 && !folios.has(1)) continue;
		const on = pages[p]!;
		if (on.length === 0) continue;
		considered++;
		// A line of a short page can be both near the top and near the bottom: it gets both keys.
		const top = on.slice(0, TOP).map((i, rank) => ({ i, place: `top${rank}` }));
		const bottom = on.slice(Math.max(0, on.length - BOTTOM)).map((i) => ({ i, place: 'bottom' }));
		for (const { i, place } of [...top, ...bottom]) {
			const key = headKey(lines[i]!.text);
			if (key === null) continue;
			const k = `${place}\0${key}`;
			let set = pagesOfKey.get(k);
			if (!set) pagesOfKey.set(k, (set = new Set()));
			set.add(p);
			placed.push({ i, key: k });
		}
	}
	return { pagesOfKey, placed, considered };
}

/**
 * Running heads: the same key at the same place (top rank, or the bottom) on many pages. Drops
 * them, and takes a folio printed on a head's own line (`东城区…资料    第6页`) for its page.
 */
function dropRunningHeads(
	lines: SourceLine[],
	pages: readonly number[][],
	pageOfLine: readonly number[],
	folios: Map<number, string>,
	log: RepairLog,
	sizes?: readonly number[],
): void {
	const { pagesOfKey, placed, considered } = placedKeys(lines, pages, folios);
	const heads = runningHeads(pagesOfKey, placed, Math.max(2, Math.ceil(considered * 0.3)), sizes);
	const typical = typicalSizes(placed, sizes);
	for (const { i, key } of placed) {
		if (!heads.has(key) || lines[i]!.text === '') continue;
		// In a PDF, a line in another size than the head's (a report's title that its running
		// head repeats, on a page short enough to be near both edges) is not the head.
		if (sizes && Math.abs((sizes[i] ?? 0) - typical.get(key)!) > 0.1) continue;
		const p = pageOfLine[i]!;
		const words = lines[i]!.text.trim().split(/[ \u3000]+/);
		const folio =
			words.length > 1 ? (folioOf(words[words.length - 1]!) ?? folioOf(words[0]!)) : null;
		if (folio !== null && !folios.has(p)) folios.set(p, folio);
		dropAs(lines, log, i, 'running-head');
	}
}

/**
 * @param lines The source lines (changed in place: furniture lines become blank).
 * @param rawLines The decoded text split on LF (form feeds still in it).
 * @param log Receives `folio` and `running-head` drops.
 * @param givenPages The 1-based page of each line when the format knows it (PDF).
 * @param frameLines 0-based lines that are a web page's frame (HTML): dropped as `frame-line`.
 * @param sizes Each line's font size over the body's, when the format knows it (PDF).
 */
export function removeFurniture(
	lines: SourceLine[],
	rawLines: readonly string[],
	log: RepairLog,
	givenPages?: readonly number[],
	frameLines: readonly number[] = [],
	sizes?: readonly number[],
): PageModel {
	// 0. The frame of a web page (navigation, footer), as the HTML reader marked it.
	for (const i of frameLines)
		if (i < lines.length && !isBlank(lines[i])) dropAs(lines, log, i, 'frame-line');
	const { pageOfLine, evidence } = pagesOf(lines, rawLines, givenPages);
	const pageCount = pageOfLine.length ? pageOfLine[pageOfLine.length - 1]! : 1;
	if (!evidence) return { pageOfLine, folios: new Map(), pageCount };
	// Non-blank lines of each page, in order.
	const pages: number[][] = Array.from({ length: pageCount + 1 }, () => []);
	lines.forEach((l, i) => {
		if (!isBlank(l)) pages[pageOfLine[i]!]!.push(i);
	});
	// 1. folios, 2. running heads
	const folios = dropFolios(lines, pages, log);
	dropRunningHeads(lines, pages, pageOfLine, folios, log, sizes);
	return { pageOfLine, folios, pageCount };
}
