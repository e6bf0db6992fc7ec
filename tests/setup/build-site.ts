/**
 * Vitest global setup shared by the `build` and `browser` projects: builds the real site ONCE
 * per test run (full `scripts/build.ts` pipeline on content/sources) into `.tmp/test-site/`.
 *
 * With `--frozen-ids`: the samples' committed id registry (`content/sources/ids.yaml`) must be
 * the one their text gives. A sample edited without its registry fails the build, naming the
 * change, and nothing is written into `content/sources/` (the tree stays as checked out; the
 * fix is `npm run ingest` and committing ids.yaml). `tests/build/test-site-tree.test.ts` checks
 * that the sources folder is byte for byte what it was before the build.
 *
 * Both projects call this setup in the same process; the promise on `globalThis` makes the
 * second call reuse the first build. Set HUIBIAN_TEST_SITE=<dist dir> to test an existing build.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { treeDigest, type TreeDigest } from '../helpers/tree-digest.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const testSiteRoot = path.join(root, '.tmp/test-site');
/** The samples the test site is built from. */
export const sampleSources = path.join(root, 'content/sources');

declare global {
	var __huibianSiteBuild: Promise<string> | undefined;
	var __huibianSourcesBefore: TreeDigest | undefined;
}

function build(): Promise<string> {
	const dist = path.join(testSiteRoot, 'dist');
	return (async () => {
		await rm(testSiteRoot, { recursive: true, force: true });
		await mkdir(testSiteRoot, { recursive: true });
		const args = [
			path.join(root, 'scripts/build.ts'),
			'--sources',
			sampleSources,
			'--out',
			dist,
			'--reports-dir',
			path.join(testSiteRoot, 'reports'),
			'--frozen-ids',
		];
		const env = { ...process.env, HUIBIAN_CACHE: path.join(testSiteRoot, 'astro-cache') };
		const output = await new Promise<string>((resolve, reject) => {
			const child = spawn(process.execPath, args, {
				cwd: root,
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let text = '';
			child.stdout.on('data', (c: Buffer) => (text += c.toString()));
			child.stderr.on('data', (c: Buffer) => (text += c.toString()));
			child.on('error', reject);
			child.on('close', (code) =>
				code === 0
					? resolve(text)
					: reject(new Error(`site build failed (exit ${code}):\n${text}`)),
			);
		});
		process.stdout.write(`[test-site] built into ${path.relative(root, dist)}\n${output}`);
		return dist;
	})();
}

export default async function setup(project: TestProject) {
	const existing = process.env.HUIBIAN_TEST_SITE;
	globalThis.__huibianSourcesBefore ??= treeDigest(sampleSources);
	globalThis.__huibianSiteBuild ??= existing ? Promise.resolve(path.resolve(existing)) : build();
	const dist = await globalThis.__huibianSiteBuild;
	project.provide('siteDir', dist);
	project.provide('sourcesBefore', globalThis.__huibianSourcesBefore);
	project.provide(
		'reportsDir',
		existing ? path.resolve(existing, '../reports') : path.join(testSiteRoot, 'reports'),
	);
}

declare module 'vitest' {
	export interface ProvidedContext {
		siteDir: string;
		reportsDir: string;
		/** `content/sources` as it was before the test site was built (`treeDigest`). */
		sourcesBefore: TreeDigest;
	}
}
