/**
 * The naive pipeline of issue "Scale", as the benchmark's baseline: a minimal Astro project
 * whose content collection is the generated `.mdx` files behind a `glob()` loader rendered by
 * `@astrojs/mdx` (one JavaScript module per page), one trivial page per report with
 * `<html lang="zh-CN">` and `data-pagefind-body`, then `pagefind --site dist`.
 * The project is generated into `dir`, with `node_modules` a symlink to this repo's.
 * Doesn’t share any cache with the real build (its caches live inside `dir`).
 */
import { copyFile, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runMeasured, type Measured } from './run-measured.ts';

export interface BaselineResult {
	wallS: number;
	peakRssMiB: number;
	astro: Measured;
	pagefind: Measured;
}

const files: Record<string, string> = {
	'package.json': '{ "name": "huibian-bench-baseline", "private": true, "type": "module" }\n',
	'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({
	integrations: [mdx()],
	build: { format: 'directory' },
	cacheDir: './.cache/astro',
	vite: { cacheDir: './.cache/vite' },
});
`,
	'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
const reports = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './src/content/reports' }) });
export const collections = { reports };
`,
	'src/pages/reports/[id].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
	const reports = await getCollection('reports');
	return reports.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN">
	<head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
	<body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body>
</html>
`,
};

/**
 * Generate the baseline project in `dir` (which must not exist yet or be empty) from the MDX
 * files of `reportsDir`, build it, index it, and measure both steps.
 * @param root This repository (for `node_modules`).
 */
export async function runBaseline(
	root: string,
	reportsDir: string,
	dir: string,
	echo = false,
	echoLines?: RegExp,
): Promise<BaselineResult> {
	// 1. project files and the same MDX pages the real build rendered
	for (const [name, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
		await writeFile(path.join(dir, name), text);
	}
	await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	const content = path.join(dir, 'src/content/reports');
	await mkdir(content, { recursive: true });
	for (const name of await readdir(reportsDir)) {
		if (name.endsWith('.mdx'))
			await copyFile(path.join(reportsDir, name), path.join(content, name));
	}
	// 2. astro build, then pagefind --site dist (the npm package's CLI and its binary)
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
	const astro = await runMeasured(
		process.execPath,
		[path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
		{ cwd: dir, env, echo, echoLines },
	);
	if (astro.code !== 0)
		throw new Error(
			`baseline astro build failed (exit ${astro.code}):\n${astro.stderr.slice(-2000)}`,
		);
	const pagefind = await runMeasured(
		process.execPath,
		[path.join(root, 'node_modules/.bin/pagefind'), '--site', 'dist'],
		{ cwd: dir, env, echo, echoLines },
	);
	if (pagefind.code !== 0)
		throw new Error(
			`baseline pagefind failed (exit ${pagefind.code}):\n${pagefind.stderr.slice(-2000)}`,
		);
	return {
		wallS: Math.round((astro.wallS + pagefind.wallS) * 100) / 100,
		peakRssMiB: Math.max(astro.peakRssMiB, pagefind.peakRssMiB),
		astro,
		pagefind,
	};
}
