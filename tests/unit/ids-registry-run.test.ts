/**
 * The id registry in a real ingest run (`runIngest` on a temp folder): created and printed,
 * left alone when nothing changed, updated with the changes printed, `--frozen-ids` failing
 * with what would change, a broken file at its line:column, overrides following a retired id.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runIngest } from '../../scripts/lib/run-ingest.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const fixture = readFileSync(path.join(repo, 'tests/fixtures/stable-ids/compilation.txt'), 'utf8');
let work: string;
const src = () => path.join(work, 'sources');
const registryFile = () => path.join(src(), 'ids.yaml');

beforeEach(() => {
	work = mkdtempSync(path.join(tmpdir(), 'huibian-ids-'));
	mkdirSync(src());
	writeFileSync(path.join(src(), 'shifan.txt'), fixture);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const run = (extra: Partial<Parameters<typeof runIngest>[0]> = {}) =>
	runIngest({
		sources: src(),
		out: path.join(work, 'out'),
		vocabulary: path.join(repo, 'content/vocabulary.yaml'),
		overrides: path.join(work, 'overrides.yaml'),
		cache: path.join(work, 'cache'),
		...extra,
	});
const catalogOf = () =>
	JSON.parse(readFileSync(path.join(work, 'out/catalog.json'), 'utf8')) as {
		reports: Array<{ id: string; title: string; unit: string; author: string | null }>;
		retired?: unknown[];
	};

describe('the registry file', () => {
	test('the first run creates it and says so; an unchanged run leaves it byte for byte and prints nothing about it', async () => {
		const first = await run();
		expect(first.ok).toBe(true);
		expect(first.report).toContain('ids.yaml: created with 4 report ids');
		const text = readFileSync(registryFile(), 'utf8');
		expect(text.startsWith('# huibian id registry')).toBe(true);
		const ids = catalogOf().reports.map((r) => r.id);
		for (const id of ids) expect(text).toContain(`\n  ${id}:\n    source: shifan.txt\n`);
		const second = await run();
		expect(second.report.filter((l) => l.startsWith('ids.yaml'))).toEqual([]);
		expect(readFileSync(registryFile(), 'utf8')).toBe(text);
		// The registry changed nothing the sources give: the second run came from the cache.
		expect(second.reused).toEqual(['shifan.txt']);
	});

	test('an edit prints what changed; --frozen-ids fails instead, naming it, and writes nothing', async () => {
		await run();
		const before = readFileSync(registryFile(), 'utf8');
		const catalog = readFileSync(path.join(work, 'out/catalog.json'), 'utf8');
		const [a] = catalogOf().reports.map((r) => r.id);
		writeFileSync(
			path.join(src(), 'shifan.txt'),
			fixture.replaceAll('努力打造学习型农经新形象', '努力打造学习型农经队伍新形象'),
		);
		const frozen = await run({ frozenIds: true });
		expect(frozen.ok).toBe(false);
		const error = frozen.issues.find((i) => i.ruleId === 'registry:frozen');
		expect(error?.message).toBe(
			`--frozen-ids: the id registry would change:\n  ids.yaml: kept ${a} (shifan.txt; title changed)\nRun the ingest or build without --frozen-ids and commit ids.yaml.`,
		);
		expect(`${error?.file}:${error?.line}:${error?.column}`).toBe('ids.yaml:1:1');
		expect(readFileSync(registryFile(), 'utf8')).toBe(before);
		expect(readFileSync(path.join(work, 'out/catalog.json'), 'utf8')).toBe(catalog);
		const updated = await run();
		expect(updated.ok).toBe(true);
		expect(updated.report).toContain(`ids.yaml: kept ${a} (shifan.txt; title changed)`);
		expect(catalogOf().reports[0]).toMatchObject({
			id: a,
			title: '强素质 促发展 努力打造学习型农经队伍新形象',
		});
		expect((await run({ frozenIds: true })).ok).toBe(true);
	});

	test('--frozen-ids without a registry fails: it would be created', async () => {
		const frozen = await run({ frozenIds: true });
		expect(frozen.ok).toBe(false);
		expect(
			frozen.issues
				.find((i) => i.ruleId === 'registry:frozen')
				?.message.split('\n')
				.slice(0, 2),
		).toEqual([
			'--frozen-ids: the id registry would change:',
			'  ids.yaml: missing (it would be created)',
		]);
	});

	test('a broken registry is an error at the line and column of its key', async () => {
		writeFileSync(
			registryFile(),
			'version: 1\nreports:\n  abc-1:\n    source: shifan.txt\n    order: 0\n    title: 标题\n    unit: null\n    txt: 00\n',
		);
		const bad = await run();
		expect(bad.ok).toBe(false);
		expect(
			bad.issues
				.filter((i) => i.ruleId === 'registry:invalid')
				.map((i) => `${i.file}:${i.line}:${i.column} ${i.message}`),
		).toEqual([
			'ids.yaml:3:3 Invalid id registry: **reports.abc-1.text**: Invalid input: expected string, received undefined',
			'ids.yaml:8:5 Invalid id registry: **reports.abc-1.txt**: Unrecognized key: "txt"',
		]);
		writeFileSync(registryFile(), 'version: 1\nreports: [\n');
		const syntax = await run();
		expect(
			syntax.issues
				.filter((i) => i.ruleId === 'registry:invalid')
				.map((i) => `${i.file}:${i.line}`),
		).toEqual(['ids.yaml:3']);
	});

	test('an override of a report whose id this run retired follows it, with a warning at its line', async () => {
		await run();
		const d = catalogOf().reports[3]!;
		expect(d.title).toBe('以学促干 建设学习型企业');
		writeFileSync(path.join(work, 'overrides.yaml'), `# corrections\n${d.id}:\n  author: 李四\n`);
		const body = fixture.slice(fixture.lastIndexOf('以学促干 建设学习型企业'));
		const rewritten =
			'以学促干 建设学习型企业\n\n——示范县电力公司创建学习型企业自评报告\n\n今年以来，公司党委围绕“争创一流供电企业”的目标，组织全体职工参加网络大学堂，开展导师带徒和技能比武。\n\n班组长轮训实现全覆盖，职工队伍的技能等级结构明显优化，高级工以上比例提高到百分之四十。\n\n二〇一〇年二月三日\n';
		writeFileSync(path.join(src(), 'shifan.txt'), fixture.replace(body, rewritten));
		const moved = await run();
		expect(moved.ok).toBe(true);
		const now = catalogOf().reports[3]!;
		expect(now.id).not.toBe(d.id);
		expect(now.author).toBe('李四');
		expect(moved.report).toContain(
			`ids.yaml: retired ${d.id} → ${now.id} (以学促干 建设学习型企业: /reports/${d.id}/ redirects)`,
		);
		const warning = moved.issues.find((i) => i.ruleId === 'override:id-moved');
		expect(`${warning?.line}:${warning?.column} ${warning?.message}`).toBe(
			`2:1 Override for report id “${d.id}”: that report's id is now “${now.id}” (ids.yaml: retired, movedTo), and the override applies to it. Rename the key to ${now.id}.`,
		);
		expect(catalogOf().retired).toEqual([
			{
				id: d.id,
				movedTo: now.id,
				title: '以学促干 建设学习型企业',
				source: 'shifan.txt',
				sourceSlug: 'shifan',
			},
		]);
		// The next run (registry updated) gives the same output.
		const catalog = readFileSync(path.join(work, 'out/catalog.json'), 'utf8');
		await run();
		expect(readFileSync(path.join(work, 'out/catalog.json'), 'utf8')).toBe(catalog);
	});

	test('an override of a removed report is a warning naming its line', async () => {
		await run();
		const b = catalogOf().reports[1]!;
		writeFileSync(path.join(work, 'overrides.yaml'), `${b.id}:\n  author: 王五\n`);
		const start = fixture.indexOf('书香校园 润泽心灵', fixture.indexOf('(13)'));
		const end = fixture.indexOf('共建共享 打造学习型社区', start);
		const row = fixture.indexOf('书香校园 润泽心灵');
		writeFileSync(
			path.join(src(), 'shifan.txt'),
			fixture.slice(0, row) +
				fixture.slice(fixture.indexOf('共建共享', row), start) +
				fixture.slice(end),
		);
		const removed = await run();
		expect(removed.ok).toBe(true);
		expect(
			removed.issues
				.filter((i) => i.ruleId.startsWith('override:'))
				.map((i) => `${i.line}:${i.column} ${i.ruleId}`),
		).toEqual(['1:1 override:removed-id']);
		expect(catalogOf().retired).toEqual([
			{
				id: b.id,
				movedTo: null,
				title: '书香校园 润泽心灵',
				source: 'shifan.txt',
				sourceSlug: 'shifan',
			},
		]);
	});
});
