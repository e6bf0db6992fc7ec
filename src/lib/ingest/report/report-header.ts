/**
 * Read the head of one report (docs/ingest-spec.md §2): title (possibly wrapped), subtitle, byline
 * units, and the 摘要/关键词 lines of an essay.
 *
 * @example
 *   加强学习型党组织建设⏎⏎全力促进街道各项事业蓬勃发展⏎⏎——***街道工委学习型党组织建设上半年总结
 *   → title `加强学习型党组织建设 全力促进街道各项事业蓬勃发展`, subtitle `——***街道工委…总结`
 *
 * An `作者：X` line right under the title (and not the last line) is the author's byline.
 *
 * Doesn’t read the body or the sign-off; when no line looks like a title, `title` is null
 * and the caller uses the TOC entry or the web label.
 */
import {
	endsMidClause,
	isSubtitleLine,
	joinTitleLines,
	keyOf,
	markerOf,
	visibleLength,
} from '../lines/line-kinds.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import { authorOf } from './sign-off.ts';
import { isUnitLine, joinWrappedUnit, unitText } from './unit.ts';

export interface ReportHead {
	/** Title as printed (raw, spaces not yet normalised), or null. */
	title: string | null;
	subtitle: string | null;
	/** Units printed under (or above) the title, one per line. */
	byline: string[];
	/** A personal author printed under the title (`作者：李文远`), or null. */
	author: string | null;
	abstract: string | null;
	keywords: string[];
	/** Lines consumed by the head, in order. */
	consumed: SourceLine[];
	/** Index in the span of the first body line. */
	bodyStart: number;
}

export interface HeadOptions {
	/** The title was already located (TOC match): its lines are `span[0..titleEnd]`. */
	titleEnd?: number;
	/** Unit given by the TOC, matched against a byline. */
	tocUnit?: string | null;
	/** Extra unit words from the vocabulary. */
	unitWords?: readonly string[];
	/** Treat the article as a bundle of documents: consume nothing but 摘要/关键词. */
	bundle?: boolean;
}

/** A line that can be (part of) a title: short, no sentence inside, not a heading or subtitle. */
export function isTitleLike(text: string): boolean {
	const t = text.trim();
	if (t.length === 0 || visibleLength(t) > 40 || isSubtitleLine(t) || markerOf(t)) return false;
	if (/^(?:摘\s*要|关键词|作者|[（(]?执笔)[:：]?/.test(t)) return false;
	return !/[。！？!?；;：:]/.test(t);
}

// What a subtitle ends with: the kind of document (`…工作汇报`, `…经验交流材料`, `…的发言`).
const DOCUMENT_END =
	/(?:总结|汇报|报告|材料|经验|介绍|方案|意见|规划|计划|要点|发言|讲话|体会|做法|纪实|侧记|综述|调查|调研|思考|探索|实践)$/;

/**
 * Does `next` (the line right under the subtitle, no blank line between) carry on a subtitle
 * that wrapped at the measure? The subtitle fills the measure (it is as long as the span's
 * longest line, less two characters: text extracted from a narrow page, `——平川县…三年来工作情` ⏎
 * `况的总结汇报`), and `next` is a short line with no sentence or clause mark that is not a
 * subtitle, heading, date, author or byline of its own (a byline-shaped or very short tail only
 * when the joined subtitle then ends in the kind of document, `…交流` ⏎ `材料`). A hand-typed
 * text, its paragraphs one line each, never has a subtitle that fills its measure.
 */
function continuesSubtitle(
	subtitle: string,
	next: string,
	span: readonly SourceLine[],
	isByline: (text: string) => unknown,
): boolean {
	const t = next.trim();
	if (t.length === 0 || visibleLength(t) > 40 || /[。！？!?；;：:，,]/.test(t)) return false;
	if (isSubtitleLine(t) || markerOf(t) || authorOf(t) || /^[（(]/.test(t) || /年.{0,6}月/.test(t))
		return false;
	if (DOCUMENT_END.test(subtitle)) return false;
	let measure = 0;
	for (const line of span) measure = Math.max(measure, visibleLength(line.text));
	if (visibleLength(subtitle) < measure - 2) return false;
	if (t.length <= 4 || isByline(t)) return DOCUMENT_END.test(subtitle + t);
	return true;
}

/** A byline's name: letter-spacing collapsed, brackets, labels and seal notes taken off. */
function collapse(text: string): string {
	return unitText(text);
}

/** A cursor over the first non-blank lines of a span (at most 12): the head takes them in order. */
class HeadCursor {
	readonly span: readonly SourceLine[];
	/** Index in the span of each non-blank line looked at. */
	readonly idx: number[] = [];
	/** The next non-blank line to read. */
	k = 0;
	private readonly consumed: SourceLine[];
	constructor(span: readonly SourceLine[], consumed: SourceLine[]) {
		this.span = span;
		this.consumed = consumed;
		for (let i = 0; i < span.length && this.idx.length < 12; i++)
			if (!isBlank(span[i])) this.idx.push(i);
	}
	/** The text of non-blank line `k` ('' past the end). */
	text(k: number): string {
		return this.idx[k] === undefined ? '' : this.span[this.idx[k]!]!.text;
	}
	/** The head takes the next line. */
	take(): void {
		this.consumed.push(this.span[this.idx[this.k++]!]!);
	}
}

/** How the head tells a byline: a unit line, or the TOC's unit. */
interface Bylines {
	isByline: (t: string) => boolean;
	/** A unit name wrapped over lines k and k+1 (`…股份有限公司延庆` ⏎ `养殖基地`), joined, or null. */
	wrapped: (k: number) => string | null;
}

/** The byline tests of a head, by the TOC unit and the vocabulary's unit words. */
function bylinesOf(cur: HeadCursor, options: HeadOptions): Bylines {
	const unitWords = options.unitWords ?? [];
	const isByline = (t: string) => {
		const c = collapse(t);
		return (options.tocUnit && keyOf(c) === keyOf(options.tocUnit)) || isUnitLine(c, unitWords);
	};
	const wrapped = (k: number) =>
		cur.text(k) && cur.text(k + 1)
			? joinWrappedUnit(cur.text(k), cur.text(k + 1), unitWords)
			: null;
	return { isByline, wrapped };
}

/**
 * The title: the lines already located (`titleEnd`), else title-like lines (a byline may come
 * first), joined while the title is unfinished or a subtitle or byline follows.
 */
function readTitle(cur: HeadCursor, head: ReportHead, options: HeadOptions, by: Bylines): void {
	const text = (k: number) => cur.text(k);
	if (options.titleEnd !== undefined) {
		const parts: string[] = [];
		while (cur.idx[cur.k] !== undefined && cur.idx[cur.k]! <= options.titleEnd)
			(parts.push(text(cur.k)), cur.take());
		head.title = parts.reduce((a, b) => (a ? joinTitleLines(a, b) : b.trim()), '');
		return;
	}
	if (by.isByline(text(cur.k)) && isTitleLike(text(cur.k + 1)) && !by.isByline(text(cur.k + 1)))
		(head.byline.push(collapse(text(cur.k))), cur.take());
	if (!isTitleLike(text(cur.k))) return;
	let title = text(cur.k).trim();
	cur.take();
	while (
		cur.k < 4 &&
		isTitleLike(text(cur.k)) &&
		!by.isByline(text(cur.k)) &&
		!by.wrapped(cur.k) &&
		(endsMidClause(title) || isSubtitleLine(text(cur.k + 1)) || by.isByline(text(cur.k + 1)))
	) {
		title = joinTitleLines(title, text(cur.k));
		cur.take();
	}
	head.title = title;
}

/** The subtitle, with its tail when it wrapped at the measure onto the next line. */
function readSubtitle(cur: HeadCursor, head: ReportHead, by: Bylines): void {
	if (!isSubtitleLine(cur.text(cur.k))) return;
	head.subtitle = cur.text(cur.k).trim();
	cur.take();
	// A subtitle too long for the measure wraps: its tail on the next line.
	while (
		cur.idx[cur.k] === cur.idx[cur.k - 1]! + 1 &&
		continuesSubtitle(head.subtitle, cur.text(cur.k), cur.span, by.isByline)
	)
		((head.subtitle += cur.text(cur.k).trim()), cur.take());
}

/** Up to four bylines (one may be wrapped over two lines), then an author's `作者：X`. */
function readBylines(cur: HeadCursor, head: ReportHead, by: Bylines): void {
	while (head.byline.length < 4 && cur.text(cur.k)) {
		const wrapped = by.isByline(cur.text(cur.k)) ? null : by.wrapped(cur.k);
		if (by.isByline(cur.text(cur.k))) (head.byline.push(collapse(cur.text(cur.k))), cur.take());
		else if (wrapped) (head.byline.push(wrapped), cur.take(), cur.take());
		else break;
	}
	// An author byline under the title (an essay's `作者：X`, not the line that closes it).
	const author = cur.text(cur.k) && cur.text(cur.k + 1) ? authorOf(cur.text(cur.k)) : null;
	if (author) ((head.author = author), cur.take());
}

/** The 摘要 (abstract) and 关键词 (keywords) lines, in any order. */
function readAbstract(cur: HeadCursor, head: ReportHead): void {
	for (;;) {
		const t = cur.text(cur.k).trim();
		const abs = /^摘\s*要\s*[:：]\s*(.*)$/.exec(t);
		const kw = /^关\s*键\s*词\s*[:：]\s*(.*)$/.exec(t);
		if (abs) head.abstract = abs[1]!.trim() || null;
		else if (kw) head.keywords = kw[1]!.split(/[;；,，、\s]+/).filter(Boolean);
		else break;
		cur.take();
	}
}

/**
 * @param span The report's lines from its first line (title or first body line) to its end.
 */
export function readReportHead(span: readonly SourceLine[], options: HeadOptions = {}): ReportHead {
	const head: ReportHead = {
		title: null,
		subtitle: null,
		byline: [],
		author: null,
		abstract: null,
		keywords: [],
		consumed: [],
		bodyStart: 0,
	};
	const cur = new HeadCursor(span, head.consumed);
	if (!options.bundle) {
		const by = bylinesOf(cur, options);
		readTitle(cur, head, options, by);
		readSubtitle(cur, head, by);
		readBylines(cur, head, by);
	}
	readAbstract(cur, head);
	head.bodyStart = cur.idx[cur.k] ?? span.length;
	return head;
}
