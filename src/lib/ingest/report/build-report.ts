/**
 * Build one report record from its span: head, cleaned body, sign-off, unit, metadata.
 *
 * Unit precedence (docs/ingest-spec.md §2): the subtitle (`——X创建学习型…`), the TOC unit column, a
 * byline under the title, the sign-off, then a report-type title (`X创建学习型机关自查报告`).
 * Date: the sign-off (`report`), else the compilation’s date (`compilation`); a web page’s
 * posting date is never inherited.
 *
 * Doesn’t assign the id (ids are made per source, see `slug.ts`) and doesn’t validate.
 */
import type {
	IngestBlock,
	IngestIssue,
	ReportFrontmatter,
	SourceRecord,
	Vocabulary,
} from '../types.ts';
import { buildBlocks } from './blocks.ts';
import { endsSentence, keyOf, normaliseSubtitle } from '../lines/line-kinds.ts';
import {
	type CategoryResult,
	classifyCategory,
	detectReportType,
	findNamedPractices,
	tagThemes,
} from './metadata/index.ts';
import { readReportHead, type ReportHead } from './report-header.ts';
import type { RepairLog } from '../lines/repair-log.ts';
import { readSignOff, type SignOff } from './sign-off.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { SpanDraft } from '../structure/span.ts';
import { normaliseSpaces } from '../lines/spaces.ts';
import {
	isAnonymised,
	isUnitLine,
	unitFromHeadline,
	readSubtitleUnit,
	unitPartsOf,
} from './unit.ts';
import { unitFromBody } from './unit-from-body.ts';
import { HAN_CLASS } from '../../text/han.ts';
import type { DatedAs } from '../../frontmatter.ts';

export interface SourceContext {
	file: string;
	sourceSlug: string;
	shape: SourceRecord['shape'];
	compilationTitle: string;
	compilationDate: DatedAs | null;
	vocab: Vocabulary;
	unitWords: readonly string[];
	log: RepairLog;
	lines: readonly SourceLine[];
	/** Index after the last line that holds report text (for truncation). */
	textEnd: number;
	/** The source shows its pages: folios went with the page furniture (see `buildBlocks`). */
	pagesKnown?: boolean;
	/** Byline lines of heads not made reports (warned): no author is read from them. */
	warnedBylines?: ReadonlySet<number>;
	/** Heads not made reports (warned) after the report's sign-off: their text gives no field. */
	keptHeads?: ReadonlySet<number>;
	issues: IngestIssue[];
}

export type ReportDraft = Omit<ReportFrontmatter, 'id'>;

export interface BuiltReport {
	frontmatter: ReportDraft;
	blocks: IngestBlock[];
	/** The body's plain text: the blocks' texts joined by LF (the page text). */
	text: string;
	head: SourceLine[];
}

/** A book (with or without a TOC): its reports inherit its date. */
export function isCompilation(shape: SourceRecord['shape']): boolean {
	return shape === 'toc-compilation' || shape === 'head-compilation';
}

// Back matter that follows a sign-off and stays with its report (issue 21 item 4).
const BACK_MATTER = /^(?:附[ \u3000]*件|附[:：]|参考文献|后[ \u3000]*记|编后|注[:：释])/;

/** The blocks up to the sign-off: back matter after it (附件, 参考文献, 后记) is not read for the date. */
function beforeBackMatter(blocks: readonly IngestBlock[]): readonly IngestBlock[] {
	const at = blocks.findIndex((b, i) => i > 0 && BACK_MATTER.test(b.text));
	return at > 0 ? blocks.slice(0, at) : blocks;
}

const TYPE_TITLE = /(?:报告|方案|总结|汇报|规划|材料|意见|决定|计划)$/;
// A unit printed alone under the title: two to twenty Han characters.
const UNIT_LINE = new RegExp(`^[${HAN_CLASS}]{2,20}$`);

/** The unit named in the body (last resort; an authored essay has no unit), with a warning. */
function selfNamed(
	blocks: readonly IngestBlock[],
	author: string | null,
	ctx: SourceContext,
): string | null {
	const found = author ? null : unitFromBody(blocks, ctx.unitWords);
	if (!found) return null;
	warn(
		ctx,
		found.line,
		'unit:from-body',
		`No unit is printed with the report; “${found.unit}” is read from its own text.`,
	);
	return found.unit;
}

function warn(ctx: SourceContext, line: number, ruleId: string, message: string): void {
	ctx.issues.push({ file: ctx.file, line, column: 1, ruleId, severity: 'warning', message });
}

/**
 * A byline printed under the title that is not the report's unit (the unit came from the
 * subtitle or the TOC) would be shown nowhere: it stays on the page, as the body's first lines.
 */
function keepUnusedByline(
	head: ReportHead,
	unit: string | null,
	blocks: IngestBlock[],
	log: RepairLog,
): void {
	if (head.byline.length === 0 || (unit && keyOf(unit) === keyOf(head.byline.join('')))) return;
	const bylineKeys = new Set(head.byline.map(keyOf));
	const kept = head.consumed.filter((l) => bylineKeys.has(keyOf(l.text)));
	head.consumed = head.consumed.filter((l) => !kept.includes(l));
	blocks.unshift(
		...kept.map((l): IngestBlock => ({
			type: 'paragraph',
			text: normaliseSpaces(l.text.trim(), 'body', log),
			line: l.no,
		})),
	);
}

/** The report's body lines: the unassigned text kept before it, then its lines after the head. */
function bodyLinesOf(
	span: SpanDraft,
	lines: readonly SourceLine[],
	bodyStart: number,
	ctx: SourceContext,
): { lead: SourceLine[]; bodyLines: SourceLine[] } {
	// Unassigned text before the report (see `account-lines.ts`) opens its body.
	const lead = (span.lead ?? []).flatMap(([from, to]) => [
		...ctx.lines.slice(from, to),
		{ no: ctx.lines[to - 1]!.no, text: '' },
	]);
	const bodyLines = [...lead, ...lines.slice(bodyStart)].filter(
		(l) => !ctx.log.droppedLines.has(l.no),
	);
	return { lead, bodyLines };
}

/**
 * The report's own blocks and its sign-off before their back matter (its author, when it names
 * none, from all its own blocks). The own blocks end before a head warned about and kept in this
 * report after the report's own sign-off: the sign-off under that head is not this report's.
 */
function signOffOf(
	blocks: readonly IngestBlock[],
	ctx: SourceContext,
): { signOff: SignOff; own: readonly IngestBlock[] } {
	const kept = ctx.keptHeads?.size ? blocks.findIndex((b) => ctx.keptHeads!.has(b.line)) : -1;
	const before = kept > 0 ? readSignOff(blocks.slice(0, kept), ctx.unitWords) : null;
	const own = before?.date || before?.unit ? blocks.slice(0, kept) : blocks;
	const main = beforeBackMatter(own);
	const signOff = readSignOff(main, ctx.unitWords, ctx.warnedBylines);
	if (main !== own) signOff.author ??= readSignOff(own, ctx.unitWords, ctx.warnedBylines).author;
	return { signOff, own };
}

/** The report's title and subtitle, spaces normalised: the head's, else the TOC's or label's. */
function titlesOf(
	head: ReportHead,
	span: SpanDraft,
	ctx: SourceContext,
): { title: string; subtitle: string | null; rawSubtitle: string | null } {
	const rawTitle = head.title ?? span.tocItem?.title ?? span.webLabel ?? ctx.compilationTitle;
	const title = normaliseSpaces(rawTitle, 'title', ctx.log);
	const rawSubtitle = head.subtitle ?? span.tocItem?.subtitle ?? null;
	const subtitle = rawSubtitle
		? normaliseSubtitle(normaliseSpaces(rawSubtitle, 'title', ctx.log))
		: null;
	return { title, subtitle, rawSubtitle };
}

/**
 * The report's unit in the order of precedence (file header); a subtitle that opens with no
 * organisation's name is warned about when no unit is found elsewhere.
 */
function unitOf(
	head: ReportHead,
	span: SpanDraft,
	lines: readonly SourceLine[],
	titles: ReturnType<typeof titlesOf>,
	found: { signOff: SignOff; blocks: readonly IngestBlock[]; author: string | null },
	ctx: SourceContext,
): string | null {
	const { title, subtitle, rawSubtitle } = titles;
	const firstUnitLine =
		span.bundle && lines[0] ? normaliseSpaces(lines[0].text, 'body', ctx.log) : null;
	const fromSubtitle =
		subtitle && rawSubtitle ? readSubtitleUnit(rawSubtitle, subtitle, ctx.unitWords) : null;
	const unit =
		fromSubtitle?.unit ??
		span.tocItem?.unit ??
		(head.byline.length ? head.byline.join(' ') : null) ??
		found.signOff.unit ??
		(firstUnitLine && UNIT_LINE.test(firstUnitLine) ? firstUnitLine : null) ??
		(TYPE_TITLE.test(title) ? unitFromHeadline(title, ctx.unitWords) : null) ??
		selfNamed(found.blocks, found.author, ctx);
	if (!unit && fromSubtitle?.unclear) {
		const at = head.consumed.find((l) => l.text.includes(fromSubtitle.unclear!))?.no;
		warn(
			ctx,
			at ?? lines.find((l) => !isBlank(l))?.no ?? ctx.lines[span.start]!.no,
			'unit:unclear-subtitle',
			`The subtitle “${subtitle}” opens with “${fromSubtitle.unclear}”, which ends as no organisation's name; no unit is read from it.`,
		);
	}
	return unit;
}

/**
 * The report's first and last source lines (1-based): from its first non-blank line (the
 * lead's or the web label's when it has one) to its last one not dropped.
 */
function lineRangeOf(
	span: SpanDraft,
	lines: readonly SourceLine[],
	lead: readonly SourceLine[],
	labelLine: SourceLine | undefined,
	ctx: SourceContext,
): [number, number] {
	let first =
		lead.find((l) => !isBlank(l))?.no ??
		labelLine?.no ??
		lines.find((l) => !isBlank(l))?.no ??
		ctx.lines[span.start]!.no;
	let last =
		[...lines].reverse().find((l) => !isBlank(l) && !ctx.log.droppedLines.has(l.no))?.no ?? first;
	// Lines read as two columns are not in number order: the range is from the least to the most.
	if (ctx.log.columnSplits?.size || ctx.log.counts['column-interleave']) {
		const nos = [...lead, ...lines]
			.filter((l) => !isBlank(l) && !ctx.log.droppedLines.has(l.no))
			.map((l) => l.no);
		if (nos.length) {
			first = Math.min(first, ...nos);
			last = Math.max(last, ...nos);
		}
	}
	return [first, last];
}

/** The report's date: the sign-off's; a last line that looks like a date but is none is warned. */
function dateOf(
	blocks: readonly IngestBlock[],
	signOff: SignOff,
	title: string,
	ctx: SourceContext,
): { date: DatedAs | null; dateLike: IngestBlock | undefined } {
	const date = signOff.date ?? null;
	const dateLike = blocks
		.slice(-3)
		.find(
			(b) =>
				b.type === 'paragraph' &&
				b.text.length <= 40 &&
				/^[^，,。；;]*?[\d〇○◯零一二三四五六七八九十xX*＊]{2,4}\s*年[^，,。；;]*$/.test(b.text),
		);
	if (!date && dateLike) {
		warn(
			ctx,
			dateLike.line,
			'date:unparsed',
			`Report “${title}” ends with “${dateLike.text}”, which looks like a date but is not one (a placeholder or a typo): no report date.`,
		);
	}
	return { date, dateLike };
}

/**
 * Whether the source ends inside the report: its span reaches the end of the text and its
 * last block neither ends a sentence nor signs off (warned, at the report's last line).
 */
function isTruncated(
	span: SpanDraft,
	blocks: readonly IngestBlock[],
	signed: { signOff: SignOff; dateLike: IngestBlock | undefined },
	where: { title: string; last: number },
	ctx: SourceContext,
): boolean {
	const lastBlock = blocks[blocks.length - 1];
	const signedOff =
		signed.signOff.date !== null ||
		signed.signOff.author !== null ||
		signed.dateLike !== undefined ||
		(lastBlock !== undefined && isUnitLine(lastBlock.text, ctx.unitWords));
	const truncated =
		span.end >= ctx.textEnd &&
		lastBlock !== undefined &&
		(lastBlock.type === 'heading' || !endsSentence(lastBlock.text)) &&
		!signedOff;
	if (truncated)
		warn(
			ctx,
			where.last,
			'text:truncated',
			`The source ends inside report “${where.title}”: its text is truncated.`,
		);
	return truncated;
}

/** The category the report reads as; a web label that says otherwise is warned about. */
function categoryOf(
	input: Parameters<typeof classifyCategory>[0],
	span: SpanDraft,
	first: number,
	ctx: SourceContext,
): CategoryResult {
	const category = classifyCategory(input, ctx.vocab);
	if (category.webLabelCategory && category.webLabelCategory !== category.label) {
		warn(
			ctx,
			span.labelLine ?? first,
			'category:label-contradicts-body',
			`Web label “${span.webLabel}” suggests ${category.webLabelCategory}, but the report reads as ${category.label}; the body wins.`,
		);
	}
	return category;
}

/** The report's type, its named practices and themes, read from its titles and body. */
function kindsOf(
	titles: { title: string; subtitle: string | null },
	blocks: IngestBlock[],
	bodyText: string,
	span: SpanDraft,
	author: string | null,
	ctx: SourceContext,
): Pick<ReportDraft, 'reportType' | 'namedPractices' | 'themes' | 'themeSlugs'> {
	const { title, subtitle } = titles;
	const reportType = detectReportType({
		title,
		subtitle,
		bodyText,
		shape: isCompilation(ctx.shape)
			? 'compilation'
			: (ctx.shape as 'web-collection' | 'single-article'),
		webLabel: span.webLabel,
		compilationTitle: ctx.compilationTitle,
		author,
	});
	const namedPractices = findNamedPractices(blocks);
	const themes = tagThemes(blocks, ctx.vocab, {
		title: [title, subtitle].filter(Boolean).join(' '),
		practices: namedPractices,
	});
	return { reportType, namedPractices, themes: themes.labels, themeSlugs: themes.slugs };
}

/** The report's date fields: its own date, else (in a compilation) the compilation's. */
function dateFields(
	date: DatedAs | null,
	ctx: SourceContext,
): Pick<ReportDraft, 'date' | 'datePrecision' | 'dateSource'> {
	const inherited = !date && isCompilation(ctx.shape) ? ctx.compilationDate : null;
	return {
		date: date?.date ?? inherited?.date ?? null,
		datePrecision: date?.precision ?? inherited?.precision ?? 'none',
		dateSource: date ? 'report' : inherited ? 'compilation' : 'none',
	};
}

/** The span's lines, its head as read, the text kept before it, and the blocks of its body. */
function readSpan(span: SpanDraft, ctx: SourceContext) {
	const lines = ctx.lines.slice(span.start, span.end);
	const head = readReportHead(lines, {
		titleEnd: span.titleEnd === undefined ? undefined : span.titleEnd - span.start,
		tocUnit: span.tocItem?.unit ?? null,
		unitWords: ctx.unitWords,
		bundle: span.bundle,
	});
	const { lead, bodyLines } = bodyLinesOf(span, lines, head.bodyStart, ctx);
	const blocks = buildBlocks(bodyLines, ctx.log, ctx.pagesKnown);
	return { lines, head, lead, blocks };
}

/** A web item without a printed title is titled by its label: the report starts at the label. */
function labelTitleLine(
	head: ReportHead,
	span: SpanDraft,
	ctx: SourceContext,
): SourceLine | undefined {
	const labelIsTitle =
		head.title === null && span.labelLine !== undefined && span.webLabel !== null;
	return labelIsTitle ? ctx.lines[span.labelLine! - 1] : undefined;
}

export function buildReport(span: SpanDraft, ctx: SourceContext): BuiltReport {
	const { lines, head, lead, blocks } = readSpan(span, ctx);
	const { signOff, own } = signOffOf(blocks, ctx);
	const author = signOff.author ?? head.author;
	const section = span.tocItem?.section ?? span.section ?? null;
	const titles = titlesOf(head, span, ctx);
	const { title, subtitle } = titles;
	const unit = unitOf(head, span, lines, titles, { signOff, blocks: own, author }, ctx);
	keepUnusedByline(head, unit, blocks, ctx.log);
	const unitParts = unit ? unitPartsOf(unit) : [];
	const bodyText = blocks.map((b) => b.text).join('\n');
	const labelLine = labelTitleLine(head, span, ctx);
	const [first, last] = lineRangeOf(span, lines, lead, labelLine, ctx);
	const { compilationTitle } = ctx;
	const category = categoryOf(
		{
			title,
			subtitle,
			unit,
			unitParts,
			section,
			compilationTitle,
			bodyText,
			webLabel: span.webLabel,
		},
		span,
		first,
		ctx,
	);
	const kinds = kindsOf(titles, blocks, bodyText, span, author, ctx);
	const { date, dateLike } = dateOf(blocks, signOff, title, ctx);
	const truncated = isTruncated(span, blocks, { signOff, dateLike }, { title, last }, ctx);
	const frontmatter: ReportDraft = {
		title,
		subtitle,
		unit,
		unitParts,
		unitAnonymized: unit ? isAnonymised(unit) : false,
		author,
		category: category.label,
		categorySlug: category.slug,
		reportType: kinds.reportType,
		...dateFields(date, ctx),
		themes: kinds.themes,
		themeSlugs: kinds.themeSlugs,
		namedPractices: kinds.namedPractices,
		abstract: head.abstract,
		keywords: head.keywords,
		source: ctx.file,
		sourceSlug: ctx.sourceSlug,
		compilationTitle,
		order: span.order,
		tocPage: span.tocItem?.page ?? null,
		section,
		lines: [first, last],
		truncated,
	};
	const headLines = labelLine ? [labelLine, ...head.consumed] : head.consumed;
	return { frontmatter, blocks, text: bodyText, head: headLines };
}
