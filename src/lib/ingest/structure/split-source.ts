/**
 * The structure of one source: its shape, its reports' spans, and the regions that are not
 * report text (front matter, TOC, frame between reports), for the line accounting.
 *
 * Order of attempts: a TOC whose entries are found in the body; a web collection; reports
 * found by their heads (a book without a TOC, or whose TOC matches nothing); one article.
 * Every loosely matched TOC entry, a source that looks like several reports but yields one, and
 * a report head where the text before it broke off mid-sentence (`structure:uncertain-head`:
 * made a report, or not, either way named) gets a warning.
 *
 * Doesn’t build the reports (see `build-report.ts`).
 */
import type { IngestIssue, OutlineEntry } from '../types.ts';
import {
	readCoverAndPreface,
	isPrefaceHeading,
	type CoverAndPreface,
} from './cover-and-preface.ts';
import { isTocHeading, type ParsedToc } from './parse-toc.ts';
import { outlineToc } from './outline-toc.ts';
import type { LocatedEntry } from './locate-reports.ts';
import type { RepairLog } from '../lines/repair-log.ts';
import { detectShape, type Shape } from './shape.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { SpanDraft } from './span.ts';
import { reportSignals, splitByHeads, unlistedHeads, type HeadNote } from './split-by-heads.ts';
import { isFrameLine, splitCompilation } from './split-compilation.ts';
import { splitSingle } from './split-single.ts';
import { splitWeb, type WebSplit } from './split-web.ts';
import type { AccountInput } from './account-lines.ts';
import { keyOf } from '../lines/line-kinds.ts';
import { normaliseSpaces } from '../lines/spaces.ts';
import { endsSentence } from '../lines/line-kinds.ts';
import { authorOf } from '../report/sign-off.ts';

export interface SourceStructure {
	shape: Shape;
	toc: ParsedToc | null;
	located: LocatedEntry[];
	spans: SpanDraft[];
	front: CoverAndPreface | null;
	web: WebSplit | null;
	regions: AccountInput['regions'];
	issues: IngestIssue[];
	/**
	 * Line numbers of the `作者：X` lines of byline heads not made reports (warned as
	 * `structure:uncertain-head`): no report's author is read from them.
	 */
	warnedBylines?: number[];
	/**
	 * Line numbers of heads not made reports (warned as `structure:uncertain-head`: after a
	 * sign-off, or over a byline; their lines stay in the report above): that report's sign-off
	 * is read before them when one stands there.
	 */
	keptHeads?: number[];
}

function warn(file: string, line: number, ruleId: string, message: string): IngestIssue {
	return { file, line, column: 1, ruleId, severity: 'warning', message };
}

function quote(text: string): string {
	const t = text.trim();
	return t.length > 24 ? `${t.slice(0, 24)}…` : t;
}

/** The warning for a head where the text before it broke off (see `HeadNote`). */
function uncertainHead(file: string, lines: readonly SourceLine[], note: HeadNote): IngestIssue {
	const head = lines[note.at]!;
	if (note.kind === 'byline')
		return warn(
			file,
			head.no,
			'structure:uncertain-head',
			`“${quote(head.text)}” over an author's byline and body reads like a report's head, but it is the only one so shaped: it is not made a report (its lines stay in the text above). Check line ${head.no}.`,
		);
	const open = lines[note.open]!;
	const where = `the text before it breaks off mid-sentence at line ${open.no} (“…${open.text.trim().slice(-12)}”)`;
	return warn(
		file,
		head.no,
		'structure:uncertain-head',
		note.kind === 'cut'
			? `“${quote(head.text)}” starts a report, but ${where}: a sentence may be cut or the text out of order. Check lines ${open.no}–${head.no}.`
			: `“${quote(head.text)}” follows a sign-off like a report's title, but ${where}, above the sign-off: it is not made a report (its lines stay in the report above). Check lines ${open.no}–${head.no}.`,
	);
}

/** The `作者：X` line under each byline head not made a report (one of the next two lines with text). */
function bylinesOf(lines: readonly SourceLine[], notes: readonly HeadNote[]): number[] {
	const out: number[] = [];
	for (const n of notes) {
		if (n.kind !== 'byline') continue;
		// (Under a title of one line or two.)
		for (let k = n.at + 1, seen = 0; k < lines.length && seen < 2; k++) {
			if (isBlank(lines[k])) continue;
			seen++;
			if (authorOf(lines[k]!.text) !== null) {
				out.push(lines[k]!.no);
				break;
			}
		}
	}
	return out;
}

/** Lines between the TOC and the first report: a 前言 (preface) or frame lines; the rest stays unassigned. */
function gapRegions(
	lines: readonly SourceLine[],
	from: number,
	to: number,
	front: CoverAndPreface,
	sectionKeys: ReadonlySet<string>,
	regions: AccountInput['regions'][number][],
	log: RepairLog,
): void {
	let i = from;
	while (i < to && isBlank(lines[i])) i++;
	const preface = i < to && isPrefaceHeading(lines[i]!.text);
	for (let j = i; j < to; j++) {
		if (isBlank(lines[j])) continue;
		if (isFrameLine(lines, j, sectionKeys)) regions.push({ from: j, to: j + 1, place: 'frame' });
		else if (preface) {
			regions.push({ from: j, to: j + 1, place: 'preface' });
			if (j > i) front.preface.push(normaliseSpaces(lines[j]!.text, 'body', log));
		}
	}
}

/** Frame lines trimmed off the ends of spans (section markers, part pages). */
function frameBetween(
	lines: readonly SourceLine[],
	spans: readonly SpanDraft[],
	regions: AccountInput['regions'][number][],
): void {
	for (let n = 0; n < spans.length; n++) {
		const to = spans[n + 1]?.start ?? lines.length;
		if (spans[n]!.end < to) regions.push({ from: spans[n]!.end, to, place: 'frame' });
	}
}

/**
 * A report the TOC doesn't list, printed after a located one (a head after its sign-off), is a
 * report of its own, not the tail of the one above: split off, with a warning.
 */
function splitUnlisted(
	file: string,
	lines: readonly SourceLine[],
	spans: SpanDraft[],
	unitWords: readonly string[],
	issues: IngestIssue[],
): SpanDraft[] {
	const out: SpanDraft[] = [];
	for (const span of spans) {
		const heads = unlistedHeads(lines, (span.titleEnd ?? span.start) + 1, span.end, unitWords);
		if (heads.length === 0) {
			out.push(span);
			continue;
		}
		const cuts = [span.start, ...heads];
		cuts.forEach((start, n) => {
			let end = cuts[n + 1] ?? span.end;
			while (end > start + 1 && isBlank(lines[end - 1])) end--;
			if (n === 0) out.push({ ...span, end });
			else {
				out.push({
					start,
					end,
					order: span.order,
					webLabel: null,
					bundle: false,
					section: span.tocItem?.section ?? null,
				});
				issues.push(
					warn(
						file,
						lines[start]!.no,
						'toc:unlisted-report',
						`“${quote(lines[start]!.text)}” starts a report after the sign-off of “${quote(span.tocItem?.title ?? lines[span.start]!.text)}”, but the TOC doesn't list it: it is made a report of its own. Check the TOC.`,
					),
				);
			}
		});
	}
	return out;
}

/**
 * A book without a printed TOC, split at the reports its outline names: the cover and preface
 * before the first report, the frame between reports, as for a printed TOC.
 */
function outlineStructure(
	file: string,
	lines: readonly SourceLine[],
	log: RepairLog,
	unitWords: readonly string[],
	toc: ParsedToc,
	split: ReturnType<typeof splitCompilation>,
	issues: IngestIssue[],
): SourceStructure {
	const regions: AccountInput['regions'][number][] = [];
	const spans = splitUnlisted(file, lines, split.spans, unitWords, issues);
	const first = spans[0]!.start;
	const front = readCoverAndPreface(lines, first, log, unitWords);
	const sectionKeys = new Set(
		toc.items.filter((i) => i.kind === 'section').map((i) => keyOf(i.title)),
	);
	let preface = 0;
	while (preface < first && !isPrefaceHeading(lines[preface]!.text)) preface++;
	// A cover with sentences in it is not a cover: those lines are left to the accounting.
	if (!lines.slice(0, preface).some((l) => !isBlank(l) && endsSentence(l.text)))
		regions.push({ from: 0, to: preface, place: 'front' });
	gapRegions(lines, preface, first, front, sectionKeys, regions, log);
	frameBetween(lines, spans, regions);
	return {
		shape: 'toc-compilation',
		toc,
		located: split.located,
		spans,
		front,
		web: null,
		regions,
		issues,
	};
}

type Regions = AccountInput['regions'][number][];

/** What one way of splitting the source found: its spans and what lies around them. */
interface Split {
	shape: Shape;
	located: LocatedEntry[];
	spans: SpanDraft[];
	front: CoverAndPreface | null;
	web: WebSplit | null;
	regions: Regions;
	issues: IngestIssue[];
	warnedBylines: number[];
	keptHeads: number[];
}

/** Reports found by their heads from line index `from`, with the warnings of uncertain heads. */
function splitAtHeads(
	file: string,
	lines: readonly SourceLine[],
	from: number,
	unitWords: readonly string[],
	pageOfLine: readonly number[] | undefined,
): Pick<Split, 'spans' | 'issues' | 'warnedBylines' | 'keptHeads'> {
	const notes: HeadNote[] = [];
	const spans = splitByHeads(lines, from, unitWords, pageOfLine, notes);
	const issues = notes
		.filter((n) => n.kind !== 'cut' || spans.length >= 2)
		.map((n) => uncertainHead(file, lines, n));
	const keptHeads = notes.filter((n) => n.kind !== 'cut').map((n) => lines[n.at]!.no);
	return { spans, issues, warnedBylines: bylinesOf(lines, notes), keptHeads };
}

/** The warning for a TOC none of whose entries is in the body (its reports found by heads). */
function unmatchedToc(
	file: string,
	lines: readonly SourceLine[],
	toc: ParsedToc,
	found: number,
): IngestIssue {
	const entries = toc.items.filter((i) => i.kind === 'report').length;
	return warn(
		file,
		lines[toc.start]!.no,
		'toc:unmatched',
		`No entry of the TOC (${entries} entries) is found in the body; ${found} reports were found by their heads instead. Check the TOC against the report titles.`,
	);
}

/** A warning for each TOC entry matched to its body title loosely (not exactly). */
function looseMatches(
	file: string,
	lines: readonly SourceLine[],
	located: readonly LocatedEntry[],
): IngestIssue[] {
	const issues: IngestIssue[] = [];
	for (const entry of located) {
		if (entry.start < 0 || entry.match === 'exact' || entry.match === undefined) continue;
		const body = lines
			.slice(entry.start, entry.titleEnd + 1)
			.map((l) => l.text.trim())
			.join('');
		const how = {
			prefix: 'one title starts the other',
			contains: 'one title contains the other',
			edits: 'the titles differ by a few characters',
			subtitle: 'the subtitle matches',
			unit: 'the unit line matches',
		}[entry.match];
		issues.push(
			warn(
				file,
				lines[entry.start]!.no,
				'toc:loose-match',
				`TOC entry “${quote(entry.item.title)}” (line ${entry.item.line}) matched the body title “${quote(body)}” loosely (${how}). Check that this is the same report.`,
			),
		);
	}
	return issues;
}

/**
 * A book with a printed TOC: the reports its entries locate (by their heads when it matches
 * nothing), the cover and preface before the TOC, the frame between reports.
 */
function tocSplit(
	file: string,
	lines: readonly SourceLine[],
	log: RepairLog,
	unitWords: readonly string[],
	toc: ParsedToc,
	pageOfLine: readonly number[] | undefined,
): Split {
	const front = readCoverAndPreface(lines, toc.start, log, unitWords);
	const regions: Regions = [
		{ from: 0, to: toc.start, place: 'front' },
		{ from: toc.start, to: toc.end + 1, place: 'toc' },
	];
	const issues: IngestIssue[] = [];
	const warnedBylines: number[] = [];
	const keptHeads: number[] = [];
	const compiled = splitCompilation(lines, toc);
	let spans = splitUnlisted(file, lines, compiled.spans, unitWords, issues);
	const sectionKeys = new Set(
		toc.items.filter((i) => i.kind === 'section').map((i) => keyOf(i.title)),
	);
	if (spans.length === 0) {
		// A TOC that matches nothing: find the reports by their heads.
		const heads = splitAtHeads(file, lines, toc.end + 1, unitWords, pageOfLine);
		spans = heads.spans;
		issues.push(...heads.issues);
		warnedBylines.push(...heads.warnedBylines);
		keptHeads.push(...heads.keptHeads);
		if (spans.length) issues.push(unmatchedToc(file, lines, toc, spans.length));
	}
	const firstReport = spans[0]?.start ?? lines.length;
	gapRegions(lines, toc.end + 1, firstReport, front, sectionKeys, regions, log);
	frameBetween(lines, spans, regions);
	issues.push(...looseMatches(file, lines, compiled.located));
	const located = compiled.located;
	return {
		shape: 'toc-compilation',
		located,
		spans,
		front,
		web: null,
		regions,
		issues,
		warnedBylines,
		keptHeads,
	};
}

/** A web collection: its items, the page before the first one and each item's label line. */
function webSplit(lines: readonly SourceLine[], log: RepairLog): Split {
	const web = splitWeb(lines, log);
	const spans = web.spans;
	const first = spans[0]?.start ?? lines.length;
	const regions: Regions = [{ from: 0, to: first, place: 'front' }];
	for (const s of spans)
		if (s.labelLine !== undefined)
			regions.push({ from: s.labelLine - 1, to: s.labelLine, place: 'frame' });
	const none = { located: [], front: null, issues: [], warnedBylines: [], keptHeads: [] };
	return { shape: 'web-collection', spans, web, regions, ...none };
}

/**
 * Reports found by their heads (a book without a TOC, `head-compilation`) with the cover before
 * the first; with fewer than two heads, one article (the shape as detected).
 */
function headSplit(
	file: string,
	lines: readonly SourceLine[],
	log: RepairLog,
	unitWords: readonly string[],
	shape: Shape,
	pageOfLine: readonly number[] | undefined,
): Split {
	const heads = splitAtHeads(file, lines, 0, unitWords, pageOfLine);
	const { spans, issues, warnedBylines, keptHeads } = heads;
	const found = { located: [], web: null, issues, warnedBylines, keptHeads };
	if (spans.length < 2)
		return { shape, spans: splitSingle(lines, log), front: null, regions: [], ...found };
	const first = spans[0]!.start;
	const front = readCoverAndPreface(lines, first, log, unitWords);
	const regions: Regions = [];
	// A cover with sentences in it is not a cover: those lines are left to the accounting.
	const coverHasText = lines.slice(0, first).some((l) => !isBlank(l) && endsSentence(l.text));
	if (!coverHasText) regions.push({ from: 0, to: first, place: 'front' });
	frameBetween(lines, spans, regions);
	return { shape: 'head-compilation', spans, front, regions, ...found };
}

/**
 * The warning for a source that reads as several reports (sign-offs, “——” subtitles, a 目录
 * heading) but yields one; null when nothing says so.
 */
function oneReportWarning(
	file: string,
	lines: readonly SourceLine[],
	split: Split,
	toc: ParsedToc | null,
): IngestIssue | null {
	const tocAt = lines.findIndex((l) => isTocHeading(l.text));
	const inToc = (i: number) => toc !== null && i >= toc.start && i <= toc.end;
	const { signOffs, subtitles } = reportSignals(lines, inToc);
	const seen: string[] = [];
	if (signOffs >= 2) seen.push(`${signOffs} sign-offs`);
	if (subtitles >= 2) seen.push(`${subtitles} “——” subtitles`);
	// A TOC that was read (its other entries TOC-only) explains one report; a 目录 heading that wasn't doesn't.
	if (tocAt >= 0 && (split.shape !== 'toc-compilation' || seen.length > 0))
		seen.push('a 目录 heading');
	if (seen.length === 0) return null;
	const list =
		seen.length > 1 ? `${seen.slice(0, -1).join(', ')} and ${seen[seen.length - 1]}` : seen[0]!;
	return warn(
		file,
		lines[tocAt >= 0 ? tocAt : split.spans[0]!.start]!.no,
		'structure:one-report',
		`${list}, but 1 report: check the TOC and the report heads (titles, “——” subtitles, unit lines).`,
	);
}

/**
 * @param file The source's file name (for issues).
 * @param lines All lines of the source.
 * @param outline A PDF's outline: the TOC of a book that prints none (see `outline-toc.ts`).
 * @param pageOfLine 1-based page of each line (index = line number − 1), when pages are known.
 */
export function splitSource(
	file: string,
	lines: readonly SourceLine[],
	log: RepairLog,
	unitWords: readonly string[],
	outline?: readonly OutlineEntry[],
	pageOfLine?: readonly number[],
): SourceStructure {
	const { shape, toc } = detectShape(lines, unitWords);
	const fromOutline = shape !== 'toc-compilation' && outline ? outlineToc(outline) : null;
	if (fromOutline) {
		const split = splitCompilation(lines, fromOutline);
		if (split.spans.length >= 2)
			return outlineStructure(file, lines, log, unitWords, fromOutline, split, []);
	}
	const split =
		shape === 'toc-compilation' && toc
			? tocSplit(file, lines, log, unitWords, toc, pageOfLine)
			: shape === 'web-collection'
				? webSplit(lines, log)
				: headSplit(file, lines, log, unitWords, shape, pageOfLine);
	const { located, spans, front, web, regions, issues, warnedBylines, keptHeads } = split;
	const oneReport = spans.length === 1 ? oneReportWarning(file, lines, split, toc) : null;
	if (oneReport) issues.push(oneReport);
	const structure = { shape: split.shape, toc, located, spans, front, web, regions, issues };
	return { ...structure, warnedBylines, keptHeads };
}
