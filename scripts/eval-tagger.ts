/**
 * `node scripts/eval-tagger.ts [--part tuning|heldout] [--split FILE] [--verbose]`
 *
 * Measures the theme tagger against a librarian's hand labels, for each part of
 * tests/fixtures/librarian/split.yaml: `tuning` (the labelled reports thresholds may be fitted
 * to) and `heldout` (never used for tuning). For each part it runs the real ingest (content/
 * vocabulary.yaml, NO curator overrides) on the part's sources and prints per-report
 * differences, per-theme precision/recall and micro precision/recall/F1. `--part` limits the
 * run to one part (tune with `--part tuning`, so the held-out reports stay unseen). With
 * --verbose, prints each report's theme scores (re-scored from its MDX body).
 *
 * Doesn't tune anything and writes nothing. Exits 1 when a label matches no report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestAll } from '../src/lib/ingest/index.ts';
import { parseVocabulary, tagThemes } from '../src/lib/ingest/report/metadata/index.ts';
import type { IngestBlock } from '../src/lib/ingest/types.ts';
import { stripFrontmatter } from '../src/lib/mdx/split-frontmatter.ts';
import { parseArgs } from './lib/args.ts';
import { evaluatePart, readSplit, type PartName, type PartResult } from './lib/theme-eval.ts';
import { PATHS } from '../src/lib/config.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = parseArgs(process.argv.slice(2), ['part', 'split']);
const only = args.values.get('part');
if (only !== undefined && only !== 'tuning' && only !== 'heldout') {
	console.error(`--part: expected tuning or heldout, found "${only}"`);
	process.exit(1);
}
const verbose = args.flags.has('verbose');
const vocab = parseVocabulary(readFileSync(path.join(root, PATHS.vocabulary), 'utf8'));

/** The body of an MDX page as blocks: `##`–`####` lines are headings, other lines paragraphs. */
function blocksOfMdx(mdx: string): IngestBlock[] {
	return stripFrontmatter(mdx)
		.split('\n')
		.flatMap((line, i): IngestBlock[] => {
			const text = line.replace(/\\(.)/gu, '$1').trim();
			if (text === '' || text.startsWith('import ') || text.startsWith('<')) return [];
			const heading = /^(#{2,4})\s+(.*)$/u.exec(text);
			if (heading)
				return [
					{
						type: 'heading',
						depth: heading[1]!.length as 2 | 3 | 4,
						text: heading[2]!,
						line: i + 1,
					},
				];
			return [{ type: 'paragraph', text, line: i + 1 }];
		});
}

/** Theme scores of each report of a part's sources, by id (for --verbose: ingests them again). */
function scoresById(folders: readonly string[]): Map<string, string> {
	const out = new Map<string, string>();
	for (const folder of folders) {
		const inputs = readdirSync(folder)
			.filter((f) => f.endsWith('.txt'))
			.map((file) => ({
				file,
				bytes: new Uint8Array(readFileSync(path.join(folder, file))),
				meta: null,
			}));
		for (const page of ingestAll(inputs, vocab, {}).pages) {
			const title = [page.frontmatter.title, page.frontmatter.subtitle].filter(Boolean).join(' ');
			const scores = tagThemes(blocksOfMdx(page.mdx), vocab, { title }).scores;
			out.set(page.id, scores.map((s) => `${s.label}:${s.score}`).join(' '));
		}
	}
	return out;
}

const fmt = (x: number) => x.toFixed(3);
const split = readSplit(root);
const parts: PartName[] = only ? [only as PartName] : ['tuning', 'heldout'];
const results: PartResult[] = [];
let broken = false;
for (const part of parts) {
	const result = evaluatePart(part, split[part], vocab);
	results.push(result);
	console.log(`\n═══ ${part} (${result.reports.length} reports) ═══`);
	const scores = verbose
		? scoresById(split[part].map((s) => s.sources))
		: new Map<string, string>();
	for (const r of result.reports) {
		const ok = r.got.filter((l) => r.want.includes(l));
		const extra = r.got.filter((l) => !r.want.includes(l));
		const missed = r.want.filter((l) => !r.got.includes(l));
		console.log(
			`${r.source} ${r.title}\n  ok: ${ok.join(' ') || '-'}  extra: ${extra.join(' ') || '-'}  ` +
				`missed: ${missed.join(' ') || '-'}`,
		);
		if (verbose && scores.has(r.id)) console.log(`  scores: ${scores.get(r.id)}`);
	}
	console.log(`\nper theme (tp/fp/fn, precision, recall):`);
	const pct = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(2));
	for (const theme of vocab.themes) {
		const b = result.perTheme.get(theme.label);
		if (!b) continue;
		console.log(
			`  ${theme.label.padEnd(10, '　')} ${b.tp}/${b.fp}/${b.fn}  ` +
				`P ${pct(b.tp, b.tp + b.fp)}  R ${pct(b.tp, b.tp + b.fn)}`,
		);
	}
	if (result.unlabelled.length > 0)
		console.log(
			`\nreports without labels (${result.unlabelled.length}): ${result.unlabelled.join(' | ')}`,
		);
	if (result.unusedLabels.length > 0) {
		broken = true;
		console.log(
			`\nlabels that match no report (${result.unusedLabels.length}): ` +
				result.unusedLabels.join(' | '),
		);
	}
}
console.log('');
for (const { part, micro, reports } of results) {
	console.log(
		`${part.padEnd(8)} micro: precision ${fmt(micro.precision)}  recall ${fmt(micro.recall)}  ` +
			`F1 ${fmt(micro.f1)}  (tp ${micro.tp}, fp ${micro.fp}, fn ${micro.fn}; ` +
			`${reports.length} reports)`,
	);
}
if (broken) process.exitCode = 1;
