/**
 * Stable report ids (issue 18): a sequence of edits of one hand-written compilation
 * (tests/fixtures/stable-ids/compilation.txt), each ingested with the registry the one before
 * left, through the real per-source ingest (`buildSourceOutput` with `matchIds`) and `updateRegistry`.
 * What each edit must do to the ids is written here by hand from the edit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSourceOutput } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import {
	emptyRegistry,
	parseRegistry,
	type Registry,
} from '../../src/lib/knowledge/id-registry.ts';
import { matchIds, type IdCandidate } from '../../src/lib/knowledge/match-ids.ts';
import { updateRegistry, type RegistryChange } from '../../src/lib/knowledge/update-registry.ts';
import { followOverrides } from '../../src/lib/knowledge/follow-overrides.ts';
import { SAME_TEXT, similarity, textSignature } from '../../src/lib/knowledge/text-signature.ts';

const root = path.resolve(import.meta.dirname, '../..');
const vocab = parseVocabulary(readFileSync(path.join(root, 'content/vocabulary.yaml'), 'utf8'));
const base = readFileSync(path.join(root, 'tests/fixtures/stable-ids/compilation.txt'), 'utf8');

/** The four reports' blocks of the fixture: TOC row (2 lines + blank) and body, by a key. */
function parts(text: string) {
	const toc = text.slice(
		text.indexOf('目 录'),
		text.indexOf('强素质 促发展', text.indexOf('……………(13)')),
	);
	const head = text.slice(0, text.indexOf('目 录'));
	const bodyStart = text.indexOf('强素质 促发展', text.indexOf('……………(13)'));
	const body = text.slice(bodyStart);
	const cut = (s: string, starts: string[]) =>
		starts.map((m, i) =>
			s.slice(s.indexOf(m), i + 1 < starts.length ? s.indexOf(starts[i + 1]!) : undefined),
		);
	const titles = ['强素质 促发展', '书香校园', '共建共享', '以学促干'];
	const rows = cut(toc.slice(toc.indexOf(titles[0]!)), titles);
	const bodies = cut(body, titles);
	return { head, rows, bodies };
}

/** The compilation with its reports in the given order (keys 0–3 of the fixture, or new text). */
function compose(head: string, reports: Array<{ row: string; body: string }>): string {
	return `${head}目 录\n\n${reports.map((r) => r.row).join('')}${reports.map((r) => r.body).join('')}`;
}

const fixture = parts(base);
const report = (i: number) => ({ row: fixture.rows[i]!, body: fixture.bodies[i]! });

interface Step {
	ids: string[];
	titles: string[];
	registry: Registry;
	changes: RegistryChange[];
}

/** Ingest `text` as `file` with `registry`; the new registry and each report's id and title. */
function ingestWith(text: string, registry: Registry, file = 'shifan-2010.txt'): Step {
	const out = buildSourceOutput(
		{ file, bytes: new TextEncoder().encode(text), meta: null },
		vocab,
		{},
		undefined,
		(f, reports) => matchIds(registry, f, reports),
	);
	expect(out.issues.filter((i) => i.severity === 'error')).toEqual([]);
	const { registry: next, changes } = updateRegistry(registry, out.idEntries);
	return {
		ids: out.reports.map((r) => r.id),
		titles: out.reports.map((r) => r.title),
		registry: next,
		changes,
	};
}

const kinds = (changes: readonly RegistryChange[]) => changes.map((c) => c.kind);

describe('a sequence of edits keeps ids', () => {
	// Step 0: the compilation with a typo in the second title (心录 for 心灵).
	const typo = (s: string) => s.replaceAll('润泽心灵', '润泽心录');
	const s0 = ingestWith(
		compose(
			fixture.head,
			[0, 1, 2, 3].map((i) => ({ row: typo(report(i).row), body: typo(report(i).body) })),
		),
		emptyRegistry(),
	);
	const [A, B, C, D] = s0.ids as [string, string, string, string];

	test('the first run registers every report', () => {
		expect(s0.titles).toEqual([
			'强素质 促发展 努力打造学习型农经新形象',
			'书香校园 润泽心录',
			'共建共享 打造学习型社区',
			'以学促干 建设学习型企业',
		]);
		expect(new Set(s0.ids).size).toBe(4);
		expect(kinds(s0.changes)).toEqual(['added', 'added', 'added', 'added']);
		expect(Object.keys(s0.registry.reports).sort()).toEqual([...s0.ids].sort());
	});

	// Step 1: the typo fixed, in the TOC and the head.
	const s1 = ingestWith(base, s0.registry);
	test('a title typo fix keeps the id (and the source alone would have given another)', () => {
		expect(s1.titles[1]).toBe('书香校园 润泽心灵');
		expect(s1.ids).toEqual([A, B, C, D]);
		expect(ingestWith(base, emptyRegistry()).ids[1]).not.toBe(B);
		expect(s1.changes).toEqual([
			{ kind: 'changed', id: B, source: 'shifan-2010.txt', fields: ['title'] },
		]);
	});

	// Step 2: the first report's unit renamed (TOC row and subtitle).
	const unit = (s: string) => s.replaceAll('示范县农经站创建', '示范县农村经济经营管理站创建');
	const s2Text = compose(fixture.head, [
		{ row: unit(report(0).row), body: unit(report(0).body) },
		report(1),
		report(2),
		report(3),
	]);
	const s2 = ingestWith(s2Text, s1.registry);
	test('a unit change keeps the id', () => {
		expect(s2.ids).toEqual([A, B, C, D]);
		// The unit is in the subtitle, which is the report's head, not its body text.
		expect(s2.changes).toEqual([
			{ kind: 'changed', id: A, source: 'shifan-2010.txt', fields: ['unit'] },
		]);
	});

	// Step 3: the last report moved to the front.
	const s3Text = compose(fixture.head, [
		report(3),
		{ row: unit(report(0).row), body: unit(report(0).body) },
		report(1),
		report(2),
	]);
	const s3 = ingestWith(s3Text, s2.registry);
	test('a report moved to another position keeps its id, and so do the others', () => {
		expect(s3.titles[0]).toBe('以学促干 建设学习型企业');
		expect(s3.ids).toEqual([D, A, B, C]);
		expect(s3.changes.every((c) => c.kind === 'changed' && c.fields.join() === 'order')).toBe(true);
	});

	// Step 4: the body of the third report edited: one paragraph rewritten.
	const edited = report(2).body.replace(
		'社区组建了由退休教师和党员组成的志愿者队伍，开展义务辅导、邻里互助和文明劝导，居民的参与热情不断提高。',
		'社区成立志愿服务站，每月开展一次主题服务日活动，累计服务居民两千余人次。',
	);
	const s4Text = compose(fixture.head, [
		report(3),
		{ row: unit(report(0).row), body: unit(report(0).body) },
		report(1),
		{ row: report(2).row, body: edited },
	]);
	const s4 = ingestWith(s4Text, s3.registry);
	test('a body edit keeps the id', () => {
		expect(s4.ids).toEqual([D, A, B, C]);
		expect(s4.changes).toEqual([
			{ kind: 'changed', id: C, source: 'shifan-2010.txt', fields: ['text'] },
		]);
	});

	// Step 5: the second report (书香校园) removed.
	const s5Text = compose(fixture.head, [
		report(3),
		{ row: unit(report(0).row), body: unit(report(0).body) },
		{ row: report(2).row, body: edited },
	]);
	const s5 = ingestWith(s5Text, s4.registry);
	test('a removed report retires its id as removed; the others keep theirs', () => {
		expect(s5.ids).toEqual([D, A, C]);
		expect(s5.registry.retired).toEqual({
			[B]: { source: 'shifan-2010.txt', title: '书香校园 润泽心灵', movedTo: null },
		});
		// D and A stay at 0 and 1; C moves up from 3 to 2.
		expect(s5.changes).toEqual([
			{ kind: 'changed', id: C, source: 'shifan-2010.txt', fields: ['order'] },
			{ kind: 'removed', id: B, source: 'shifan-2010.txt', title: '书香校园 润泽心灵' },
		]);
	});

	// Step 6: a new report added at the end.
	const added = {
		row: '读书育人 共建学习型家庭\n\n——示范县城关镇王家创建学习型家庭自评报告……………(17)\n\n',
		body: '读书育人 共建学习型家庭\n\n——示范县城关镇王家创建学习型家庭自评报告\n\n我们家有五口人，三代同堂，全家人都喜欢读书看报。\n\n一、全家订立读书计划\n\n每天晚饭后是全家的读书时间，爷爷读报纸，父母读专业书，孩子读课外书，周末一起交流读书心得。\n\n二、以书香带动邻里\n\n我家把藏书借给邻居阅读，还组织了楼道读书会，带动周围十几户家庭参加读书活动。\n\n二〇〇九年六月一日\n',
	};
	const s6Text = compose(fixture.head, [
		report(3),
		{ row: unit(report(0).row), body: unit(report(0).body) },
		{ row: report(2).row, body: edited },
		added,
	]);
	const s6 = ingestWith(s6Text, s5.registry);
	const E = s6.ids[3]!;
	test('an added report gets a new id, never one the registry had', () => {
		expect(s6.ids.slice(0, 3)).toEqual([D, A, C]);
		expect([A, B, C, D]).not.toContain(E);
		expect(s6.changes).toEqual([
			{ kind: 'added', id: E, source: 'shifan-2010.txt', title: '读书育人 共建学习型家庭' },
		]);
		expect(s6.registry.retired[B]).toEqual({
			source: 'shifan-2010.txt',
			title: '书香校园 润泽心灵',
			movedTo: null,
		});
	});

	// Step 7: two reports edited at once: both retitled, a sentence of each changed, their places swapped.
	const a7 = {
		row: unit(report(0).row).replace('努力打造学习型农经新形象', '打造学习型农经队伍'),
		body: unit(report(0).body)
			.replace('努力打造学习型农经新形象', '打造学习型农经队伍')
			.replace('三人取得会计师资格', '五人取得会计师资格'),
	};
	const c7 = {
		row: report(2).row.replace('打造学习型社区', '建设学习型社区'),
		body: edited
			.replace('打造学习型社区', '建设学习型社区')
			.replace('居民三千二百户', '居民三千五百户'),
	};
	const s7 = ingestWith(compose(fixture.head, [report(3), c7, a7, added]), s6.registry);
	test('two reports edited at once each keep their own id (1:1)', () => {
		expect(s7.titles).toEqual([
			'以学促干 建设学习型企业',
			'共建共享 建设学习型社区',
			'强素质 促发展 打造学习型农经队伍',
			'读书育人 共建学习型家庭',
		]);
		expect(s7.ids).toEqual([D, C, A, E]);
	});

	// Step 8: a report rewritten under its old title: too little text left to be the same report.
	const d8 = {
		row: report(3).row,
		body: '以学促干 建设学习型企业\n\n——示范县电力公司创建学习型企业自评报告\n\n今年以来，公司党委围绕“争创一流供电企业”的目标，组织全体职工参加网络大学堂，开展导师带徒和技能比武。\n\n班组长轮训实现全覆盖，职工队伍的技能等级结构明显优化，高级工以上比例提高到百分之四十。\n\n二〇一〇年二月三日\n',
	};
	const s8 = ingestWith(compose(fixture.head, [d8, c7, a7, added]), s7.registry);
	const D2 = s8.ids[0]!;
	test('a rewritten report gets a new id, and its old id moves to it', () => {
		expect(D2).not.toBe(D);
		expect(s8.ids.slice(1)).toEqual([C, A, E]);
		expect(s8.registry.retired[D]).toEqual({
			source: 'shifan-2010.txt',
			title: '以学促干 建设学习型企业',
			movedTo: D2,
		});
		expect(s8.changes.find((c) => c.kind === 'moved')).toEqual({
			kind: 'moved',
			id: D,
			to: D2,
			title: '以学促干 建设学习型企业',
		});
	});

	// Step 9: the removed report put back.
	const s9 = ingestWith(compose(fixture.head, [d8, c7, a7, added, report(1)]), s8.registry);
	test('a removed report put back gets its old id again', () => {
		expect(s9.ids).toEqual([D2, C, A, E, B]);
		expect(s9.registry.retired[B]).toBeUndefined();
		expect(s9.registry.retired[D]).toEqual({
			source: 'shifan-2010.txt',
			title: '以学促干 建设学习型企业',
			movedTo: D2,
		});
	});

	// Step 10: the source file renamed: another compilation by name, so new ids; the old ones move.
	const s10 = ingestWith(
		compose(fixture.head, [d8, c7, a7, added, report(1)]),
		s9.registry,
		'shifan-huibian-2010.txt',
	);
	test('a renamed source: new ids, every old id (and the one retired before) redirects to its report', () => {
		expect(s10.ids.every((id) => id.startsWith('shifan-huibian-2010-'))).toBe(true);
		expect([D2, C, A, E, B].map((id) => s10.registry.retired[id]?.movedTo)).toEqual(s10.ids);
		// D moved to D2, which moved now: D's page points at where D2 went (never at a redirect).
		expect(s10.registry.retired[D]?.movedTo).toBe(s10.ids[0]);
	});

	test('same sources and registry give the same ids and the same registry', () => {
		const again = ingestWith(s6Text, s5.registry);
		expect(again.ids).toEqual(s6.ids);
		expect(JSON.stringify(again.registry)).toBe(JSON.stringify(s6.registry));
		const settled = ingestWith(s6Text, s6.registry);
		expect(settled.ids).toEqual(s6.ids);
		expect(settled.changes).toEqual([]);
		expect(JSON.stringify(settled.registry)).toBe(JSON.stringify(s6.registry));
	});
});

describe('matchIds', () => {
	const text = (s: string) => textSignature(s);
	const para1 =
		'学校开展教师读书工程，每位教师每学期至少精读两本教育专著，撰写读书笔记一万字以上。图书室全天开放，班级设立图书角。';
	const para2 =
		'社区与驻区单位签订共建协议，开放会议室、活动室和图书室，建成社区学校一所、市民学习点六个，形成十分钟学习圈。';
	const registry: Registry = {
		version: 1,
		reports: {
			'src-aaaa': { source: 's.txt', order: 0, title: '甲', unit: null, text: text(para1) },
			'src-bbbb': { source: 's.txt', order: 1, title: '乙', unit: null, text: text(para2) },
		},
		retired: {},
	};
	const cand = (naturalId: string, order: number, title: string, body: string): IdCandidate => ({
		naturalId,
		order,
		title,
		unit: null,
		text: text(body),
	});

	test('two reports both retitled and swapped: each id follows its text, whatever the input order', () => {
		const reports = [
			cand('src-x', 0, '乙二', `${para2}此外还有一句。`),
			cand('src-y', 1, '甲二', para1.replace('一万字', '两万字')),
		];
		expect(matchIds(registry, 's.txt', reports)).toEqual(['src-bbbb', 'src-aaaa']);
		expect(matchIds(registry, 's.txt', [...reports].reverse())).toEqual(['src-aaaa', 'src-bbbb']);
	});

	test('two copies of one text: the one in the old position keeps the id, the other is new', () => {
		expect(
			matchIds(registry, 's.txt', [cand('src-x', 0, '甲', para1), cand('src-y', 1, '甲', para1)]),
		).toEqual(['src-aaaa', 'src-y']);
	});

	test('another source’s entries are never matched, and a taken natural id gets a suffix', () => {
		expect(matchIds(registry, 'other.txt', [cand('src-aaaa', 0, '甲', para1)])).toEqual([
			'src-aaaa-2',
		]);
	});
});

describe('text signatures', () => {
	const a =
		'学校开展教师读书工程，每位教师每学期至少精读两本教育专著，撰写读书笔记一万字以上。图书室全天开放，班级设立图书角，学生人均藏书三十册。学校实行集体备课制度，每个教研组每周活动一次。';
	test('the same text with other punctuation, spaces and line breaks is the same', () => {
		expect(
			similarity(textSignature(a), textSignature(a.replaceAll('，', ',').replaceAll('。', '. \n'))),
		).toBe(1);
	});
	test('a one-character typo stays far above the threshold; an unrelated text far below', () => {
		expect(similarity(textSignature(a), textSignature(a.replace('精读', '细读')))).toBeGreaterThan(
			0.85,
		);
		const other =
			'公司把员工培训纳入绩效考核，建立员工学习档案，实行学分制管理，每人每年完成培训不少于六十学时。公司成立技术创新小组，鼓励员工提出合理化建议。';
		expect(similarity(textSignature(a), textSignature(other))).toBeLessThan(0.1);
		expect(SAME_TEXT).toBe(0.5);
	});
	test('half of the text replaced falls below the threshold', () => {
		const half =
			a.slice(0, a.length / 2) +
			'公司把员工培训纳入绩效考核，建立员工学习档案，实行学分制管理，每人每年完成培训不少于六十学时。公司成立技术创新小组。';
		expect(similarity(textSignature(a), textSignature(half))).toBeLessThan(SAME_TEXT);
	});
	test('a long text of few distinct shingles keeps all of them (学习学习, 习学习学: two hashes)', () => {
		expect(textSignature('学习'.repeat(5000))).toHaveLength(16);
		expect(similarity(textSignature('学习'.repeat(5000)), textSignature('学习'.repeat(3)))).toBe(1);
	});
	test('full-width and half-width digits and letters fold alike; an empty text matches only an empty one', () => {
		expect(textSignature('学习型组织２０１０年ＡＢ')).toBe(textSignature('学习型组织2010年ab'));
		expect(similarity(textSignature(''), textSignature(''))).toBe(1);
		expect(similarity(textSignature(''), textSignature(a))).toBe(0);
	});
});

describe('parseRegistry', () => {
	test('names the key at fault', () => {
		const bad = parseRegistry({
			version: 1,
			reports: { 'a-1': { source: 'x.txt', order: -1, title: 't', unit: null, text: 'zz' } },
			retired: { 'a-2': { source: 'x.txt', title: 't', movedTo: 'a-9' } },
		});
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(bad.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
			['reports.a-1.order', '**reports.a-1.order**: Too small: expected number to be >=0'],
			[
				'reports.a-1.text',
				'**reports.a-1.text**: Expected a text signature (hex digits, 8 per hash, as the ingest writes it)',
			],
		]);
		const dangling = parseRegistry({
			version: 1,
			reports: {},
			retired: { 'a-2': { source: 'x.txt', title: 't', movedTo: 'a-9' } },
		});
		expect(dangling.ok ? [] : dangling.problems.map((p) => p.path.join('.'))).toEqual([
			'retired.a-2.movedTo',
		]);
		expect(parseRegistry(null)).toEqual({ ok: true, registry: emptyRegistry() });
	});
});

describe('followOverrides', () => {
	const registry: Registry = {
		version: 1,
		reports: { 'new-1': { source: 's.txt', order: 0, title: '甲', unit: null, text: '' } },
		retired: {
			'old-1': { source: 's.txt', title: '甲', movedTo: 'new-1' },
			'gone-1': { source: 's.txt', title: '乙', movedTo: null },
		},
	};
	test('an override of a moved id applies to the new id (its own fields win); one of a removed id is a warning at its line', () => {
		const out = followOverrides(
			{
				'old-1': { unit: '旧单位', author: '张三' },
				'new-1': { unit: '新单位' },
				'gone-1': { unit: 'x' },
			},
			registry,
			'content/overrides.yaml',
			{ 'old-1': 2, 'new-1': 5, 'gone-1': 7 },
		);
		expect(out.overrides).toEqual({
			'new-1': { unit: '新单位', author: '张三' },
			'gone-1': { unit: 'x' },
		});
		expect(
			out.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.severity} ${i.ruleId}`),
		).toEqual([
			'content/overrides.yaml:7:1 warning override:removed-id',
			'content/overrides.yaml:2:1 warning override:id-moved',
		]);
		expect(out.issues[1]!.message).toBe(
			"Override for report id “old-1”: that report's id is now “new-1” (ids.yaml: retired, movedTo), and the override applies to it. Rename the key to new-1.",
		);
	});
});
