/**
 * Split a TOC compilation into report spans: each TOC entry found in the body opens a span
 * that runs to the next found entry (or the end of the text); entries not found are TOC-only.
 *
 * Trailing section markers, part headers (`第二部分`, `外部参考`), a bare part header's name line and their pinyin lines
 * (`Shifandanweijingyan`) are cut off a span: they belong to the book, not to the report.
 * Doesn’t read the reports themselves.
 */
import {
	isLatinOnly,
	isSubtitleLine,
	keyOf,
	markerOf,
	sectionMarkerOf,
} from '../lines/line-kinds.ts';
import { locateReports, type LocatedEntry } from './locate-reports.ts';
import type { ParsedToc } from './parse-toc.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { SpanDraft } from './span.ts';

/** Is this line book furniture between two reports? */
function isFurniture(text: string, sectionKeys: ReadonlySet<string>): boolean {
	const t = text.trim();
	// A section printed with its TOC number (`一、机关篇` for the TOC's section 机关篇).
	const marker = markerOf(t);
	const unnumbered = marker ? keyOf(t.slice(marker.length)) : null;
	return (
		sectionMarkerOf(t) !== null ||
		sectionKeys.has(keyOf(t)) ||
		(unnumbered !== null && sectionKeys.has(unnumbered)) ||
		(isLatinOnly(t) && /^[A-Za-z]{6,}$/.test(t))
	);
}

const BARE_PART = /^第[一二三四五六七八九十\d]{1,3}(?:部分|编)$/;

/**
 * Is line `i` frame: furniture, or the name printed under a bare part header (`第一部分` ⏎
 * `学习型企业`: a short line, no sentence, the part header the line before it)?
 */
export function isFrameLine(
	lines: readonly SourceLine[],
	i: number,
	sectionKeys: ReadonlySet<string>,
): boolean {
	const t = lines[i]!.text.trim();
	if (isFurniture(t, sectionKeys)) return true;
	if (t.length > 20 || /[，,。；;：:！？!?]/.test(t) || isSubtitleLine(t)) return false;
	let p = i - 1;
	while (p >= 0 && isBlank(lines[p])) p--;
	return p >= 0 && BARE_PART.test(lines[p]!.text.replace(/[ \u3000]/g, ''));
}

/**
 * @returns The located entries (TOC order) and one span per found entry.
 */
export function splitCompilation(
	lines: readonly SourceLine[],
	toc: ParsedToc,
): { located: LocatedEntry[]; spans: SpanDraft[] } {
	const reports = toc.items.filter((i) => i.kind === 'report');
	const sectionKeys = new Set(
		toc.items.filter((i) => i.kind === 'section').map((i) => keyOf(i.title)),
	);
	const located = locateReports(lines, reports, toc.end + 1);
	const found = located.map((entry, order) => ({ entry, order })).filter((x) => x.entry.start >= 0);
	const spans = found.map(({ entry, order }, n): SpanDraft => {
		let end = n + 1 < found.length ? found[n + 1]!.entry.start : lines.length;
		while (
			end > entry.titleEnd + 1 &&
			(isBlank(lines[end - 1]) || isFrameLine(lines, end - 1, sectionKeys))
		)
			end--;
		return {
			start: entry.start,
			end,
			titleEnd: entry.titleEnd,
			tocItem: entry.item,
			order,
			webLabel: null,
			bundle: false,
		};
	});
	return { located, spans };
}
