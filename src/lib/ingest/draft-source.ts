/**
 * Draft the reports of one source: decode → lines → pages → structure → report drafts and
 * TOC-only entries (each stage is one folder beside this file).
 *
 * Returns drafts without ids’ validation or MDX (`buildSourceOutput` in `index.ts` does those). Every problem becomes an
 * issue with the source’s file and line; a source that cannot be read yields no records.
 * Doesn’t apply overrides.
 */
import type {
	IngestBlock,
	IngestIssue,
	SourceInput,
	SourceRecord,
	TocOnlyEntry,
	Vocabulary,
} from './types.ts';
import {
	buildReport,
	isCompilation,
	type ReportDraft,
	type SourceContext,
} from './report/build-report.ts';
import { checkNoLoss } from './output/check-no-loss.ts';
import { decodeSource } from './decode/decode.ts';
import { accountLines, type AccountInput, type LineAccount } from './structure/account-lines.ts';
import { classifyCategory } from './report/metadata/index.ts';
import { countRepair, createRepairLog, sortedCounts, type RepairRule } from './lines/repair-log.ts';
import { removeFurniture } from './pages/furniture.ts';
import { collapseLetterSpaced } from './pages/letter-spaced.ts';
import { columnOrderIssues } from './pages/column-order.ts';
import { readTextColumns } from './pages/text-columns.ts';
import { provenance } from './pages/provenance.ts';
import { uniqueIds, sourceSlug as slugOfFile } from './output/slug.ts';
import { isBlank, LARGER, toSourceLines, type SourceLine } from './lines/source-lines.ts';
import type { SpanDraft } from './structure/span.ts';
import { splitSource } from './structure/split-source.ts';
import { normaliseSpaces } from './lines/spaces.ts';
import { isAnonymised, unitFromHeadline as unitOf } from './report/unit.ts';
import { normaliseSubtitle } from './lines/line-kinds.ts';
import { datePrecisionOf } from '../frontmatter.ts';

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
	const rawLines = decoded.text.split('\n');
	let lines = toSourceLines(decoded.text, log, rawLines);
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
	let pageOfLine = pageModel.pageOfLine;
	const read = extracted
		? null
		: readTextColumns(input.file, lines, pageOfLine, log.droppedLines, log);
	const columns = read?.read ?? null;
	if (columns) ({ lines, pageOfLine } = columns);
	const unitWords = unitWordsOf(vocab);
	const issues: IngestIssue[] = [];
	// A text extraction of a page set in columns, read out of order: named, kept as it is.
	if (read) {
		issues.push(...read.issues);
		issues.push(...columnOrderIssues(input.file, lines, pageOfLine, log.droppedLines, read.named));
	}
	const meta = input.meta ?? {};
	const slug = slugOfFile(input.file);
	const structure = splitSource(
		input.file,
		lines,
		log,
		unitWords,
		extracted?.outline,
		pageModel.pageCount > 1 ? pageOfLine : undefined,
	);
	const { shape, toc, located, spans } = structure;
	issues.push(...structure.issues);
	const fm = structure.front ?? structure.web;
	const title = fm?.title ?? null;
	const date = fm?.date ?? null;
	const editor = structure.front?.editor ?? null;
	const publisher = structure.front?.publisher ?? null;
	// Unassigned text goes to the report it most likely belongs to (before its body is built).
	const accounting = { file: input.file, lines, spans, log, regions: structure.regions };
	issues.push(...accountLines(accounting).issues);
	const metaDate = meta.date ? { date: meta.date, precision: datePrecisionOf(meta.date) } : null;
	const compilationDate = metaDate ?? date;
	let textEnd = lines.length;
	while (
		textEnd > 0 &&
		(isBlank(lines[textEnd - 1]) || log.droppedLines.has(lines[textEnd - 1]!.no))
	)
		textEnd--;
	const ctx: SourceContext = {
		file: input.file,
		sourceSlug: slug,
		shape,
		compilationTitle: meta.title ?? title ?? input.file,
		compilationDate: isCompilation(shape) ? compilationDate : null,
		vocab,
		unitWords,
		log,
		lines,
		textEnd,
		issues,
		pagesKnown: pageModel.pageCount > 1,
		warnedBylines: new Set(structure.warnedBylines ?? []),
		keptHeads: new Set(structure.keptHeads ?? []),
	};
	const built = spans.map((span) => buildReport(span, ctx));
	const elsewhere = notInReports(lines, spans, structure.regions);
	if (shape === 'single-article' && built[0] && !meta.title)
		ctx.compilationTitle = built[0].frontmatter.title;
	for (const report of built) report.frontmatter.compilationTitle = ctx.compilationTitle;
	const ids = uniqueIds(
		slug,
		built.map((r) => ({
			parts: [r.frontmatter.title, r.frontmatter.subtitle ?? '', r.frontmatter.unit ?? ''],
			salt: r.blocks[0]?.text.slice(0, 80) ?? '',
		})),
	);
	const reports = built.map((r, i) => {
		const fm = r.frontmatter;
		const loss = checkNoLoss({
			file: input.file,
			title: fm.title,
			rawLines,
			lines: fm.lines,
			log,
			head: r.head,
			blocks: r.blocks,
			elsewhere,
			// (Read as two columns: the raw lines in the order the report reads them.)
			entries: columns ? entriesOf(lines, spans[i]!) : undefined,
		});
		if (loss) issues.push(loss);
		return {
			frontmatter: { id: ids[i]!, ...fm, ...provenance(fm.lines, extracted, pageModel) },
			blocks: r.blocks,
			text: r.text,
		};
	});
	const missing = located.filter((l) => l.start < 0);
	const tocIds = uniqueIds(
		`${slug}-toc`,
		missing.map((m) => ({
			parts: [m.item.title, m.item.subtitle ?? '', m.item.unit ?? ''],
			salt: String(m.item.line),
		})),
	);
	// TOC text is not report text: its space repairs are not counted in the source's repairs.
	const tocLog = createRepairLog();
	const tocOnly: TocOnlyEntry[] = missing.map((m, i) => {
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
			vocab,
		);
		return {
			id: tocIds[i]!,
			source: input.file,
			sourceSlug: slug,
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
	const source: SourceRecord = {
		file: input.file,
		slug,
		shape,
		title: ctx.compilationTitle,
		editor: meta.editor ?? editor,
		publisher: meta.publisher ?? publisher,
		place: meta.place ?? null,
		date: compilationDate?.date ?? null,
		url: meta.url ?? null,
		licence: meta.licence ?? null,
		preface: structure.front?.preface ?? [],
		toc: (toc?.items ?? []).map((item) => ({
			kind: item.kind,
			title: normaliseSpaces(item.title, 'title', tocLog),
			subtitle: item.subtitle
				? normaliseSubtitle(normaliseSpaces(item.subtitle, 'title', tocLog))
				: null,
			unit: item.unit,
			page: item.page,
			reportId: item.kind === 'report' ? (idByItem.get(item) ?? null) : null,
		})),
		counts: {
			reports: reports.length,
			tocOnly: tocOnly.length,
			warnings: issues.filter((x) => x.severity === 'warning').length,
		},
		repairs: sortedCounts(log),
	};
	// Every line once more, now that the reports' repairs (page-number lines) are logged.
	return { source, reports, tocOnly, issues, account: accountLines(accounting).account };
}
