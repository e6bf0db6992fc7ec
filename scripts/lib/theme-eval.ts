/**
 * Measure the theme tagger against hand labels, one part of tests/fixtures/librarian/split.yaml
 * at a time (`tuning` or `heldout`): ingest the part's sources as the site would (the real
 * `ingestAll()`, content/vocabulary.yaml, NO curator overrides: they would hide the tagger's own
 * output), then compare each report's `themes` with its labels.
 *
 * Used by `scripts/eval-tagger.ts` (prints) and by the held-out test (pins the F1 floor). The
 * labels are the oracle: nothing here reads the tagger's scores. Doesn't tune anything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import type { SourceInput, Vocabulary } from '../../src/lib/ingest/types.ts';

export type PartName = 'tuning' | 'heldout';

/** One entry of split.yaml: a folder of sources and the labels file for its reports. */
export interface LabelledSet {
	sources: string;
	labels: string;
}

/** What a report got against what the librarian gave it. */
export interface ReportComparison {
	source: string;
	id: string;
	title: string;
	subtitle: string | null;
	got: string[];
	want: string[];
}

export interface Counts {
	tp: number;
	fp: number;
	fn: number;
}

export interface PartResult {
	part: PartName;
	reports: ReportComparison[];
	/** Reports of the sources that have no label (not counted). */
	unlabelled: string[];
	/** Label keys that no report matched (a fixture or ingest problem: the caller should fail). */
	unusedLabels: string[];
	micro: Counts & { precision: number; recall: number; f1: number };
	perTheme: Map<string, Counts>;
}

const squash = (text: string) => text.replace(/[\s\u3000]+/gu, '');

/** The parts of split.yaml, paths resolved against `root`. */
export function readSplit(
	root: string,
	file = 'tests/fixtures/librarian/split.yaml',
): Record<PartName, LabelledSet[]> {
	const data = load(readFileSync(path.join(root, file), 'utf8')) as Partial<
		Record<PartName, LabelledSet[]>
	>;
	const resolve = (sets: LabelledSet[] | undefined, part: string): LabelledSet[] => {
		if (!Array.isArray(sets) || sets.length === 0)
			throw new Error(
				`${file}: expected a non-empty list under "${part}:", found ${JSON.stringify(sets)}`,
			);
		return sets.map((s) => ({
			sources: path.resolve(root, s.sources),
			labels: path.resolve(root, s.labels),
		}));
	};
	return { tuning: resolve(data.tuning, 'tuning'), heldout: resolve(data.heldout, 'heldout') };
}

/** `<title>: [label, …]` (a title printed twice in one source: `<title> [<source prefix>:<line>]`). */
function readLabels(file: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const [key, labels] of Object.entries(
		load(readFileSync(file, 'utf8')) as Record<string, unknown>,
	)) {
		out.set(squash(key), Array.isArray(labels) ? labels.map(String) : []);
	}
	return out;
}

interface CatalogReport {
	id: string;
	title: string;
	subtitle: string | null;
	themes: string[];
	source: string;
	lines: [number, number];
}

/**
 * The labels key of a report: its title; for a title printed twice in one source, the key
 * `<title> [<prefix>:<line>]` whose line is nearest at or before the report's first line (the
 * line may be a web label just above it). Else the subtitle.
 */
function keyFor(report: CatalogReport, labels: ReadonlyMap<string, string[]>): string | undefined {
	const prefix = report.source.split(/[_.]/u)[0] ?? '';
	let best: { line: number; key: string } | undefined;
	for (const key of labels.keys()) {
		const m = /^(.*)\[([^:\]]+):(\d+)\]$/u.exec(key);
		if (!m || m[1] !== squash(report.title) || m[2] !== prefix) continue;
		const line = Number(m[3]);
		if (line <= report.lines[0] && (!best || line > best.line)) best = { line, key };
	}
	if (best) return best.key;
	if (labels.has(squash(report.title))) return squash(report.title);
	return report.subtitle && labels.has(squash(report.subtitle))
		? squash(report.subtitle)
		: undefined;
}

function ingestFolder(folder: string, vocab: Vocabulary): CatalogReport[] {
	const inputs: SourceInput[] = readdirSync(folder)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((file) => ({
			file,
			bytes: new Uint8Array(readFileSync(path.join(folder, file))),
			meta: null,
		}));
	return ingestAll(inputs, vocab, {}).catalog.reports as CatalogReport[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Micro precision/recall/F1 and per-theme counts of a list of comparisons. Pure. */
export function scoreComparisons(
	reports: readonly ReportComparison[],
): Pick<PartResult, 'micro' | 'perTheme'> {
	const total: Counts = { tp: 0, fp: 0, fn: 0 };
	const perTheme = new Map<string, Counts>();
	const bump = (label: string, field: keyof Counts) => {
		const bucket = perTheme.get(label) ?? { tp: 0, fp: 0, fn: 0 };
		perTheme.set(label, bucket);
		bucket[field]++;
		total[field]++;
	};
	for (const { got, want } of reports) {
		for (const label of new Set(got)) bump(label, want.includes(label) ? 'tp' : 'fp');
		for (const label of new Set(want)) if (!got.includes(label)) bump(label, 'fn');
	}
	const precision = ratio(total.tp, total.tp + total.fp);
	const recall = ratio(total.tp, total.tp + total.fn);
	return {
		micro: { ...total, precision, recall, f1: ratio(2 * precision * recall, precision + recall) },
		perTheme,
	};
}

/** Ingest and compare one part of the split. */
export function evaluatePart(
	part: PartName,
	sets: readonly LabelledSet[],
	vocab: Vocabulary,
): PartResult {
	const reports: ReportComparison[] = [];
	const unlabelled: string[] = [];
	const unusedLabels: string[] = [];
	for (const set of sets) {
		const labels = readLabels(set.labels);
		const used = new Set<string>();
		for (const report of ingestFolder(set.sources, vocab)) {
			const key = keyFor(report, labels);
			if (key === undefined) {
				unlabelled.push(`${report.source}: ${report.title}`);
				continue;
			}
			used.add(key);
			reports.push({
				source: report.source,
				id: report.id,
				title: report.title,
				subtitle: report.subtitle,
				got: report.themes,
				want: labels.get(key)!,
			});
		}
		for (const key of labels.keys())
			if (!used.has(key)) unusedLabels.push(`${path.basename(set.labels)}: ${key}`);
	}
	return { part, reports, unlabelled, unusedLabels, ...scoreComparisons(reports) };
}
