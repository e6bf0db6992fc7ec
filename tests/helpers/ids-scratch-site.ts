/**
 * A scratch site for the stable-id and reprint tests (issue 18): the hand-written compilations of
 * tests/fixtures/stable-ids (as shifan.txt) and tests/fixtures/reprints, ingested once to make
 * their registry (`ids.yaml`), then edited (以学促干 rewritten under its title: its id moves;
 * 书香校园 removed) and built with the real `scripts/build.ts --site https://huibian.test`.
 *
 * Doesn't check anything: tests assert on the result. The caller removes `tmp`.
 */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runIngest } from '../../scripts/lib/run-ingest.ts';
import { root, runBuild, type BuildRun } from '../fixtures/robust-site/run-build.ts';

export interface IdsScratchSite {
	tmp: string;
	dist: string;
	run: BuildRun;
	/** The catalog of the first ingest (before the edits). */
	before: { reports: Array<{ id: string; title: string; source: string }> };
}

/** The site the scratch build is given (`--site`), so canonical links and the sitemap are written. */
export const SITE = 'https://huibian.test';

/** The rewritten 以学促干 report: too little of its old text left to keep its id. */
export const REWRITTEN =
	'以学促干 建设学习型企业\n\n——示范县电力公司创建学习型企业自评报告\n\n今年以来，公司党委围绕“争创一流供电企业”的目标，组织全体职工参加网络大学堂，开展导师带徒和技能比武。\n\n班组长轮训实现全覆盖，职工队伍的技能等级结构明显优化，高级工以上比例提高到百分之四十。\n\n二〇一〇年二月三日\n';

export async function buildIdsScratchSite(): Promise<IdsScratchSite> {
	delete process.env.BASE_URL;
	const tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-ids-build-'));
	const sources = path.join(tmp, 'sources');
	await mkdir(sources);
	const shifan = await readFile(
		path.join(root, 'tests/fixtures/stable-ids/compilation.txt'),
		'utf8',
	);
	await writeFile(path.join(sources, 'shifan.txt'), shifan);
	for (const f of ['county-2009.txt', 'county-2009.yaml', 'city-2010.txt', 'city-2010.yaml'])
		await copyFile(path.join(root, 'tests/fixtures/reprints/sources', f), path.join(sources, f));
	// 1. the first ingest writes ids.yaml
	const first = await runIngest({
		sources,
		out: path.join(tmp, 'first'),
		cache: false,
		overrides: path.join(tmp, 'none.yaml'),
	});
	if (!first.ok) throw new Error(`first ingest failed:\n${first.report.join('\n')}`);
	const before = JSON.parse(
		await readFile(path.join(tmp, 'first/catalog.json'), 'utf8'),
	) as IdsScratchSite['before'];
	// 2. edits: 以学促干 rewritten under its title; 书香校园 removed (body, then TOC row)
	let edited = shifan.slice(0, shifan.lastIndexOf('以学促干 建设学习型企业')) + REWRITTEN;
	const bBody = edited.indexOf('书香校园 润泽心灵', edited.indexOf('(13)'));
	edited = edited.slice(0, bBody) + edited.slice(edited.indexOf('共建共享 打造学习型社区', bBody));
	const bRow = edited.indexOf('书香校园 润泽心灵');
	edited = edited.slice(0, bRow) + edited.slice(edited.indexOf('共建共享', bRow));
	await writeFile(path.join(sources, 'shifan.txt'), edited);
	// 3. the build
	const dist = path.join(tmp, 'dist');
	const run = await runBuild({
		sources,
		out: dist,
		reportsDir: path.join(tmp, 'reports'),
		cache: path.join(tmp, 'astro-cache'),
		extra: ['--site', SITE],
	});
	return { tmp, dist, run, before };
}
