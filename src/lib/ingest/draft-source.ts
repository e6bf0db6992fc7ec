/**
 * Draft the reports of one source: decode → lines → pages → structure → report drafts and
 * TOC-only entries (each stage is one folder beside this file).
 *
 * Returns drafts without ids’ validation or MDX (`buildSourceOutput` in `index.ts` does those).
 * Every problem becomes an issue with the source’s file and line; a source that cannot be read
 * yields no records.
 * Doesn’t apply overrides.
 */
import type {
	ExtractedText,
	IngestBlock,
	IngestIssue,
	SourceInput,
	SourceRecord,
	TocOnlyEntry,
	Vocabulary,
} from './types.ts';
import {
	buildReport,
	type BuiltReport,
	isCompilation,
	type ReportDraft,
	type SourceContext,
} from './report/build-report.ts';
import { checkNoLoss } from './output/check-no-loss.ts';
import { decodeSource } from './decode/decode.ts';
import { accountLines, type AccountInput, type LineAccount } from './structure/account-lines.ts';
import { classifyCategory } from './report/metadata/index.ts';
import {
	countRepair,
	createRepairLog,
	sortedCounts,
	type RepairLog,
	type RepairRule,
} from './lines/repair-log.ts';
import { removeFurniture, type PageModel } from './pages/furniture.ts';
import { collapseLetterSpaced } from './pages/letter-spaced.ts';
import { columnOrderIssues } from './pages/column-order.ts';
import { readTextColumns } from './pages/text-columns.ts';
import { provenance } from './pages/provenance.ts';
import { uniqueIds, sourceSlug as slugOfFile } from './output/slug.ts';
import { isBlank, LARGER, toSourceLines, type SourceLine } from './lines/source-lines.ts';
import type { SpanDraft } from './structure/span.ts';
import { splitSource, type SourceStructure } from './structure/split-source.ts';
import type { LocatedEntry } from './structure/locate-reports.ts';
import { normaliseSpaces } from './lines/spaces.ts';
import { isAnonymised, unitFromHeadline as unitOf } from './report/unit.ts';
import { normaliseSubtitle } from './lines/line-kinds.ts';
import { datePrecisionOf, type DatedAs } from '../frontmatter.ts';

export interface SourceDraft {
	source: SourceRecord;
	reports: Array<{
		frontmatter: ReportDraft & { id: string };
		blocks: IngestBlock[];
		text: string;
	}>;
	tocOnly: TocOnlyEntry[];
	issues: IngestIssue[];
	/** Where every non-blank line of the source went (see `account-lines.ts`). */
	account: LineAccount;
}

// Every category's unit words, made once per vocabulary (read only).
const UNIT_WORDS = new WeakMap<Vocabulary, readonly string[]>();

function unitWordsOf(vocab: Vocabulary): readonly string[] {
	let words = UNIT_WORDS.get(vocab);
	if (!words) UNIT_WORDS.set(vocab, (words = vocab.categories.flatMap((c) => c.unitWords)));
	return words;
}

/**
 * Line numbers of the non-report regions (a section marker, a part page) between text kept with
 * a report (`span.lead`) and the report's head: the report's line range crosses them, and its
 * page rightly doesn't hold them (the line account places them).
 */
function notInReports(
	lines: readonly SourceLine[],
	spans: readonly SpanDraft[],
	regions: AccountInput['regions'],
): Set<number> {
	const place = new Map<number, string>();
	for (const r of regions)
		for (let i = r.from; i < r.to && i < lines.length; i++) place.set(i, r.place);
	const out = new Set<number>();
	for (const s of spans) {
		const lead = s.lead ?? [];
		if (lead.length === 0) continue;
		const own = new Set<number>();
		for (const [from, to] of lead) for (let i = from; i < to; i++) own.add(i);
		for (let i = Math.min(...lead.map(([from]) => from)); i < s.start; i++) {
			if (!own.has(i) && place.has(i) && lines[i]!.no !== s.labelLine) out.add(lines[i]!.no);
		}
	}
	return out;
}

/** A span's lines in reading order, with the text kept before its head (`span.lead`). */
function entriesOf(lines: readonly SourceLine[], span: SpanDraft): readonly SourceLine[] {
	const from = Math.min(span.start, ...(span.lead ?? []).map(([f]) => f));
	return lines.slice(from, span.end);
}

/** The source's lines as its pages read, and the page model they were read with. */
interface ReadPages {
	/** The decoded text's lines, as they are in the file. */
	rawLines: string[];
	lines: SourceLine[];
	pageOfLine: readonly number[];
	pageModel: PageModel;
	/** The lines were read as two columns (side by side, or line by line in turn: reordered). */
	columns: boolean;
	/** A text extraction's column issues: the columns read, and a page read out of order. */
	issues: IngestIssue[];
}

/**
 * The decoded text as printed pages read: tables and large lines marked, page furniture
 * removed, letter-spaced lines collapsed, two columns read column by column.
 */
function readPages(
	file: string,
	text: string,
	extracted: ExtractedText | undefined,
	log: RepairLog,
): ReadPages {
	const rawLines = text.split('\n');
	let lines = toSourceLines(text, log, rawLines);
	// A document's table rows stay rows: the report stage makes a table block of them.
	extracted?.tables?.forEach((rows, table) => {
		for (const i of rows) if (lines[i]) lines[i]!.table = table;
	});
	// A PDF line set larger than the body may be a heading (the report stage decides).
	extracted?.sizeOfLine?.forEach((size, i) => {
		if (size >= LARGER && lines[i]) lines[i]!.larger = size;
	});
	// The printed page: folios and running heads go, letter-spaced lines are collapsed.
	for (const [rule, n] of Object.entries(extracted?.repairs ?? {}))
		countRepair(log, rule as RepairRule, n);
	const pageModel = removeFurniture(
		lines,
		rawLines,
		log,
		extracted?.pageOfLine,
		extracted?.frameLines,
		extracted?.sizeOfLine,
	);
	collapseLetterSpaced(lines, log, log.droppedLines, pageModel.pageOfLine);
	// A text extraction of pages in two columns (side by side, or line by line in turn): read
	// column by column.
	let pageOfLine: readonly number[] = pageModel.pageOfLine;
	const read = extracted ? null : readTextColumns(file, lines, pageOfLine, log.droppedLines, log);
	const columns = read?.read ?? null;
	if (columns) ({ lines, pageOfLine } = columns);
	const issues: IngestIssue[] = [];
	// A text extraction of a page set in columns, read out of order: named, kept as it is.
	if (read) {
		issues.push(...read.issues);
		issues.push(...columnOrderIssues(file, lines, pageOfLine, log.droppedLines, read.named));
	}
	return { rawLines, lines, pageOfLine, pageModel, columns: columns !== null, issues };
}

/** Index after the last line that holds report text: trailing blank and dropped lines excluded. */
function textEndOf(lines: readonly SourceLine[], dropped: ReadonlyMap<number, unknown>): number {
	let textEnd = lines.length;
	while (textEnd > 0 && (isBlank(lines[textEnd - 1]) || dropped.has(lines[textEnd - 1]!.no)))
		textEnd--;
	return textEnd;
}

/**
 * The reports with their ids and provenance, each checked for lost text against the source
 * (`checkNoLoss`); returns them with the loss issues found.
 */
function checkedReports(
	built: readonly BuiltReport[],
	spans: readonly SpanDraft[],
	elsewhere: ReadonlySet<number>,
	pages: ReadPages,
	ctx: SourceContext,
	extracted: ExtractedText | undefined,
): { reports: SourceDraft['reports']; issues: IngestIssue[] } {
	const ids = uniqueIds(
		ctx.sourceSlug,
		built.map((r) => ({
			parts: [r.frontmatter.title, r.frontmatter.subtitle ?? '', r.frontmatter.unit ?? ''],
			salt: r.blocks[0]?.text.slice(0, 80) ?? '',
		})),
	);
	const issues: IngestIssue[] = [];
	const reports = built.map((r, i) => {
		const fm = r.frontmatter;
		const loss = checkNoLoss({
			file: ctx.file,
			title: fm.title,
			rawLines: pages.rawLines,
			lines: fm.lines,
			log: ctx.log,
			head: r.head,
			blocks: r.blocks,
			elsewhere,
			// (Read as two columns: the raw lines in the order the report reads them.)
			entries: pages.columns ? entriesOf(pages.lines, spans[i]!) : undefined,
		});
		if (loss) issues.push(loss);
		return {
			frontmatter: { id: ids[i]!, ...fm, ...provenance(fm.lines, extracted, pages.pageModel) },
			blocks: r.blocks,
			text: r.text,
		};
	});
	return { reports, issues };
}

/**
 * The entries of the TOC whose report is not in the text: their titles' spaces normalised
 * (counted in `tocLog`), unit and category read from the entry.
 */
function tocOnlyEntries(
	located: readonly LocatedEntry[],
	ctx: SourceContext,
	tocLog: RepairLog,
): TocOnlyEntry[] {
	const missing = located.filter((l) => l.start < 0);
	const tocIds = uniqueIds(
		`${ctx.sourceSlug}-toc`,
		missing.map((m) => ({
			parts: [m.item.title, m.item.subtitle ?? '', m.item.unit ?? ''],
			salt: String(m.item.line),
		})),
	);
	return missing.map((m, i) => {
		const t = normaliseSpaces(m.item.title, 'title', tocLog);
		const sub = m.item.subtitle
			? normaliseSubtitle(normaliseSpaces(m.item.subtitle, 'title', tocLog))
			: null;
		const unit =
			m.item.unit ?? (sub ? unitOf(sub) : /(?:报告|方案|总结)$/.test(t) ? unitOf(t) : null);
		const cat = classifyCategory(
			{
				title: t,
				subtitle: sub,
				unit,
				section: m.item.section,
				compilationTitle: ctx.compilationTitle,
			},
			ctx.vocab,
		);
		return {
			id: tocIds[i]!,
			source: ctx.file,
			sourceSlug: ctx.sourceSlug,
			title: t,
			subtitle: sub,
			unit,
			unitAnonymized: unit ? isAnonymised(unit) : false,
			category: cat.label,
			categorySlug: cat.slug,
			tocPage: m.item.page,
			section: m.item.section,
			order: located.indexOf(m),
		};
	});
}

/** The source record's TOC: each entry's title normalised, a report entry with its report's id. */
function tocRecord(
	structure: SourceStructure,
	reports: SourceDraft['reports'],
	tocLog: RepairLog,
): SourceRecord['toc'] {
	const { located, spans } = structure;
	const idByItem = new Map(
		located.map(
			(l) =>
				[
					l.item,
					l.start >= 0
						? (reports[spans.findIndex((s) => s.tocItem === l.item)]?.frontmatter.id ?? null)
						: null,
				] as const,
		),
	);
	return (structure.toc?.items ?? []).map((item) => ({
		kind: item.kind,
		title: normaliseSpaces(item.title, 'title', tocLog),
		subtitle: item.subtitle
			? normaliseSubtitle(normaliseSpaces(item.subtitle, 'title', tocLog))
			: null,
		unit: item.unit,
		page: item.page,
		reportId: item.kind === 'report' ? (idByItem.get(item) ?? null) : null,
	}));
}

/** The source record: the metadata given (`<source>.yaml`) over the one printed, and its counts. */
function sourceRecord(
	input: SourceInput,
	structure: SourceStructure,
	ctx: SourceContext,
	parts: Pick<SourceRecord, 'toc' | 'counts' | 'repairs'>,
): SourceRecord {
	const meta = input.meta ?? {};
	return {
		file: input.file,
		slug: ctx.sourceSlug,
		shape: structure.shape,
		title: ctx.compilationTitle,
		editor: meta.editor ?? structure.front?.editor ?? null,
		publisher: meta.publisher ?? structure.front?.publisher ?? null,
		place: meta.place ?? null,
		date: compilationDateOf(input, structure)?.date ?? null,
		url: meta.url ?? null,
		licence: meta.licence ?? null,
		preface: structure.front?.preface ?? [],
		toc: parts.toc,
		counts: parts.counts,
		repairs: parts.repairs,
	};
}

/** The compilation's date: the metadata's (`<source>.yaml`), else the one printed. */
function compilationDateOf(input: SourceInput, structure: SourceStructure): DatedAs | null {
	const metaDate = input.meta?.date;
	if (metaDate) return { date: metaDate, precision: datePrecisionOf(metaDate) };
	return (structure.front ?? structure.web)?.date ?? null;
}

/** What the report stage reads of the source: its lines, shape, compilation and vocabulary. */
function sourceContext(
	input: SourceInput,
	structure: SourceStructure,
	pages: ReadPages,
	vocab: Vocabulary,
	log: RepairLog,
	issues: IngestIssue[],
): SourceContext {
	const { shape } = structure;
	const title = (structure.front ?? structure.web)?.title ?? null;
	return {
		file: input.file,
		sourceSlug: slugOfFile(input.file),
		shape,
		compilationTitle: input.meta?.title ?? title ?? input.file,
		compilationDate: isCompilation(shape) ? compilationDateOf(input, structure) : null,
		vocab,
		unitWords: unitWordsOf(vocab),
		log,
		lines: pages.lines,
		textEnd: textEndOf(pages.lines, log.droppedLines),
		issues,
		pagesKnown: pages.pageModel.pageCount > 1,
		warnedBylines: new Set(structure.warnedBylines ?? []),
		keptHeads: new Set(structure.keptHeads ?? []),
	};
}

/**
 * @param input The source file as read by the shell.
 * @param vocab The category and theme vocabulary.
 * @returns The source record, its reports (with ids) and TOC-only entries, and its issues;
 *   null source when the file cannot be decoded.
 */
export function draftSource(
	input: SourceInput,
	vocab: Vocabulary,
): SourceDraft | { source: null; issues: IngestIssue[] } {
	const extracted = input.extracted;
	if (extracted?.errors.length) return { source: null, issues: [...extracted.errors] };
	const decoded = extracted
		? { ok: true as const, text: extracted.text }
		: decodeSource(input.file, input.bytes);
	if (!decoded.ok) return { source: null, issues: [decoded.issue] };
	const log = createRepairLog();
	const pages = readPages(input.file, decoded.text, extracted, log);
	const { lines, pageOfLine } = pages;
	// (A text extraction's column issues first, as the pages were read.)
	const issues: IngestIssue[] = [...pages.issues];
	const structure = splitSource(
		input.file,
		lines,
		log,
		unitWordsOf(vocab),
		extracted?.outline,
		pages.pageModel.pageCount > 1 ? pageOfLine : undefined,
	);
	const { spans, regions } = structure;
	issues.push(...structure.issues);
	// Unassigned text goes to the report it most likely belongs to (before its body is built).
	const accounting = { file: input.file, lines, spans, log, regions };
	issues.push(...accountLines(accounting).issues);
	const ctx = sourceContext(input, structure, pages, vocab, log, issues);
	const built = spans.map((span) => buildReport(span, ctx));
	const elsewhere = notInReports(lines, spans, regions);
	if (structure.shape === 'single-article' && built[0] && !input.meta?.title)
		ctx.compilationTitle = built[0].frontmatter.title;
	for (const report of built) report.frontmatter.compilationTitle = ctx.compilationTitle;
	const checked = checkedReports(built, spans, elsewhere, pages, ctx, extracted);
	const reports = checked.reports;
	issues.push(...checked.issues);
	// TOC text is not report text: its space repairs are not counted in the source's repairs.
	const tocLog = createRepairLog();
	const tocOnly = tocOnlyEntries(structure.located, ctx, tocLog);
	const toc = tocRecord(structure, reports, tocLog);
	const warnings = issues.filter((x) => x.severity === 'warning').length;
	const counts = { reports: reports.length, tocOnly: tocOnly.length, warnings };
	const source = sourceRecord(input, structure, ctx, { toc, counts, repairs: sortedCounts(log) });
	// Every line once more, now that the reports' repairs (page-number lines) are logged.
	return { source, reports, tocOnly, issues, account: accountLines(accounting).account };
}
