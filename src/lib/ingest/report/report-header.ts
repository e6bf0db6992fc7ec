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

/**
 * @param span The report's lines from its first line (title or first body line) to its end.
 */
export function readReportHead(span: readonly SourceLine[], options: HeadOptions = {}): ReportHead {
	const idx: number[] = [];
	for (let i = 0; i < span.length && idx.length < 12; i++) if (!isBlank(span[i])) idx.push(i);
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
	const text = (k: number) => (idx[k] === undefined ? '' : span[idx[k]!]!.text);
	const take = (k: number) => head.consumed.push(span[idx[k]!]!);
	const unitWords = options.unitWords ?? [];
	const isByline = (t: string) => {
		const c = collapse(t);
		return (options.tocUnit && keyOf(c) === keyOf(options.tocUnit)) || isUnitLine(c, unitWords);
	};
	// A unit name wrapped over lines k and k+1 (`…股份有限公司延庆` ⏎ `养殖基地`).
	const wrappedByline = (k: number) =>
		text(k) && text(k + 1) ? joinWrappedUnit(text(k), text(k + 1), unitWords) : null;
	let k = 0;
	if (!options.bundle) {
		if (options.titleEnd !== undefined) {
			const parts: string[] = [];
			while (idx[k] !== undefined && idx[k]! <= options.titleEnd) (parts.push(text(k)), take(k++));
			head.title = parts.reduce((a, b) => (a ? joinTitleLines(a, b) : b.trim()), '');
		} else {
			if (isByline(text(k)) && isTitleLike(text(k + 1)) && !isByline(text(k + 1)))
				(head.byline.push(collapse(text(k))), take(k++));
			if (isTitleLike(text(k))) {
				let title = text(k).trim();
				take(k++);
				while (
					k < 4 &&
					isTitleLike(text(k)) &&
					!isByline(text(k)) &&
					!wrappedByline(k) &&
					(endsMidClause(title) || isSubtitleLine(text(k + 1)) || isByline(text(k + 1)))
				) {
					title = joinTitleLines(title, text(k));
					take(k++);
				}
				head.title = title;
			}
		}
		if (isSubtitleLine(text(k))) {
			head.subtitle = text(k).trim();
			take(k++);
			// A subtitle too long for the measure wraps: its tail on the next line.
			while (
				idx[k] === idx[k - 1]! + 1 &&
				continuesSubtitle(head.subtitle, text(k), span, isByline)
			)
				((head.subtitle += text(k).trim()), take(k++));
		}
		while (head.byline.length < 4 && text(k)) {
			if (isByline(text(k))) (head.byline.push(collapse(text(k))), take(k++));
			else if (wrappedByline(k)) (head.byline.push(wrappedByline(k)!), take(k++), take(k++));
			else break;
		}
		// An author byline under the title (an essay's `作者：X`, not the line that closes it).
		const author = text(k) && text(k + 1) ? authorOf(text(k)) : null;
		if (author) ((head.author = author), take(k++));
	}
	for (;;) {
		const t = text(k).trim();
		const abs = /^摘\s*要\s*[:：]\s*(.*)$/.exec(t);
		const kw = /^关\s*键\s*词\s*[:：]\s*(.*)$/.exec(t);
		if (abs) head.abstract = abs[1]!.trim() || null;
		else if (kw) head.keywords = kw[1]!.split(/[;；,，、\s]+/).filter(Boolean);
		else break;
		take(k++);
	}
	head.bodyStart = idx[k] ?? span.length;
	return head;
}
