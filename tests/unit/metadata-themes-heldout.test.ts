/**
 * The theme tagger on reports whose labels were NOT used to tune it (issue 21, item 6).
 *
 * tests/fixtures/librarian/split.yaml names the held-out part: 16 reports whose themes a
 * librarian labelled by hand from their text (docs/ingest-spec.md §5). The oracle is those labels; the
 * tagger's output is what is measured. The real ingest runs on the part's sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { evaluatePart, readSplit, scoreComparisons } from '../../scripts/lib/theme-eval.ts';

const root = path.resolve(import.meta.dirname, '../..');
const vocab = parseVocabulary(readFileSync(path.join(root, 'content/vocabulary.yaml'), 'utf8'));
const split = readSplit(root);

describe('micro precision/recall/F1 of a list of comparisons', () => {
	test('counts each label once per report', () => {
		const { micro } = scoreComparisons([
			{
				source: 'a',
				id: 'a',
				title: 'a',
				subtitle: null,
				got: ['读书活动', '培训讲座'],
				want: ['读书活动', '学习制度'],
			},
			{ source: 'b', id: 'b', title: 'b', subtitle: null, got: [], want: ['考核激励'] },
		]);
		expect(micro).toMatchObject({ tp: 1, fp: 1, fn: 2, precision: 0.5, recall: 1 / 3 });
		expect(micro.f1).toBeCloseTo(0.4, 10);
	});
});

describe('held-out theme labels', () => {
	const result = evaluatePart('heldout', split.heldout, vocab);

	test('the tuning and held-out parts share no source folder', () => {
		const tuning = new Set(split.tuning.map((s) => s.sources));
		expect(split.heldout.filter((s) => tuning.has(s.sources))).toEqual([]);
	});

	test('every held-out label belongs to a report the ingest found, and every report is labelled', () => {
		expect(result.unusedLabels).toEqual([]);
		expect(result.unlabelled).toEqual([]);
		expect(result.reports.length).toBeGreaterThanOrEqual(16);
	});

	test('precision, recall and F1 on the held-out part are at least 0.75', () => {
		const { precision, recall, f1 } = result.micro;
		expect(
			{ precision: precision >= 0.75, recall: recall >= 0.75, f1: f1 >= 0.75 },
			JSON.stringify(result.micro),
		).toEqual({
			precision: true,
			recall: true,
			f1: true,
		});
	});
});
