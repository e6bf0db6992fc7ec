/**
 * `node scripts/eval-tagger.ts [--sources DIR] [--labels FILE] [--verbose]`
 *
 * Measures the theme tagger against a librarian's labels: runs the real ingest (`ingest()` of
 * src/lib/ingest, with content/vocabulary.yaml and NO curator overrides) on the sources, and
 * compares each report's `themes` with tests/fixtures/librarian/themes.yaml (`<report title>: [label, …]`).
 * Prints per-report differences, micro precision/recall/F1 and per-theme precision/recall.
 * With --verbose, prints each report's theme scores (re-scored from its MDX body).
 *
 * Doesn't tune anything and writes nothing.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'js-yaml';
import { ingest } from '../src/lib/ingest/index.ts';
import { parseVocabulary, tagThemes } from '../src/lib/ingest/metadata/index.ts';
import type { Block, SourceInput } from '../src/lib/ingest/types.ts';
import { stripFrontmatter } from '../src/lib/mdx/render-mdx.ts';
import { parseArgs } from './lib/args.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = parseArgs(process.argv.slice(2), ['sources', 'labels']);
const sources = path.resolve(args.values.get('sources') ?? path.join(root, 'content/sources'));
const labelsFile = path.resolve(args.values.get('labels') ?? path.join(root, 'tests/fixtures/librarian/themes.yaml'));
const verbose = args.flags.has('verbose');

interface CatalogReport {
	id: string;
	title: string;
	subtitle: string | null;
	themes: string[];
	source: string;
	lines: [number, number];
}

const squash = (text: string) => text.replace(/[\s\u3000]+/gu, '');

/** The body of an MDX page as blocks: `##`–`####` lines are headings, other lines paragraphs. */
function blocksOfMdx(mdx: string): Block[] {
	const body = stripFrontmatter(mdx);
	return body.split('\n').flatMap((line, i): Block[] => {
		const text = line.replace(/\\(.)/gu, '$1').trim();
		if (text === '' || text.startsWith('import ') || text.startsWith('<')) return [];
		const heading = /^(#{2,4})\s+(.*)$/u.exec(text);
		if (heading) return [{ type: 'heading', depth: heading[1]!.length as 2 | 3 | 4, text: heading[2]!, line: i + 1 }];
		return [{ type: 'paragraph', text, line: i + 1 }];
	});
}

// 1. the librarian's labels
if (!existsSync(labelsFile)) {
	console.error(`${path.relative(root, labelsFile)}: not found. The librarian's labels are needed to measure.`);
	process.exit(1);
}
const expected = new Map<string, string[]>();
for (const [title, labels] of Object.entries(load(await readFile(labelsFile, 'utf8')) as Record<string, unknown>)) {
	expected.set(squash(title), Array.isArray(labels) ? labels.map(String) : []);
}

/**
 * The labels of a report: by title; a title printed twice in one source is keyed
 * `<title> [<source prefix>:<line>]`, where the line may be a web label just above the report's
 * first line, so the nearest such line at or before it is taken.
 */
function goldFor(report: CatalogReport): string[] | undefined {
	const prefix = report.source.split(/[_.]/u)[0] ?? '';
	let best: { line: number; labels: string[] } | undefined;
	for (const [key, labels] of expected) {
		const m = /^(.*)\[([^:\]]+):(\d+)\]$/u.exec(key);
		if (!m || m[1] !== squash(report.title) || m[2] !== prefix) continue;
		const line = Number(m[3]);
		if (line <= report.lines[0] && (!best || line > best.line)) best = { line, labels };
	}
	return best?.labels ?? expected.get(squash(report.title)) ?? (report.subtitle ? expected.get(squash(report.subtitle)) : undefined);
}

// 2. the real ingest (without curator overrides: they would hide the tagger's own output)
const vocab = parseVocabulary(await readFile(path.join(root, 'content/vocabulary.yaml'), 'utf8'));
const inputs: SourceInput[] = [];
for (const file of (await readdir(sources)).filter((f) => f.endsWith('.txt')).sort()) {
	inputs.push({ file, bytes: new Uint8Array(await readFile(path.join(sources, file))), meta: null });
}
const result = ingest(inputs, vocab, {});
const catalog = { reports: result.catalog.reports as CatalogReport[] };
const mdxById = new Map(result.pages.map((page) => [page.id, page.mdx]));

// 3. compare, report by report
let tp = 0;
let fp = 0;
let fn = 0;
const perTheme = new Map<string, { tp: number; fp: number; fn: number }>(vocab.themes.map((t) => [t.label, { tp: 0, fp: 0, fn: 0 }]));
const unmatched: string[] = [];
for (const report of catalog.reports) {
	const gold = goldFor(report);
	if (!gold) {
		unmatched.push(report.title);
		continue;
	}
	const got = new Set(report.themes);
	const want = new Set(gold);
	for (const label of got) {
		const bucket = perTheme.get(label) ?? { tp: 0, fp: 0, fn: 0 };
		perTheme.set(label, bucket);
		if (want.has(label)) {
			tp++;
			bucket.tp++;
		} else {
			fp++;
			bucket.fp++;
		}
	}
	for (const label of want) {
		if (got.has(label)) continue;
		fn++;
		const bucket = perTheme.get(label) ?? { tp: 0, fp: 0, fn: 0 };
		perTheme.set(label, bucket);
		bucket.fn++;
	}
	const extra = [...got].filter((l) => !want.has(l));
	const missed = [...want].filter((l) => !got.has(l));
	console.log(`${report.title}\n  ok: ${[...got].filter((l) => want.has(l)).join(' ') || '-'}  extra: ${extra.join(' ') || '-'}  missed: ${missed.join(' ') || '-'}`);
	if (verbose) {
		const title = [report.title, report.subtitle].filter(Boolean).join(' ');
		const scores = tagThemes(blocksOfMdx(mdxById.get(report.id) ?? ''), vocab, { title }).scores;
		console.log('  scores: ' + scores.map((s) => `${s.label}:${s.score}`).join(' '));
	}
}

// 4. totals
const pct = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(2));
const precision = tp / (tp + fp || 1);
const recall = tp / (tp + fn || 1);
console.log(`\nper theme (tp/fp/fn, precision, recall):`);
for (const [label, b] of perTheme) {
	if (b.tp + b.fp + b.fn === 0) continue;
	console.log(`  ${label.padEnd(10, '　')} ${b.tp}/${b.fp}/${b.fn}  P ${pct(b.tp, b.tp + b.fp)}  R ${pct(b.tp, b.tp + b.fn)}`);
}
if (unmatched.length > 0) console.log(`\nreports without librarian labels (${unmatched.length}): ${unmatched.join(' | ')}`);
console.log(
	`\nmicro: precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${((2 * precision * recall) / (precision + recall || 1)).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn}; ${catalog.reports.length - unmatched.length} reports)`,
);
