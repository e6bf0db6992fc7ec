/**
 * The offline edition of a built site: `outDir` gets every file of `siteDir`, rewritten to work
 * when opened from the file system (`file://`, no server):
 *
 * 1. pages → relative URLs, module script tags → classic ones, the runtime first
 *    (rewrite-pages.ts, src/lib/offline/), through a syntax tree (rehype) and its serializer;
 * 2. module scripts → classic scripts (classic-scripts.ts), in place;
 * 3. the files pages fetch (Pagefind's data, what a script names) → packaged scripts under
 *    `_offline/files/` (src/lib/offline/packaged-files.ts), instead of the files themselves;
 *    stylesheets → relative URLs;
 * 4. the runtime itself → `_offline/runtime.js`;
 * 5. every other file as it is, except files that only `data-offline="omit"` elements link to.
 *
 * Doesn’t change `siteDir`. Returns the links whose target is missing (pages print them).
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { rewriteCssUrls } from '../../../src/lib/offline/css-urls.ts';
import {
	isPackaged,
	packagedFileScript,
	packagedScriptPath,
	RUNTIME_PATH,
} from '../../../src/lib/offline/packaged-files.ts';
import { MARKER } from '../output-guard.ts';
import { classicScript } from './classic-scripts.ts';
import { listFiles, write, type EditionDirs } from './edition-files.ts';
import { rewritePages, siteShape, type InlineModule, type PageLinks } from './rewrite-pages.ts';

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

/** What looks like a file or a path in a script's text (a file it may fetch). */
const PATH_TOKEN = /[\w.~%@+-]+(?:\/[\w.~%@+-]+)+|[\w~%@+-]+\.[a-z]\w*/gi;

/**
 * Step 2: module scripts (files and the pages' inline ones) → classic scripts. Returns the site
 * paths written and every path their text names.
 */
async function rewriteModuleScripts(
	dirs: EditionDirs,
	files: string[],
	links: PageLinks,
): Promise<{ written: string[]; named: Set<string> }> {
	const written: string[] = [];
	const named = new Set<string>();
	const scripts: Array<{ sitePath: string; inline?: InlineModule }> = [
		...files.filter((f) => /\.m?js$/.test(f)).map((sitePath) => ({ sitePath })),
		...[...links.inline].map(([sitePath, i]) => ({ sitePath, inline: i })),
	];
	for (const { sitePath, inline } of scripts) {
		const { code: classic } = await classicScript({
			siteDir: dirs.siteDir,
			base: dirs.base,
			sitePath,
			inline,
			module: links.modules.has(sitePath),
		});
		if (classic === undefined) continue;
		const source = inline?.code ?? (await readFile(path.join(dirs.siteDir, sitePath), 'utf8'));
		for (const token of source.match(PATH_TOKEN) ?? []) named.add(token);
		await write(dirs.outDir, sitePath, classic);
		written.push(sitePath);
	}
	return { written, named };
}

/**
 * Step 3a: the files the scripts fetch (Pagefind's data, a path their text `named`) → packaged
 * scripts. `files` are those not written yet; returns the ones packaged.
 */
async function packageFetchedFiles(
	dirs: EditionDirs,
	files: string[],
	named: Set<string>,
): Promise<string[]> {
	const mentioned = (p: string) => named.has(p) || named.has(dirs.base.slice(1) + p);
	const packaged: string[] = [];
	for (const sitePath of files) {
		if (!isPackaged(sitePath, mentioned)) continue;
		const data = await readFile(path.join(dirs.siteDir, sitePath));
		await write(dirs.outDir, packagedScriptPath(sitePath), packagedFileScript(sitePath, data));
		packaged.push(sitePath);
	}
	return packaged;
}

/** Step 3b: each stylesheet in `files` → the same with URLs relative to it. */
async function rewriteStylesheets(
	dirs: EditionDirs,
	files: string[],
	isFolder: (sitePath: string) => boolean,
): Promise<void> {
	for (const sitePath of files) {
		const css = await readFile(path.join(dirs.siteDir, sitePath), 'utf8');
		const options = { from: sitePath, base: dirs.base, isFolder };
		await write(dirs.outDir, sitePath, rewriteCssUrls(css, options));
	}
}

const root = path.resolve(import.meta.dirname, '../../..');

/** Step 4: the offline runtime (src/lib/offline/browser/), bundled into one classic script. */
async function bundleRuntime(base: string): Promise<string> {
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
	return runtime.outputFiles[0]?.text ?? '';
}

/** Step 5: `files` copied as they are. */
async function copyUnchanged(dirs: EditionDirs, files: string[]): Promise<void> {
	for (const sitePath of files) {
		await mkdir(path.dirname(path.join(dirs.outDir, sitePath)), { recursive: true });
		await copyFile(path.join(dirs.siteDir, sitePath), path.join(dirs.outDir, sitePath));
	}
}

/** The offline edition of `siteDir` in `outDir` (replaced), for a site served under `base`. */
export async function buildOfflineEdition(
	siteDir: string,
	outDir: string,
	options: { base: string },
): Promise<OfflineEdition> {
	const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
	if (path.resolve(siteDir) === path.resolve(outDir))
		throw new Error(`offline: expected an output folder other than the site (${siteDir})`);
	await rm(outDir, { recursive: true, force: true });
	const dirs: EditionDirs = { siteDir, outDir, base };
	// The build's output marker belongs to the folder, not the site: the edition gets its own.
	const files = (await listFiles(siteDir)).filter((f) => f !== MARKER);
	const site = siteShape(files);
	const done = new Set<string>();
	const notDone = (f: string) => !done.has(f);

	const pages = files.filter((f) => f.endsWith('.html'));
	const links = await rewritePages(dirs, pages, site);
	for (const page of pages) done.add(page);
	const scripts = await rewriteModuleScripts(dirs, files, links);
	for (const sitePath of scripts.written) done.add(sitePath);
	const packaged = await packageFetchedFiles(dirs, files.filter(notDone), scripts.named);
	for (const sitePath of packaged) done.add(sitePath);
	const stylesheets = files.filter((f) => f.endsWith('.css') && notDone(f));
	await rewriteStylesheets(dirs, stylesheets, site.isFolder);
	for (const sitePath of stylesheets) done.add(sitePath);
	await write(outDir, RUNTIME_PATH, await bundleRuntime(base));
	// Files only online-only elements link are left out (the zip of this edition).
	const onlyOmitted = (f: string) => links.omitted.has(f) && !links.linked.has(f);
	await copyUnchanged(
		dirs,
		files.filter((f) => notDone(f) && !onlyOmitted(f)),
	);
	return {
		files: (await listFiles(outDir)).length,
		scripts: scripts.written.length,
		packaged: packaged.length,
		missing: links.missing,
	};
}
