/**
 * Issue 14: no source, metadata file or override can publish what it shouldn't or hang the
 * ingest. Each test is one attack of the issue (numbered as there), run through the real
 * `runIngest` on a temp folder; expectations are written by hand from the attack.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runIngest } from '../../scripts/lib/run-ingest.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const vocabulary = path.join(repo, 'content/vocabulary.yaml');
// The ids of the two sample reports (tests/unit/ingest-cli.test.ts lists the same files).
const ID_001 = '001-c21bc2402ff3211b-da81675a';
const ID_004 = '004-83e701237cf79c63-6dbfb89e';
let work: string;
let sources: string;

beforeEach(() => {
	work = mkdtempSync(path.join(tmpdir(), 'huibian-robust-'));
	sources = path.join(work, 'sources');
	mkdirSync(sources);
	for (const f of ['001_c21bc2402ff3211b.txt', '004_83e701237cf79c63.txt'])
		copyFileSync(path.join(repo, 'content/sources', f), path.join(sources, f));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const run = (extra: Partial<Parameters<typeof runIngest>[0]> = {}) =>
	runIngest({
		sources,
		out: path.join(work, 'out'),
		vocabulary,
		overrides: path.join(work, 'overrides.yaml'),
		cache: false,
		...extra,
	});
type Run = Awaited<ReturnType<typeof run>>;
const errors = (r: Run) =>
	r.issues
		.filter((i) => i.severity === 'error')
		.map((i) => `${i.file}:${i.line}:${i.column} [${i.ruleId}] ${i.message}`);
const published = (r: Run) =>
	JSON.stringify(r.result.pages.map((p) => p.mdx)) + JSON.stringify(r.result.catalog);

describe('1, 2: only regular files inside the sources folder are read, up to a size limit', () => {
	test('1. a symlink to a file outside the folder (/etc/passwd) is an error naming it; nothing of it is published', async () => {
		symlinkSync('/etc/passwd', path.join(sources, 'pw.txt'));
		const r = await run();
		expect(r.ok).toBe(false);
		expect(errors(r)).toEqual([
			'pw.txt:1:1 [decode:unreadable] pw.txt: cannot be read: a symbolic link to /etc/passwd, outside the sources folder. Sources must be files inside the folder: copy the file in instead of linking it.',
		]);
		expect(published(r)).not.toContain('root:');
		expect(existsSync(path.join(work, 'out'))).toBe(false);
	});

	test('1. a symlink that climbs out through ../ is refused too; a symlink to a file inside the folder is read', async () => {
		writeFileSync(path.join(work, 'secret.txt'), '秘密文件\n\n不应发布的内容。\n');
		symlinkSync('../secret.txt', path.join(sources, 'up.txt'));
		mkdirSync(path.join(sources, 'sub'));
		copyFileSync(
			path.join(sources, '001_c21bc2402ff3211b.txt'),
			path.join(sources, 'sub', 'x.txt'),
		);
		symlinkSync('sub/x.txt', path.join(sources, 'inside.txt'));
		const r = await run();
		expect(errors(r).map((e) => e.split(' [')[0])).toEqual(['up.txt:1:1']);
		expect(published(r)).not.toContain('不应发布');
		expect(r.result.catalog.sources.map((s) => s.file)).toContain('inside.txt');
	});

	test('2. a symlink to /dev/zero and a FIFO named *.txt are refused at once (no unbounded read, no hang)', async () => {
		symlinkSync('/dev/zero', path.join(sources, 'zero.txt'));
		execFileSync('mkfifo', [path.join(sources, 'pipe.txt')]);
		const started = performance.now();
		const r = await run();
		expect(performance.now() - started).toBeLessThan(5000);
		expect(errors(r)).toEqual([
			'pipe.txt:1:1 [decode:unreadable] pipe.txt: cannot be read: a FIFO (named pipe), expected a regular file. Remove it from the sources folder.',
			'zero.txt:1:1 [decode:unreadable] zero.txt: cannot be read: a symbolic link to /dev/zero, outside the sources folder. Sources must be files inside the folder: copy the file in instead of linking it.',
		]);
	}, 10_000);

	test('2. a device inside the folder and a file over the size limit are refused with a clear error', async () => {
		writeFileSync(path.join(sources, 'big.txt'), '大'.repeat(400_000)); // 1.2 MB
		const r = await run({ maxSourceBytes: 1024 * 1024 });
		expect(errors(r)).toEqual([
			'big.txt:1:1 [input:too-large] big.txt: is 1 MiB, over the limit of 1 MiB per source file. Split it, or raise the limit with --max-source-mb.',
		]);
	});
});

describe('4: two sources or reports with one slug or id are errors naming both files', () => {
	test('汇编-12.txt and 报告-12.txt both slug to “12”', async () => {
		copyFileSync(path.join(sources, '001_c21bc2402ff3211b.txt'), path.join(sources, '汇编-12.txt'));
		copyFileSync(path.join(sources, '004_83e701237cf79c63.txt'), path.join(sources, '报告-12.txt'));
		const r = await run();
		expect(r.ok).toBe(false);
		expect(errors(r)).toEqual([
			'汇编-12.txt:1:1 [slug:collision] 汇编-12.txt and 报告-12.txt have the same slug “12” (the ASCII letters and digits of the file name): one compilation page would replace the other. Rename one of the two files.',
		]);
	});

	test('ab.txt and AB.txt (same text) are one slug; no duplicate report id reaches the catalog', async () => {
		copyFileSync(path.join(sources, '001_c21bc2402ff3211b.txt'), path.join(sources, 'ab.txt'));
		copyFileSync(path.join(sources, '001_c21bc2402ff3211b.txt'), path.join(sources, 'AB.txt'));
		const r = await run();
		expect(errors(r)).toEqual([
			'ab.txt:1:1 [slug:collision] ab.txt and AB.txt have the same slug “ab” (the ASCII letters and digits of the file name): one compilation page would replace the other. Rename one of the two files.',
		]);
		expect(existsSync(path.join(work, 'out'))).toBe(false);
	});
});

describe('5, 12, 13: overrides are checked against the schema and the vocabulary, at their own line', () => {
	test('5. an override that sets `id` (to another report’s id) is an error at its line of overrides.yaml', async () => {
		writeFileSync(
			path.join(work, 'overrides.yaml'),
			`# overrides\n${ID_001}:\n  unit: 某单位\n  id: ${ID_004}\n`,
		);
		const r = await run();
		expect(r.ok).toBe(false);
		expect(errors(r)).toEqual([
			`${path.join(work, 'overrides.yaml')}:4:3 [override:id] Override of “${ID_001}” sets \`id\`: ids are derived from the source and can't be overridden (two reports with one id overwrite each other's page). Remove the \`id\` line.`,
		]);
		expect(r.result.catalog.reports.map((x) => x.id).sort()).toEqual([ID_001, ID_004]);
	});

	test('12. category, categorySlug and themeSlugs outside the vocabulary are errors at their lines', async () => {
		writeFileSync(
			path.join(work, 'overrides.yaml'),
			`${ID_001}:\n  category: 不存在的类别\n${ID_004}:\n  categorySlug: no-such-cat\n  themes: []\n  themeSlugs: [no-such-theme]\n`,
		);
		const r = await run();
		const file = path.join(work, 'overrides.yaml');
		expect(
			errors(r)
				.filter((e) => e.includes('[override:vocabulary]'))
				.map((e) => e.split(' [')[0]),
		).toEqual([`${file}:2:3`, `${file}:4:3`, `${file}:6:16`]);
		expect(errors(r)[0]).toContain(
			'category “不存在的类别” is not in the vocabulary. Expected one of: 学习型机关, ',
		);
		expect(existsSync(path.join(work, 'out'))).toBe(false);
	});

	test('13. an override that breaks the schema is blamed on overrides.yaml at the field, not on the source', async () => {
		writeFileSync(
			path.join(work, 'overrides.yaml'),
			`${ID_001}:\n  unit: 某单位\n  date: 2019年3月\n`,
		);
		const r = await run();
		expect(errors(r)).toEqual([
			`${path.join(work, 'overrides.yaml')}:3:3 [override:invalid] Override of “${ID_001}”: **date**: Expected YYYY, YYYY-MM or YYYY-MM-DD`,
		]);
	});

	test('13. a cross-field rule broken by an override (themes without themeSlugs of the same length) points at the override', async () => {
		writeFileSync(
			path.join(work, 'overrides.yaml'),
			`${ID_001}:\n  themes: [共同愿景]\n  themeSlugs: []\n`,
		);
		const r = await run();
		expect(errors(r).map((e) => e.split(' [')[0])).toEqual([
			`${path.join(work, 'overrides.yaml')}:3:3`,
		]);
	});
});

describe('6, 13: YAML is parsed with limits, errors at the real line:column', () => {
	const bomb = [
		'a: &a [x, x, x, x, x, x, x, x, x]',
		...'bcdefgh'
			.split('')
			.map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
		'i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
	].join('\n');

	test('6. a 400-byte alias bomb in overrides.yaml fails fast with one short line at its position', async () => {
		writeFileSync(path.join(work, 'overrides.yaml'), `${bomb}\n${ID_001}:\n  title: *i\n`);
		const started = performance.now();
		const r = await run();
		expect(performance.now() - started).toBeLessThan(3000);
		expect(r.ok).toBe(false);
		const [e] = errors(r);
		expect(e!.length).toBeLessThan(300);
		// The 9 aliases of line 8 (`h: &h [*g, …]`) push the expanded document past the limit.
		expect(e).toMatch(
			new RegExp(
				`^${path.join(work, 'overrides.yaml').replace(/[.]/g, '\\.')}:\\d+:\\d+ \\[overrides:invalid\\] invalid YAML: aliases expand the document past 200000 nodes`,
			),
		);
		expect(Number(e!.split(':')[1])).toBeGreaterThan(1);
	}, 10_000);

	test('6. the same bomb in <source>.yaml metadata is refused too', async () => {
		writeFileSync(path.join(sources, '001_c21bc2402ff3211b.yaml'), `${bomb}\ntitle: *i\n`);
		const r = await run();
		expect(errors(r)[0]).toMatch(
			/^001_c21bc2402ff3211b\.yaml:\d+:\d+ \[meta:invalid\] 001_c21bc2402ff3211b\.yaml: invalid YAML: aliases expand/,
		);
	});

	test('6. an alias inside its own anchor (a cycle) is refused at the alias, not looped on later', async () => {
		writeFileSync(path.join(work, 'overrides.yaml'), `${ID_001}:\n  keywords: &k [学习, *k]\n`);
		const r = await run();
		expect(errors(r)).toEqual([
			`${path.join(work, 'overrides.yaml')}:2:21 [overrides:invalid] invalid YAML: alias *k is inside its own anchor &k (a cycle)`,
		]);
	});

	test('13. a YAML syntax error is reported at its own line and column, not 1:1', async () => {
		writeFileSync(
			path.join(work, 'overrides.yaml'),
			`# comment\n${ID_001}:\n  unit: 某单位\n  title: [未闭合\n`,
		);
		const r = await run();
		const [e] = errors(r);
		expect(e).toMatch(
			new RegExp(
				`^${path.join(work, 'overrides.yaml').replace(/[.]/g, '\\.')}:5:1 \\[overrides:invalid\\] invalid YAML: `,
			),
		);
	});

	test('13. a vocabulary error is reported at the line of the bad value, not vocabulary.yaml:1:1', async () => {
		const text = readFileSync(vocabulary, 'utf8');
		const bad = text.replace('  - slug: xuexiao\n', '  - slug: 学校\n');
		const lineOf = bad.split('\n').indexOf('  - slug: 学校') + 1;
		writeFileSync(path.join(work, 'vocabulary.yaml'), bad);
		const r = await run({ vocabulary: path.join(work, 'vocabulary.yaml') });
		expect(errors(r).map((e) => e.split(' [')[0])).toEqual([
			`${path.join(work, 'vocabulary.yaml')}:${lineOf}:5`,
		]);
		expect(errors(r)[0]).toContain('categories.1.slug: Expected an ASCII slug');
	});
});

test('13. a duplicate slug in the vocabulary is reported at the second entry that has it', async () => {
	const text = readFileSync(vocabulary, 'utf8');
	const bad = text.replace('  - slug: yiyuan\n', '  - slug: xuexiao\n');
	const lineOf = bad.split('\n').lastIndexOf('  - slug: xuexiao') + 1;
	writeFileSync(path.join(work, 'vocabulary.yaml'), bad);
	const r = await run({ vocabulary: path.join(work, 'vocabulary.yaml') });
	expect(errors(r)).toEqual([
		`${path.join(work, 'vocabulary.yaml')}:${lineOf}:5 [vocabulary:invalid] Invalid vocabulary: categories: duplicate slug "xuexiao"; each slug must be unique`,
	]);
});

describe('14: URL schemes, size limits, other files, empty folders, leftovers', () => {
	test.each([
		'javascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'file:///etc/passwd',
	])('metadata url: %s is an error at its line', async (url) => {
		writeFileSync(
			path.join(sources, '004_83e701237cf79c63.yaml'),
			`title: 闸北区\nurl: '${url}'\n`,
		);
		const r = await run();
		expect(errors(r)).toEqual([
			'004_83e701237cf79c63.yaml:2:1 [meta:invalid] 004_83e701237cf79c63.yaml: **url**: Expected an http:// or https:// URL (other schemes such as javascript:, data: or file: are refused)',
		]);
	});

	test('an https url is accepted', async () => {
		writeFileSync(path.join(sources, '004_83e701237cf79c63.yaml'), 'url: https://example.org/a\n');
		expect(errors(await run())).toEqual([]);
	});

	test('a 5 MB title in metadata is refused with file:line, not published', async () => {
		writeFileSync(
			path.join(sources, '004_83e701237cf79c63.yaml'),
			`place: 上海\ntitle: ${'长'.repeat(1_700_000)}\n`,
		);
		const r = await run();
		expect(errors(r)).toEqual([
			'004_83e701237cf79c63.yaml:2:1 [meta:invalid] 004_83e701237cf79c63.yaml: **title**: Expected at most 1000 characters, found 1700000: a field is one line; move long text into the body of the source',
		]);
	});

	test('a 5 MB title in an override is refused at its line', async () => {
		writeFileSync(
			path.join(work, 'overrides.yaml'),
			`${ID_004}:\n  title: ${'长'.repeat(1_700_000)}\n`,
		);
		const r = await run();
		expect(errors(r).map((e) => e.slice(0, e.indexOf('found') + 13))).toEqual([
			`${path.join(work, 'overrides.yaml')}:2:3 [override:invalid] Override of “${ID_004}”: **title**: Expected at most 1000 characters, found 1700000`,
		]);
	});

	test('files of other kinds are named in a warning; a folder named *.txt is an error', async () => {
		writeFileSync(path.join(sources, 'notes.md'), '# notes');
		writeFileSync(path.join(sources, 'orphan.yaml'), 'title: 无主\n');
		mkdirSync(path.join(sources, 'images'));
		const r = await run();
		expect(r.ok).toBe(true);
		expect(
			r.issues
				.filter((i) => i.ruleId === 'input:skipped')
				.map((i) => `${i.file}: ${i.severity} ${i.message}`),
		).toEqual([
			'images: warning images: not a compilation (.txt, .pdf, .docx, .html, .htm); skipped.',
			'notes.md: warning notes.md: not a compilation (.txt, .pdf, .docx, .html, .htm); skipped.',
			'orphan.yaml: warning orphan.yaml: metadata for no source (no orphan.txt beside it); skipped.',
		]);
	});

	test('an empty sources folder is an error unless allowEmpty', async () => {
		for (const f of readdirSync(sources)) rmSync(path.join(sources, f));
		writeFileSync(path.join(sources, 'README.md'), 'nothing here');
		const r = await run();
		expect(r.ok).toBe(false);
		expect(errors(r)).toEqual([
			`${sources}:1:1 [input:sources-empty] Expected at least one source (.txt, .pdf, .docx, .html, .htm) in ${sources}, found none: building would replace the site by an empty one. Add sources, or pass --allow-empty.`,
		]);
		expect(existsSync(path.join(work, 'out'))).toBe(false);
		const allowed = await run({ allowEmpty: true });
		expect(allowed.ok).toBe(true);
		expect(JSON.parse(readFileSync(path.join(work, 'out', 'catalog.json'), 'utf8'))).toEqual({
			sources: [],
			reports: [],
			tocOnly: [],
		});
	});

	test('temp folders a killed ingest left (.out.tmp-<dead pid>-…) are removed by the next run', async () => {
		// A pid that surely no longer runs: a child that has exited.
		const dead = spawnSync(process.execPath, ['-e', '0']).pid;
		mkdirSync(path.join(work, `.out.tmp-${dead}-1700000000000`));
		writeFileSync(path.join(work, `.out.tmp-${dead}-1700000000000`, 'x.mdx'), 'half');
		mkdirSync(path.join(work, `.out.old-${dead}-1700000000000`));
		const live = `.out.tmp-${process.pid}-1700000000000`;
		mkdirSync(path.join(work, live));
		expect((await run()).ok).toBe(true);
		expect(
			readdirSync(work)
				.filter((n) => n.startsWith('.out.'))
				.sort(),
		).toEqual([live]);
	});
});
