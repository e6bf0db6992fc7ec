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
import { bodiesDir, bodyFile, makeBodiesDir, pruneBodies, type BodyRef } from './report-bodies.ts';
import { createRenderPool, type RenderPool } from './render-pool.ts';
import type { RenderedFile, RenderJob } from './render-report-file.ts';
import { readConfig } from '../lib/config.ts';

/** Fewer files than this render in the loader's own thread (the measured break-even, docs/scale/README.md). */
const MIN_FILES_FOR_WORKERS = 1000;

/** Folder of the generated MDX and catalog.json. */
function reportsDir(): string {
	return path.resolve(readConfig(process.env).reportsDir);
}

/** Files read and rendered per batch: bounds the MDX text held at once. */
const BATCH = 512;

type Job = RenderJob & { id: string; digest: string };

/**
 * The generated output is missing: say where it was looked for and how to make it. A wrong
 * `HUIBIAN_REPORTS_DIR` or a plain `astro build` before any ingest must not build an empty site.
 */
function missingOutput(what: string, where: string, error: unknown): Error {
	const code = (error as NodeJS.ErrnoException).code ?? String(error);
	return new Error(
		`Expected ${what} at ${where}, found none (${code}). Run \`npm run build\` (or \`npm run ingest\`) first, or set HUIBIAN_REPORTS_DIR to the folder the ingest wrote.`,
	);
}

/** Puts rendered reports in the store: frontmatter checked by the schema, headings, the body's file. */
async function storeRendered(
	ctx: LoaderContext,
	dir: string,
	jobs: readonly Job[],
	rendered: readonly RenderedFile[],
): Promise<void> {
	for (const [i, job] of jobs.entries()) {
		const { data, headings } = rendered[i]!;
		const parsed = await ctx.parseData({ id: job.id, data, filePath: path.join(dir, job.name) });
		const ref: BodyRef = { bodyFile: job.bodyFile, headings };
		ctx.store.set({
			id: job.id,
			data: parsed,
			digest: job.digest,
			rendered: { html: '', metadata: { ...ref } },
		});
	}
}

async function syncReports(ctx: LoaderContext, dir: string): Promise<void> {
	const all = await readdir(dir).catch((error: unknown) => {
		throw missingOutput('the generated report pages (a folder of <id>.mdx)', dir, error);
	});
	const names = all.filter((n) => n.endsWith('.mdx')).sort();
	const bodies = bodiesDir(ctx.config.cacheDir);
	const keep = new Set<string>();
	const keepFiles = new Set<string>();
	await makeBodiesDir(bodies);
	const onDisk = new Set(await readdir(bodies));
	/** Read one batch of files; returns the ones to render (new or changed, or body missing). */
	const readBatch = async (start: number): Promise<Job[]> => {
		const jobs: Job[] = [];
		for (const name of names.slice(start, start + BATCH)) {
			const id = name.slice(0, -'.mdx'.length);
			keep.add(id);
			const text = await readFile(path.join(dir, name), 'utf8');
			const digest = ctx.generateDigest(text);
			const file = bodyFile(bodies, id, digest);
			keepFiles.add(file);
			const stored = ctx.store.get(id);
			if (
				stored?.digest === digest &&
				stored.rendered?.metadata?.bodyFile === file &&
				onDisk.has(path.basename(file))
			)
				continue;
			jobs.push({ name, text, bodyFile: file, id, digest });
		}
		return jobs;
	};
	// Workers only for a full build of a large corpus (the first batch all new): each worker
	// warms up its own parser, which costs more than a few hundred renders (docs/scale/README.md).
	let pool: RenderPool | undefined;
	try {
		let jobs = await readBatch(0);
		for (let start = 0; start < names.length; start += BATCH) {
			if (jobs.length > 0)
				pool ??= createRenderPool(
					names.length >= MIN_FILES_FOR_WORKERS && jobs.length === BATCH ? undefined : 1,
				);
			// The next batch is read while this one renders.
			const [rendered, nextJobs] = await Promise.all([
				jobs.length > 0 && pool ? pool.render(jobs) : Promise.resolve([]),
				start + BATCH < names.length ? readBatch(start + BATCH) : Promise.resolve([]),
			]);
			await storeRendered(ctx, dir, jobs, rendered);
			jobs = nextJobs;
		}
	} finally {
		await pool?.close();
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
 * Loader of one array of `catalog.json` (`sources`, `tocOnly` or `retired`), keyed by `slug`/`id`.
 * @param key Which array to load (a missing array is empty).
 */
export function catalogLoader(key: 'sources' | 'tocOnly' | 'retired'): Loader {
	const sync = async (ctx: LoaderContext, file: string) => {
		const text = await readFile(file, 'utf8').catch((error: unknown) => {
			throw missingOutput('the ingest catalog', file, error);
		});
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
