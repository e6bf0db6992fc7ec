import { execFileSync } from 'node:child_process';
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { summaryLine } from '../../scripts/lib/format-ingest-report.ts';
import { runIngest } from '../../scripts/lib/run-ingest.ts';

const repo = path.resolve(import.meta.dirname, '../..');
let work: string;
const vocabulary = path.join(repo, 'content/vocabulary.yaml');

beforeEach(() => {
	work = mkdtempSync(path.join(tmpdir(), 'huibian-ingest-'));
	mkdirSync(path.join(work, 'sources'));
	for (const f of ['001_c21bc2402ff3211b.txt', '004_83e701237cf79c63.txt'])
		copyFileSync(path.join(repo, 'content/sources', f), path.join(work, 'sources', f));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const run = (extra: Partial<Parameters<typeof runIngest>[0]> = {}) =>
	runIngest({
		sources: path.join(work, 'sources'),
		out: path.join(work, 'out'),
		vocabulary,
		overrides: path.join(work, 'overrides.yaml'),
		...extra,
	});

describe('runIngest', () => {
	test('writes one .mdx per report and a deterministic catalog.json, and removes stale pages', async () => {
		mkdirSync(path.join(work, 'out'));
		writeFileSync(path.join(work, 'out', 'stale-report.mdx'), 'old');
		writeFileSync(path.join(work, 'out', 'README.md'), 'kept');
		const first = await run();
		expect(first.ok).toBe(true);
		const files = readdirSync(path.join(work, 'out')).sort();
		// `.huibian-output` marks the folder as huibian's (the build's output guard, issue 14).
		expect(files).toEqual(
			[
				'.huibian-output',
				'README.md',
				...first.result.pages.map((p) => `${p.id}.mdx`).sort(),
				'catalog.json',
			].sort(),
		);
		const catalog = readFileSync(path.join(work, 'out', 'catalog.json'), 'utf8');
		await run();
		expect(readFileSync(path.join(work, 'out', 'catalog.json'), 'utf8')).toBe(catalog);
		expect(JSON.parse(catalog).reports.map((r: { url: string; id: string }) => r.url)).toEqual(
			first.result.pages.map((p) => `/reports/${p.id}/`),
		);
	});

	test('a failed run leaves the previous output as it was and reports the error', async () => {
		await run();
		const before = readdirSync(path.join(work, 'out')).sort();
		writeFileSync(
			path.join(work, 'sources', 'broken.txt'),
			new Uint8Array([0x89, 0x50, 0x00, 0x00]),
		);
		rmSync(path.join(work, 'sources', '001_c21bc2402ff3211b.txt'));
		const failed = await run();
		expect(failed.ok).toBe(false);
		expect(readdirSync(path.join(work, 'out')).sort()).toEqual(before);
		expect(failed.report).toContain(
			`${path.join(work, 'sources', 'broken.txt')}:1:3: error broken.txt: contains NUL bytes: expected a text file, found binary data (or UTF-16 without a byte order mark). Save it as UTF-8. [decode:binary]`,
		);
	});

	test('prints per source shape and counts, warnings with file:line:col and a quoted hint, then one summary line', async () => {
		writeFileSync(path.join(work, 'overrides.yaml'), '# comments only\n');
		writeFileSync(
			path.join(work, 'sources', 'cut.txt'),
			'被截断的报告\n\n这是正文的第一句话。这是被截断的第二句话，没有',
		);
		const result = await run();
		expect(result.report[0]).toBe(
			'001_c21bc2402ff3211b.txt: single-article, 1 reports, 0 TOC-only, repairs: layout-space 1, teaser-line 1',
		);
		const at = result.report.findIndex((l) => l.includes('[text:truncated]'));
		expect(result.report[at]).toBe(
			`${path.join(work, 'sources', 'cut.txt')}:3:1: warning The source ends inside report “被截断的报告”: its text is truncated. [text:truncated]`,
		);
		expect(result.report[at + 1]).toBe('    > 这是正文的第一句话。这是被截断的第二句话，没有');
		// The other warning: 001 prints no unit; 区委办公室 is read from its opening sentence.
		expect(result.report.some((l) => l.endsWith('[unit:from-body]'))).toBe(true);
		expect(result.report.at(-1)).toMatch(
			/^ingest: 3 sources, 3 reports, 0 TOC-only entries, 2 warnings \(\d+\.\d s\)$/,
		);
	});

	test('invalid <source>.yaml metadata is an error at the key’s line', async () => {
		writeFileSync(
			path.join(work, 'sources', '004_83e701237cf79c63.yaml'),
			'title: 闸北区\ndate: 2004年\n',
		);
		const result = await run();
		expect(
			result.issues
				.filter((i) => i.file.endsWith('.yaml'))
				.map((i) => [i.file, i.line, i.ruleId, i.message]),
		).toEqual([
			[
				'004_83e701237cf79c63.yaml',
				2,
				'meta:invalid',
				'004_83e701237cf79c63.yaml: **date**: Expected YYYY, YYYY-MM or YYYY-MM-DD',
			],
		]);
	});

	test('an unknown key in <source>.yaml is an error at its own line that lists the known keys', async () => {
		writeFileSync(
			path.join(work, 'sources', '004_83e701237cf79c63.yaml'),
			'title: 闸北区\nplase: 上海\n',
		);
		const result = await run();
		expect(
			result.issues
				.filter((i) => i.file.endsWith('.yaml'))
				.map((i) => [i.file, i.line, i.ruleId, i.message]),
		).toEqual([
			[
				'004_83e701237cf79c63.yaml',
				2,
				'meta:invalid',
				'004_83e701237cf79c63.yaml: **(root)**: Unrecognized key: "plase". Expected one of: title, editor, publisher, place, date, url, licence.',
			],
		]);
	});
});

test('summaryLine has the documented form', () => {
	expect(
		summaryLine({
			sources: 5,
			reports: 16,
			tocOnly: 87,
			warnings: 3,
			errors: 0,
			seconds: 0.43,
			bytes: 0,
		}),
	).toBe('ingest: 5 sources, 16 reports, 87 TOC-only entries, 3 warnings (0.4 s)');
	expect(
		summaryLine({
			sources: 1,
			reports: 1,
			tocOnly: 1,
			warnings: 1,
			errors: 2,
			seconds: 1,
			bytes: 0,
		}),
	).toBe('ingest: 1 source, 1 report, 1 TOC-only entry, 1 warning, 2 errors (1.0 s)');
});

test('the CLI exits 1 on an error and 0 otherwise', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'huibian-cli-'));
	try {
		mkdirSync(path.join(dir, 'sources'));
		writeFileSync(path.join(dir, 'sources', 'a.txt'), '标题\n\n正文。');
		const args = [
			path.join(repo, 'scripts/ingest.ts'),
			'--sources',
			path.join(dir, 'sources'),
			'--out',
			path.join(dir, 'out'),
			'--overrides',
			path.join(dir, 'none.yaml'),
		];
		const out = execFileSync(process.execPath, args, { cwd: repo, encoding: 'utf8' });
		expect(out.trim().split('\n').at(-1)).toMatch(
			/^ingest: 1 source, 1 report, 0 TOC-only entries, 0 warnings \(\d+\.\d s\)$/,
		);
		writeFileSync(path.join(dir, 'sources', 'b.txt'), '');
		expect(() =>
			execFileSync(process.execPath, args, { cwd: repo, encoding: 'utf8', stdio: 'pipe' }),
		).toThrow(/Command failed/);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
