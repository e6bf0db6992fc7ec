/**
 * The catalog check before writing: sources and TOC-only entries are checked whole; a report is
 * checked once, against `reportSchema` when it is made, and for its url when assembled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogSchema } from '../../src/lib/frontmatter.ts';
import { assembleOutputs, buildSourceOutput } from '../../src/lib/ingest/index.ts';
import { checkCatalog } from '../../src/lib/ingest/output/check-catalog.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const vocab = parseVocabulary(readFileSync(path.join(repo, 'content/vocabulary.yaml'), 'utf8'));
const file = '000_072d85c6eac7fde3.txt';
const output = () =>
	buildSourceOutput(
		{
			file,
			bytes: new Uint8Array(readFileSync(path.join(repo, 'content/sources', file))),
			meta: null,
		},
		vocab,
		{},
	);

describe('checkCatalog', () => {
	test('a catalog of freshly ingested sources passes, and the full catalogSchema agrees', () => {
		const { catalog, issues } = assembleOutputs([output()], {});
		expect(issues.filter((i) => i.ruleId === 'catalog:invalid')).toEqual([]);
		expect(catalogSchema.safeParse(catalog).success).toBe(true);
	});

	test('a bad report url, a bad source and a bad TOC-only entry are each reported at their path', () => {
		const { catalog } = assembleOutputs([output()], {});
		catalog.reports[1]!.url = '/elsewhere/x/';
		catalog.sources[0]!.slug = 'Not A Slug';
		catalog.tocOnly[2]!.order = -1;
		const problems = checkCatalog(catalog).map((i) => [
			i.ruleId,
			i.severity,
			i.message.split('**')[1],
		]);
		expect(problems).toEqual([
			['catalog:invalid', 'error', 'sources.0.slug'],
			['catalog:invalid', 'error', 'reports.1.url'],
			['catalog:invalid', 'error', 'tocOnly.2.order'],
		]);
	});

	test('a report that failed reportSchema never reaches the catalog: its error is at its source line', () => {
		const result = assembleOutputs([output()], {/* no override */});
		const id = result.catalog.reports[0]!.id;
		const overridden = buildSourceOutput(
			{
				file,
				bytes: new Uint8Array(readFileSync(path.join(repo, 'content/sources', file))),
				meta: null,
			},
			vocab,
			{ [id]: { date: '2010-13' } },
		);
		const { catalog, issues } = assembleOutputs([overridden], {});
		expect(catalog.reports.map((r) => r.id)).not.toContain(id);
		const errors = issues.filter((i) => i.severity === 'error');
		expect(errors.map((i) => [i.ruleId, i.file])).toEqual([['frontmatter:invalid', file]]);
		expect(errors[0]!.line).toBe(result.catalog.reports[0]!.lines[0]);
	});
});
