/**
 * The ingest library: raw compilation bytes → report records, MDX pages and the catalog. Only
 * wires the stages, one folder each:
 *
 * `decode/` (bytes → text) or `formats/` (PDF, .docx, .html → text lines) → `lines/` (source
 * lines, invisible characters, layout spaces) → `pages/` (folios, running heads, web frame) →
 * `structure/` (shape, cover and preface, TOC, report spans, line accounting) → `report/` (head,
 * unit, sign-off, body blocks, metadata) → `output/` (ids, overrides, validation against
 * `reportSchema`, no-loss and catalog checks) → MDX (`../mdx/to-mdx.ts`).
 *
 * `draftSource` runs one source up to report drafts; `buildSourceOutput` validates them and
 * makes their MDX; `assembleOutputs` puts sources together into the catalog; `ingestAll` does
 * all three for a set of sources.
 * Pure: no file system; the CLI (`scripts/ingest.ts`) reads and writes.
 */
import { toMdx } from '../mdx/to-mdx.ts';
import { reportPath } from '../site/routes.ts';
import type {
	Catalog,
	GeneratedPage,
	IngestIssue,
	IngestResult,
	Overrides,
	SourceInput,
	SourceRecord,
	TocOnlyEntry,
	Vocabulary,
} from './types.ts';
import { draftSource } from './draft-source.ts';
import type { LineAccount } from './structure/account-lines.ts';
import { checkCatalog } from './output/check-catalog.ts';
import { applyOverride, unknownOverrides, type OverridePlace } from './output/overrides.ts';
import { findCollisions } from './output/slug.ts';
import { validateReport } from './output/validate.ts';
import { assignIds, type IdEntry, type IdMatcher } from '../knowledge/assign-ids.ts';
import { markReprints } from '../knowledge/mark-reprints.ts';

export { decodeSource } from './decode/decode.ts';
export { isPlausibleText } from './decode/plausibility.ts';
export { toSourceLines } from './lines/source-lines.ts';
export { normaliseSpaces } from './lines/spaces.ts';
export { detectShape } from './structure/shape.ts';
export { parseToc } from './structure/parse-toc.ts';
export { locateReports } from './structure/locate-reports.ts';
export { buildBlocks } from './report/blocks.ts';
export { assignHeadings } from './report/headings.ts';
export { readReportHead } from './report/report-header.ts';
export { readSignOff } from './report/sign-off.ts';
export { checkNoLoss } from './output/check-no-loss.ts';
export { sourceSlug, hash8 } from './output/slug.ts';
export { draftSource } from './draft-source.ts';
export { applyOverrides } from './output/overrides.ts';
export { createRepairLog, repairRules } from './lines/repair-log.ts';

/** Everything one source contributes to a run (what the CLI caches per source). */
export interface SourceOutput {
	file: string;
	source: SourceRecord | null;
	tocOnly: TocOnlyEntry[];
	reports: Catalog['reports'];
	pages: GeneratedPage[];
	/** Every report id of the source, valid or not (for overrides of unknown ids). */
	ids: string[];
	issues: IngestIssue[];
	/** Where every non-blank line of the source went (null when it could not be read). */
	account: LineAccount | null;
	/** What the id registry keeps of each report, by its id (before overrides). */
	idEntries: IdEntry[];
}

export interface IngestOptions {
	/** The overrides file, for the warning about an unknown id (default `content/overrides.yaml`). */
	overridesFile?: string;
	/** Line of each id in the overrides file (default: line 1). */
	overrideLines?: Readonly<Record<string, number>>;
}

/**
 * Build what one source contributes: its records with overrides applied, frontmatter validated,
 * and their MDX pages. Depends only on the source (bytes, metadata, file name), the vocabulary,
 * the overrides and the id registry's entries of this source (`matchIds`; without it, ids are
 * the source's own).
 */
export function buildSourceOutput(
	input: SourceInput,
	vocab: Vocabulary,
	overrides: Overrides,
	overridePlace?: { file: string; placeOf: OverridePlace },
	matchIds?: IdMatcher,
): SourceOutput {
	const result = draftSource(input, vocab);
	const out: SourceOutput = {
		file: input.file,
		source: result.source,
		tocOnly: [],
		reports: [],
		pages: [],
		ids: [],
		issues: [...result.issues],
		account: null,
		idEntries: [],
	};
	if (!result.source) return out;
	// The registry's ids (ids.yaml), before overrides: an override is keyed by the final id.
	out.idEntries = assignIds(result, matchIds);
	out.account = result.account;
	out.tocOnly = result.tocOnly;
	for (const { frontmatter, blocks, text } of result.reports) {
		out.ids.push(frontmatter.id);
		const id = frontmatter.id;
		const fields = applyOverride(frontmatter, overrides, vocab);
		const applied = overridePlace && fields.length ? { ...overridePlace, id, fields } : undefined;
		const { data, issues: problems } = validateReport(
			frontmatter,
			input.file,
			frontmatter.lines[0],
			applied,
		);
		for (const p of problems) out.issues.push(p);
		if (!data) continue;
		// A block is an `MdxBlock` (toMdx reads its type, depth and text only).
		const mdx = toMdx(data, blocks);
		out.pages.push({ id: data.id, mdx, frontmatter: data, text });
		out.reports.push({ ...data, url: reportPath(data.id) });
	}
	return out;
}

/**
 * Put the outputs of all sources together (in file-name order): the catalog (checked against
 * `catalogSchema`, see `check-catalog.ts`), the pages with reprints marked (`reprintOf`), every
 * issue, and a warning for each override of an unknown id.
 */
export function assembleOutputs(
	outputs: readonly SourceOutput[],
	overrides: Overrides,
	options: IngestOptions = {},
): IngestResult {
	const issues: IngestIssue[] = [];
	const catalog: Catalog = { sources: [], reports: [], tocOnly: [] };
	let pages: GeneratedPage[] = [];
	const ids = new Set<string>();
	const signatures = new Map<string, string>();
	for (const out of [...outputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
		for (const issue of out.issues) issues.push(issue);
		for (const id of out.ids) ids.add(id);
		for (const e of out.idEntries ?? []) signatures.set(e.id, e.text);
		if (!out.source) continue;
		catalog.sources.push(out.source);
		for (const entry of out.tocOnly) catalog.tocOnly.push(entry);
		for (const report of out.reports) catalog.reports.push(report);
		for (const page of out.pages) pages.push(page);
	}
	// The same report in two compilations: one canonical copy, the others `reprintOf` it.
	({ reports: catalog.reports, pages } = markReprints(catalog, pages, signatures));
	issues.push(
		...findCollisions(
			[...outputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
		),
	);
	issues.push(...unknownOverrides(ids, overrides, options.overridesFile, options.overrideLines));
	issues.push(...checkCatalog(catalog));
	return { catalog, pages, issues };
}

/**
 * Ingest a set of sources: `buildSourceOutput` for each, then `assembleOutputs`.
 * @param inputs Source files (bytes + optional `<source>.yaml` metadata); order doesn’t matter.
 * @param vocab Category and theme vocabulary (`content/vocabulary.yaml`).
 * @param overrides Curator overrides by report id (`content/overrides.yaml`), `{}` for none.
 * @returns Catalog, one page per valid report, and every issue (errors and warnings).
 */
export function ingestAll(
	inputs: readonly SourceInput[],
	vocab: Vocabulary,
	overrides: Overrides,
	options: IngestOptions = {},
): IngestResult {
	// One source at a time: its blocks are dropped once its pages are made (memory stays flat).
	return assembleOutputs(
		inputs.map((input) => buildSourceOutput(input, vocab, overrides)),
		overrides,
		options,
	);
}
