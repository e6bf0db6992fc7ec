/**
 * An Astro integration that writes the astro stage's result (`stage-result.ts`) when the build
 * ends: how many files the routes wrote, how many of them were rendered and how many the
 * incremental build reused from its previous build, and the number of HTML pages.
 *
 * Reused is observed, not predicted: Astro (7.3, `core/build/incremental.js`) keeps a copy of
 * every keyed output under `<cacheDir>/dist/` and lists them in
 * `<cacheDir>/incremental-build.json`; a rendered output's copy is written again during this
 * build, a reused one's is not. So a listed output whose copy is older than this build's start
 * was reused. (The build test of incremental builds counts both, so a change of that layout in
 * a later Astro fails there, not silently.)
 *
 * Doesn’t change the build: it only reads Astro's cache folder after the build is done.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeStageResult } from './stage-result.ts';

/** The astro stage's result, as `scripts/build.ts` reads it. */
export interface AstroStageResult {
	stage: 'astro';
	/** HTML pages (`pages` of `astro:build:done`). */
	pages: number;
	/** Every file the routes wrote: pages and endpoints (`.json`, `.txt`, `.csv` …). */
	files: number;
	/** Of `files`, those copied from the previous build instead of rendered. */
	reused: number;
	/** Whether `experimental.incrementalBuild` was on. */
	incremental: boolean;
}

interface Manifest {
	routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

/** Outputs listed in the manifest whose cached copy predates `since` (ms since the epoch). */
async function countReused(cacheDir: URL, since: number): Promise<number> {
	const text = await readFile(new URL('incremental-build.json', cacheDir), 'utf8').catch(
		() => null,
	);
	if (text === null) return 0;
	const manifest = JSON.parse(text) as Manifest;
	const copies = new URL('dist/', cacheDir);
	const outputs = Object.values(manifest.routes ?? {}).flatMap((r) =>
		Object.values(r.paths ?? {}).map((p) => p.outputFile ?? ''),
	);
	const times = await Promise.all(
		outputs.filter(Boolean).map((file) =>
			stat(fileURLToPath(new URL(file, copies))).then(
				(s) => s.mtimeMs,
				() => Infinity,
			),
		),
	);
	return times.filter((t) => t < since).length;
}

export function astroStageResult(): AstroIntegration {
	let cacheDir: URL;
	let incremental = false;
	let since = 0;
	return {
		name: 'huibian-stage-result',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = config.cacheDir;
				incremental = config.experimental.incrementalBuild === true;
			},
			'astro:build:start': () => {
				since = Date.now();
			},
			'astro:build:done': async ({ pages, assets }) => {
				const files = new Set([...assets.values()].flat().map((u) => u.href)).size;
				const reused = incremental ? await countReused(cacheDir, since) : 0;
				const result: AstroStageResult = {
					stage: 'astro',
					pages: pages.length,
					files,
					reused,
					incremental,
				};
				await writeStageResult({ ...result });
			},
		},
	};
}
