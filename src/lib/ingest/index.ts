/**
 * The ingest library: raw compilation bytes → report records, MDX pages and the catalog.
 *
 * decode → normalise → recognise shape → parse TOC / split → clean blocks → metadata → ids →
 * overrides → validate (`reportSchema`) → serialise (`toMdx`) → catalog (`catalogSchema`).
 * Pure: no file system; the CLI (`scripts/ingest.ts`) reads and writes.
 */
import { catalogSchema } from '../frontmatter.ts';
import { toMdx } from '../mdx/to-mdx.ts';
import type { Block, Catalog, GeneratedPage, IngestIssue, IngestResult, Overrides, SourceInput, Vocabulary } from './types.ts';
import type { MdxBlock } from '../mdx/to-mdx.ts';
import { ingestSource } from './ingest-source.ts';
import { applyOverride, unknownOverrides } from './overrides.ts';
import { validateReport } from './validate.ts';

export { decodeSource } from './decode.ts';
export { isPlausibleText } from './plausibility.ts';
export { toSourceLines } from './source-lines.ts';
export { normaliseSpaces } from './spaces.ts';
export { detectShape } from './shape.ts';
export { parseToc } from './parse-toc.ts';
export { locateReports } from './locate-reports.ts';
export { buildBlocks } from './blocks.ts';
export { assignHeadings } from './headings.ts';
export { readReportHead } from './report-header.ts';
export { readSignOff } from './sign-off.ts';
export { checkNoLoss } from './check-no-loss.ts';
export { sourceSlug, hash8 } from './slug.ts';
export { ingestSource } from './ingest-source.ts';
export { applyOverrides } from './overrides.ts';
export { createRepairLog, repairRules } from './repair-log.ts';

function toMdxBlock(b: Block): MdxBlock {
	return b.type === 'heading' ? { type: 'heading', depth: b.depth, text: b.text } : { type: 'paragraph', text: b.text };
}

/**
 * Ingest a set of sources.
 * @param inputs Source files (bytes + optional `<source>.yaml` metadata); order doesn’t matter.
 * @param vocab Category and theme vocabulary (`content/vocabulary.yaml`).
 * @param overrides Curator overrides by report id (`content/overrides.yaml`), `{}` for none.
 * @returns Catalog, one page per valid report, and every issue (errors and warnings).
 */
export function ingest(inputs: readonly SourceInput[], vocab: Vocabulary, overrides: Overrides): IngestResult {
	const issues: IngestIssue[] = [];
	const catalog: Catalog = { sources: [], reports: [], tocOnly: [] };
	const pages: GeneratedPage[] = [];
	const ids = new Set<string>();
	// One source at a time: its blocks are dropped once its pages are made (memory stays flat).
	for (const input of [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
		const result = ingestSource(input, vocab);
		issues.push(...result.issues);
		if (!result.source) continue;
		catalog.sources.push(result.source);
		for (const entry of result.tocOnly) catalog.tocOnly.push(entry);
		for (const { frontmatter, blocks } of result.reports) {
			ids.add(frontmatter.id);
			applyOverride(frontmatter, overrides, vocab);
			const { data, issues: problems } = validateReport(frontmatter, input.file, frontmatter.lines[0]);
			for (const p of problems) issues.push(p);
			if (!data) continue;
			pages.push({ id: data.id, mdx: toMdx(data, blocks.map(toMdxBlock)), frontmatter: data, text: blocks.map((b) => b.text).join('\n') });
			catalog.reports.push({ ...data, url: `/reports/${data.id}/` });
		}
	}
	issues.push(...unknownOverrides(ids, overrides));
	const checked = catalogSchema.safeParse(catalog);
	if (!checked.success) {
		for (const issue of checked.error.issues) {
			issues.push({ file: 'catalog.json', line: 1, column: 1, ruleId: 'catalog:invalid', severity: 'error', message: `Invalid catalog: **${issue.path.join('.')}**: ${issue.message}` });
		}
	}
	return { catalog, pages, issues };
}
