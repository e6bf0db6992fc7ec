/**
 * The offline edition of a built site: `outDir` gets every file of `siteDir`, rewritten to work
 * when opened from the file system (`file://`, no server):
 *
 * 1. pages → relative URLs, module script tags → classic ones, the runtime first
 *    (src/lib/offline/), through a syntax tree (rehype) and its serializer;
 * 2. module scripts → classic scripts (classic-scripts.ts), in place;
 * 3. the files pages fetch (Pagefind's data, what a script names) → packaged scripts under
 *    `_offline/files/` (src/lib/offline/packaged-files.ts), instead of the files themselves;
 *    stylesheets → relative URLs;
 * 4. the runtime itself → `_offline/runtime.js`;
 * 5. every other file as it is, except files that only `data-offline="omit"` elements link to.
 *
 * Doesn’t change `siteDir`. Returns the links whose target is missing (pages print them).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { rewriteCssUrls } from '../../../src/lib/offline/css-urls.ts';
import {
	isPackaged,
	OFFLINE_DIR,
	packagedFileScript,
	packagedScriptPath,
	RUNTIME_PATH,
} from '../../../src/lib/offline/packaged-files.ts';
import { rehypeOfflinePage } from '../../../src/lib/offline/rehype-offline-page.ts';
import { MARKER } from '../output-guard.ts';
import { classicScript } from './classic-scripts.ts';

export interface OfflineEdition {
	/** Files written. */
	files: number;
	/** Module scripts rewritten as classic scripts. */
	scripts: number;
	/** Files packaged for the runtime's fetch. */
	packaged: number;
	/** `page → url` of every link or asset whose target is not in the site. */
	missing: string[];
}

const root = path.resolve(import.meta.dirname, '../../..');

async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
		.sort();
}

async function write(outDir: string, sitePath: string, data: string | Uint8Array): Promise<void> {
	const file = path.join(outDir, sitePath);
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, data);
}

export async function buildOfflineEdition(
	siteDir: string,
	outDir: string,
	options: { base: string },
): Promise<OfflineEdition> {
	const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
	if (path.resolve(siteDir) === path.resolve(outDir))
		throw new Error(`offline: expected an output folder other than the site (${siteDir})`);
	await rm(outDir, { recursive: true, force: true });
	// The build's output marker belongs to the folder, not the site: the edition gets its own.
	const files = (await listFiles(siteDir)).filter((f) => f !== MARKER);
	const present = new Set(files);
	const folders = new Set(
		files.flatMap((f) =>
			f
				.split('/')
				.slice(0, -1)
				.map((_, i, parts) => parts.slice(0, i + 1).join('/')),
		),
	);
	const done = new Set<string>();
	const result: OfflineEdition = { files: 0, scripts: 0, packaged: 0, missing: [] };

	// 1. pages → relative URLs, classic script tags, the runtime first (and which scripts are modules)
	const isFolder = (p: string) => folders.has(p);
	const exists = (p: string) =>
		p === '' || p.endsWith('/')
			? present.has(`${p}index.html`)
			: present.has(p) || present.has(`${p}/index.html`);
	const modules = new Set<string>();
	const inline = new Map<string, { code: string; page: string }>();
	const omitted = new Set<string>();
	const linked = new Set<string>();
	for (const page of files.filter((f) => f.endsWith('.html'))) {
		const processor = unified()
			.use(rehypeParse)
			.use(rehypeOfflinePage, {
				page,
				base,
				runtime: RUNTIME_PATH,
				isFolder,
				inlineModule: (code: string) => {
					const sitePath = `${OFFLINE_DIR}/inline/${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
					if (!inline.has(sitePath)) inline.set(sitePath, { code, page });
					return sitePath;
				},
				onModuleScript: (sitePath: string) => modules.add(sitePath),
				onOmittedTarget: (target: string) => omitted.add(target),
				onTarget: (target: string, url: string) => {
					linked.add(target);
					if (!exists(target)) result.missing.push(`${page} → ${url}`);
				},
			})
			.use(rehypeStringify);
		await write(
			outDir,
			page,
			String(await processor.process(await readFile(path.join(siteDir, page), 'utf8'))),
		);
		done.add(page);
	}

	// 2. module scripts → classic scripts; collect the paths their text names
	const named = new Set<string>();
	const scripts: Array<{ sitePath: string; inline?: { code: string; page: string } }> = [
		...files.filter((f) => /\.m?js$/.test(f)).map((sitePath) => ({ sitePath })),
		...[...inline].map(([sitePath, i]) => ({ sitePath, inline: i })),
	];
	for (const { sitePath, inline: code } of scripts) {
		const { code: classic } = await classicScript({
			siteDir,
			base,
			sitePath,
			inline: code,
			module: modules.has(sitePath),
		});
		if (classic === undefined) continue;
		const source = code?.code ?? (await readFile(path.join(siteDir, sitePath), 'utf8'));
		for (const token of source.match(/[\w.~%@+-]+(?:\/[\w.~%@+-]+)+|[\w~%@+-]+\.[a-z]\w*/gi) ?? [])
			named.add(token);
		await write(outDir, sitePath, classic);
		done.add(sitePath);
		result.scripts++;
	}

	// 3. fetched files → packaged scripts; stylesheets → relative URLs
	const mentioned = (p: string) => named.has(p) || named.has(base.slice(1) + p);
	for (const sitePath of files) {
		if (done.has(sitePath) || !isPackaged(sitePath, mentioned)) continue;
		await write(
			outDir,
			packagedScriptPath(sitePath),
			packagedFileScript(sitePath, await readFile(path.join(siteDir, sitePath))),
		);
		done.add(sitePath);
		result.packaged++;
	}
	for (const sitePath of files.filter((f) => f.endsWith('.css') && !done.has(f))) {
		await write(
			outDir,
			sitePath,
			rewriteCssUrls(await readFile(path.join(siteDir, sitePath), 'utf8'), {
				from: sitePath,
				base,
				isFolder,
			}),
		);
		done.add(sitePath);
	}

	// 4. the runtime
	const runtime = await build({
		entryPoints: [path.join(root, 'src/lib/offline/browser/runtime.ts')],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		minify: true,
		charset: 'utf8',
		define: { __HUIBIAN_BASE__: JSON.stringify(base) },
		logLevel: 'silent',
	});
	await write(outDir, RUNTIME_PATH, runtime.outputFiles[0]?.text ?? '');

	// 5. everything else, unchanged, but files only online-only elements link (the zip of this edition)
	for (const sitePath of files.filter((f) => !done.has(f) && !(omitted.has(f) && !linked.has(f)))) {
		await mkdir(path.dirname(path.join(outDir, sitePath)), { recursive: true });
		await copyFile(path.join(siteDir, sitePath), path.join(outDir, sitePath));
	}
	result.files = (await listFiles(outDir)).length;
	return result;
}
