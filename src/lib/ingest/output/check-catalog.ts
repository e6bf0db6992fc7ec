/**
 * Check an assembled catalog against THE schema (`catalogSchema`) before it is written, with
 * every report checked once: each report's frontmatter passed `reportSchema` when it was made
 * (`validate.ts`, at its source line) and only valid ones reach the catalog, so here a report's
 * own part of `catalogReportSchema` (its `url`) is checked; sources and TOC-only entries are
 * checked whole. Checking each report twice cost about a twentieth of a cold ingest.
 *
 * Doesn't check reports that bypassed `validateReport` (a cache entry is checked when it is
 * read, see scripts/lib/ingest-cache.ts), and doesn't repair anything.
 */
import { z } from 'astro/zod';
import { catalogReportSchema, catalogSchema } from '../../frontmatter.ts';
import type { Catalog, IngestIssue } from '../types.ts';

const assembledCatalogSchema = catalogSchema.extend({
	reports: z.array(catalogReportSchema.def.right),
});

/** @returns One `catalog:invalid` error per problem (none for a valid catalog). */
export function checkCatalog(catalog: Catalog): IngestIssue[] {
	const checked = assembledCatalogSchema.safeParse(catalog);
	if (checked.success) return [];
	return checked.error.issues.map((issue) => ({
		file: 'catalog.json',
		line: 1,
		column: 1,
		ruleId: 'catalog:invalid',
		severity: 'error' as const,
		message: `Invalid catalog: **${issue.path.join('.')}**: ${issue.message}`,
	}));
}
