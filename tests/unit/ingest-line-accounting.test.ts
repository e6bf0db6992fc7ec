/**
 * The whole-source check (issue 21 item 1): after ingesting a source, every non-blank line of it
 * is in exactly one place, and the place really holds it. Runs on every fixture and on the five
 * samples in content/sources.
 *
 * The oracle doesn't trust the ingester's text: it decodes the file itself, normalises each line
 * itself (white space and invisible characters removed, with its own character classes) and
 * looks for it in what the site shows —
 * - a line of a report (inside exactly one report's line range) must be found in that page's
 *   title, subtitle, unit, author or body text, each occurrence used once (a line printed twice
 *   must be there twice); a `摘要:`/`关键词:` line's text in the abstract or keywords;
 * - a front-matter line that is a sentence must be in the source's 前言 (preface);
 * - a TOC line's Han characters must be in the TOC entries as recorded;
 * - a frame line (section marker, part page, pinyin) must not be a sentence;
 * - text that belongs nowhere must be kept in a report (`kept`, found on that page like a
 *   report line); nothing may be left unassigned.
 * Only the routing (which place a line was put in) comes from the ingester's account.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSourceOutput, type SourceOutput } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const vocab = parseVocabulary(readFileSync(path.join(ROOT, 'content/vocabulary.yaml'), 'utf8'));
const fixtures = path.join(ROOT, 'tests/fixtures');
const files = [
	...readdirSync(fixtures)
		.filter((name) => existsSync(path.join(fixtures, name, 'input.txt')))
		.map((name) => ({ name, file: path.join(fixtures, name, 'input.txt') })),
	...readdirSync(path.join(ROOT, 'content/sources'))
		.filter((f) => f.endsWith('.txt'))
		.map((f) => ({ name: f, file: path.join(ROOT, 'content/sources', f) })),
];

// Written here on purpose (not imported): white space, and what a reader never sees.
const DROP =
	/[\s\u3000\uE000-\uF8FF\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g;
const norm = (text: string) => text.replace(DROP, '');
const isSentence = (text: string) => /[。！？][”’）)]*$/.test(text.trim());
const han = (text: string) => (text.match(/[\u3400-\u9fff]/g) ?? []).join('');

function rawLines(file: string): string[] {
	const text = new TextDecoder('utf-8').decode(readFileSync(file)).replace(/^\uFEFF/, '');
	return text.replace(/\r\n?/g, '\n').split('\n');
}

/** Every line number with the places that claim it. */
function claims(out: SourceOutput): Map<number, string[]> {
	const by = new Map<number, string[]>();
	for (const [place, nos] of Object.entries(out.account ?? {}))
		for (const no of nos) by.set(no, [...(by.get(no) ?? []), place]);
	return by;
}

describe('every non-blank line of a source is in exactly one place', () => {
	test('there are sources to check', () => {
		expect(files.length).toBeGreaterThanOrEqual(20);
	});

	test.each(files)('$name', ({ name, file }) => {
		const raw = rawLines(file);
		const out = buildSourceOutput(
			{ file: `${name}`, bytes: new Uint8Array(readFileSync(file)) },
			vocab,
			{},
		);
		expect(out.source).not.toBeNull();
		const placed = claims(out);
		const pages = out.pages.map((p) => {
			const fm = p.frontmatter;
			const shown = [fm.title, fm.subtitle ?? '', fm.unit ?? '', fm.author ?? '', p.text];
			return {
				first: fm.lines[0],
				last: fm.lines[1],
				left: shown.map(norm).join('\u0001'),
				meta: han(`${fm.abstract ?? ''}|${fm.keywords.join('|')}`),
			};
		});
		const source = out.source!;
		const preface = source.preface.map(norm).join('');
		const tocHan = source.toc
			.map((t) => han(`${t.title}${t.subtitle ?? ''}${t.unit ?? ''}`))
			.join('');
		const tocOnlyHan = out.tocOnly
			.map((t) => han(`${t.title}${t.subtitle ?? ''}${t.unit ?? ''}`))
			.join('');
		const problems: string[] = [];
		raw.forEach((line, i) => {
			const no = i + 1;
			const text = norm(line);
			if (text === '') return;
			const where = placed.get(no) ?? [];
			const ranges = pages.filter((p) => no >= p.first && no <= p.last);
			if (where.length !== 1)
				return void problems.push(
					`${no}: in ${where.length} places (${where.join(', ')}): ${line.trim().slice(0, 30)}`,
				);
			if (ranges.length > 1)
				return void problems.push(`${no}: inside ${ranges.length} reports' line ranges`);
			const [place] = where;
			if (place === 'report' || place === 'kept') {
				const page = ranges[0];
				if (!page)
					return void problems.push(`${no}: placed in a report, but in no report's line range`);
				// 摘要/关键词 are metadata: their text (not their label) is in the abstract and keywords.
				const label = /^(?:摘\s*要|关\s*键\s*词)\s*[:：]/.exec(line.trim());
				if (label) {
					if (!page.meta.includes(han(line.trim().slice(label[0].length))))
						problems.push(`${no}: not in the abstract or keywords: ${line.trim().slice(0, 30)}`);
					return;
				}
				// A stray page number cut at a page break (`工委书 1`) is a named repair.
				const candidates = [text, text.replace(/\d{1,3}$/, '')];
				const hit = candidates.find((c) => c !== '' && page.left.includes(c));
				if (hit === undefined)
					return void problems.push(`${no}: not on its page: ${line.trim().slice(0, 30)}`);
				page.left = page.left.replace(hit, '\u0000');
			} else if (place === 'front' || place === 'preface') {
				if (isSentence(line) && !preface.includes(text))
					problems.push(
						`${no}: a sentence in the front matter, not in the preface: ${line.trim().slice(0, 30)}`,
					);
			} else if (place === 'toc') {
				// The TOC's own numbering (`第一部分`, `一、`) and column headers are not entry text.
				const h = han(
					line
						.trim()
						.replace(
							/^第[一二三四五六七八九十\d]{1,3}(?:部分|章|编)|^[一二三四五六七八九十]{1,3}、/,
							'',
						),
				).replace(/^(?:目录|目次|篇名|题目|标题|单位|作者|页码|页次|序号)+$/, '');
				if (h && !tocHan.includes(h) && !tocOnlyHan.includes(h))
					problems.push(`${no}: a TOC line that no TOC entry holds: ${line.trim().slice(0, 30)}`);
			} else if (place === 'frame') {
				if (isSentence(line))
					problems.push(`${no}: a sentence taken as frame: ${line.trim().slice(0, 30)}`);
			} else if (place === 'unassigned') {
				problems.push(`${no}: unassigned: ${line.trim().slice(0, 30)}`);
			} else if (place !== 'repair') problems.push(`${no}: unknown place ${place}`);
		});
		expect(problems).toEqual([]);
	});
});
