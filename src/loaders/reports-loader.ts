/**
 * Content loaders for the generated ingest output (`content/reports/` by default, or
 * `HUIBIAN_REPORTS_DIR`): one entry per `<id>.mdx`, rendered with huibian's own unified
 * renderer (`renderMdx`), and the compilations / TOC-only entries of `catalog.json`.
 *
 * Rendering here instead of bundling one JavaScript module per .mdx file keeps `astro build`
 * linear and cheap at thousands of reports (see issue "Scale"), and the parser that reads the
 * MDX is the one the escaping tests check. Entries whose file digest is unchanged (and whose
 * rendered body is still on disk) are skipped.
 *
 * The store keeps a report's frontmatter and headings, NOT its HTML: the body goes to a file of
 * its own (`report-bodies.ts`, which says why), read by the page when it renders.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { load as parseYaml } from 'js-yaml';
import { renderMdx } from '../lib/mdx/render-mdx.ts';
import { bodiesDir, bodyFile, makeBodiesDir, pruneBodies, writeBody, type BodyRef } from './report-bodies.ts';

/** Folder of the generated MDX and catalog.json. */
export function reportsDir(): string {
	return path.resolve(process.env.HUIBIAN_REPORTS_DIR ?? 'content/reports');
}

function splitFrontmatter(file: string, text: string): { data: Record<string, unknown>; body: string } {
	const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
	if (!match) throw new Error(`${file}:1:1: Expected YAML frontmatter between --- lines`);
	const data = parseYaml(match[1] ?? '');
	if (typeof data !== 'object' || data === null) throw new Error(`${file}:2:1: Frontmatter is not a mapping`);
	// A copy, not the parsed values themselves: js-yaml's strings are slices of `text`, and V8 keeps
	// a sliced string's whole parent alive, so the store (which lives through the build) would pin
	// every report's full MDX file (42 MiB of a 200 MiB heap at 5,000 reports, heap snapshot).
	return { data: structuredClone(data) as Record<string, unknown>, body: text.slice(match[0].length) };
}

async function syncReports(ctx: LoaderContext, dir: string): Promise<void> {
	const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.mdx')).sort();
	const bodies = bodiesDir(ctx.config.cacheDir);
	const keep = new Set<string>();
	const keepFiles = new Set<string>();
	await makeBodiesDir(bodies);
	const onDisk = new Set(await readdir(bodies));
	for (const name of names) {
		const id = name.slice(0, -'.mdx'.length);
		keep.add(id);
		const text = await readFile(path.join(dir, name), 'utf8');
		const digest = ctx.generateDigest(text);
		const file = bodyFile(bodies, id, digest);
		keepFiles.add(file);
		const stored = ctx.store.get(id);
		if (stored?.digest === digest && stored.rendered?.metadata?.bodyFile === file && onDisk.has(path.basename(file))) continue;
		const { data, body } = splitFrontmatter(name, text);
		const parsed = await ctx.parseData({ id, data, filePath: path.join(dir, name) });
		const { html, headings } = renderMdx(body);
		await writeBody(file, html);
		// Copied for the same reason as the frontmatter: a heading's text is a slice of the MDX text.
		const ref: BodyRef = structuredClone({ bodyFile: file, headings });
		ctx.store.set({ id, data: parsed, digest, rendered: { html: '', metadata: { ...ref } } });
	}
	for (const id of ctx.store.keys()) if (!keep.has(id)) ctx.store.delete(id);
	await pruneBodies(bodies, keepFiles);
}

/** Loader of report pages: `content/reports/*.mdx`. */
export function reportsLoader(): Loader {
	return {
		name: 'huibian-reports',
		load: async (ctx) => {
			const dir = reportsDir();
			await syncReports(ctx, dir);
			ctx.watcher?.add(dir);
			ctx.watcher?.on('all', (_event, file) => {
				if (file.startsWith(dir) && file.endsWith('.mdx')) void syncReports(ctx, dir);
			});
		},
	};
}

/**
 * Loader of one array of `catalog.json` (`sources` or `tocOnly`), keyed by `slug`/`id`.
 * @param key Which array to load.
 */
export function catalogLoader(key: 'sources' | 'tocOnly'): Loader {
	const sync = async (ctx: LoaderContext, file: string) => {
		const text = await readFile(file, 'utf8').catch(() => '{}');
		const catalog = JSON.parse(text) as Record<string, unknown>;
		const items = (catalog[key] ?? []) as Array<Record<string, unknown>>;
		ctx.store.clear();
		for (const item of items) {
			const id = String(key === 'sources' ? item.slug : item.id);
			const data = await ctx.parseData({ id, data: item });
			ctx.store.set({ id, data, digest: ctx.generateDigest(item) });
		}
	};
	return {
		name: `huibian-catalog-${key}`,
		load: async (ctx) => {
			const file = path.join(reportsDir(), 'catalog.json');
			await sync(ctx, file);
			ctx.watcher?.add(file);
			ctx.watcher?.on('all', (_event, changed) => {
				if (changed === file) void sync(ctx, file);
			});
		},
	};
}
