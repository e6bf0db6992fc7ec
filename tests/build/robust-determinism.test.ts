/**
 * Determinism (issue 6): two builds of the same sources give byte-identical `dist/` (every file
 * hashed; a failure lists the files that differ). Checked on the hostile robust-site sources in
 * every encoding (second build in another folder, with Astro's cache warm) and on the samples
 * (against the shared test build: another folder, another cold cache).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { makeRobustSources } from '../fixtures/robust-site/make-sources.ts';
import { hashTree, root, runBuild, treeDiff } from '../fixtures/robust-site/run-build.ts';

let tmp: string;
beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-determinism-'));
});
afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

const samples = path.join(root, 'content/sources');

async function buildInto(name: string, sources: string, cache: string): Promise<string> {
	const out = path.join(tmp, name, 'dist');
	const reportsDir = path.join(tmp, name, 'reports');
	// The samples' registry is committed: building them must not rewrite it (build-site.ts).
	const extra = sources === samples ? ['--frozen-ids'] : [];
	const run = await runBuild({ sources, out, reportsDir, cache, extra });
	expect(run.code, run.output).toBe(0);
	return out;
}

describe('two builds of the same sources are byte-identical', () => {
	test('the hostile sources in every encoding (cold cache, then warm)', async () => {
		const sources = path.join(tmp, 'robust-sources');
		await makeRobustSources(sources, { big: false });
		const cache = path.join(tmp, 'robust-cache');
		const a = await buildInto('robust-a', sources, cache);
		const b = await buildInto('robust-b', sources, cache);
		const [ha, hb] = [await hashTree(a), await hashTree(b)];
		expect(ha.size).toBeGreaterThan(20);
		expect(treeDiff(ha, hb)).toEqual([]);
		expect(
			treeDiff(
				await hashTree(path.join(tmp, 'robust-a/reports')),
				await hashTree(path.join(tmp, 'robust-b/reports')),
			),
		).toEqual([]);
	}, 180_000);

	test('the sample compilations, against the shared test build', async () => {
		// An existing site given by HUIBIAN_TEST_SITE may come from other sources: build twice then.
		const shared = process.env.HUIBIAN_TEST_SITE
			? await buildInto('samples-a', samples, path.join(tmp, 'samples-a-cache'))
			: inject('siteDir');
		const mine = await buildInto('samples-b', samples, path.join(tmp, 'samples-b-cache'));
		const [ha, hb] = [await hashTree(shared), await hashTree(mine)];
		expect(ha.size).toBeGreaterThan(50);
		expect(treeDiff(ha, hb)).toEqual([]);
	}, 180_000);
});
