/**
 * A per-source cache of ingest outputs on disk, so that an unchanged source is not re-ingested.
 *
 * The key of a source is a SHA-256 of everything its output depends on: its file name and
 * bytes, its `<source>.yaml` metadata, the vocabulary and overrides files, `INGEST_CACHE_VERSION`
 * and the text of the ingest code itself (every file under src/lib/ingest and src/lib/mdx, and
 * src/lib/frontmatter.ts), so editing any of them invalidates the entries it affects. Entries are
 * `<dir>/<key>.json` (one `SourceOutput`); entries not used by a run are deleted after it.
 *
 * An entry's report ids are the registry's of the run that made it: the caller checks them
 * against the registry it has now (`run-ingest.ts`). Doesn’t ingest anything; a corrupt or unreadable entry (or one holding a report that fails
 * `catalogReportSchema`) is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogReportSchema } from '../../src/lib/frontmatter.ts';
import type { SourceOutput } from '../../src/lib/ingest/index.ts';
import type { SourceInput } from '../../src/lib/ingest/types.ts';
import type { Registry } from '../../src/lib/knowledge/id-registry.ts';
import { pidAlive } from './write-output.ts';

/** Bump to drop every cached entry (e.g. after a change in how entries are stored). */
const INGEST_CACHE_VERSION = '1';

const CODE_DIRS = ['src/lib/ingest', 'src/lib/mdx'];
// The id matcher runs inside the per-source ingest (`buildSourceOutput`): its files are ingest code too.
const CODE_FILES = [
	'src/lib/frontmatter.ts',
	'src/lib/knowledge/assign-ids.ts',
	'src/lib/knowledge/match-ids.ts',
	'src/lib/knowledge/text-signature.ts',
	'src/lib/knowledge/id-registry.ts',
];

async function codeFiles(root: string, dir: string): Promise<string[]> {
	const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
	const nested = await Promise.all(
		entries.map((e) =>
			e.isDirectory()
				? codeFiles(root, path.join(dir, e.name))
				: Promise.resolve(e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []),
		),
	);
	return nested.flat().sort();
}

/** A hash of the ingest code (the files listed above, by path and content). */
export async function codeHash(root: string): Promise<string> {
	const hash = createHash('sha256').update(INGEST_CACHE_VERSION);
	const files = [
		...(await Promise.all(CODE_DIRS.map((d) => codeFiles(root, d)))).flat(),
		...CODE_FILES,
	];
	for (const file of files)
		hash
			.update(`\0${file}\0`)
			.update(await readFile(path.join(root, file)).catch(() => Buffer.alloc(0)));
	return hash.digest('hex');
}

export interface IngestCache {
	dir: string;
	/** The cached output of a source, or null. */
	get(input: SourceInput): Promise<SourceOutput | null>;
	set(input: SourceInput, output: SourceOutput): Promise<void>;
	/** Delete the entries this run did not use. */
	prune(): Promise<void>;
}

/**
 * @param dir Cache folder (created on first write).
 * @param salt What every source's output depends on: code hash, vocabulary and overrides texts.
 */
export function openIngestCache(dir: string, salt: string): IngestCache {
	const used = new Set<string>();
	const keyOf = (input: SourceInput) =>
		createHash('sha256')
			.update(salt)
			.update(`\0${input.file}\0${JSON.stringify(input.meta ?? null)}\0`)
			.update(input.bytes)
			.digest('hex');
	return {
		dir,
		async get(input) {
			const key = keyOf(input);
			used.add(`${key}.json`);
			try {
				const output = JSON.parse(
					await readFile(path.join(dir, `${key}.json`), 'utf8'),
				) as SourceOutput;
				// The catalog check trusts that its reports passed `reportSchema` when they were made
				// (src/lib/ingest/output/check-catalog.ts): an entry read back from disk is checked again.
				const valid =
					output.file === input.file &&
					Array.isArray(output.pages) &&
					Array.isArray(output.reports) &&
					Array.isArray(output.idEntries);
				return valid && output.reports.every((r) => catalogReportSchema.safeParse(r).success)
					? output
					: null;
			} catch {
				return null;
			}
		},
		async set(input, output) {
			const name = `${keyOf(input)}.json`;
			used.add(name);
			await mkdir(dir, { recursive: true });
			const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
			await writeFile(temp, JSON.stringify(output));
			await rename(temp, path.join(dir, name));
		},
		async prune() {
			// Only entries of this cache (`<sha-256>.json`) and temp files of dead processes: the
			// default folder `<parent of out>/.cache/ingest` may hold files that aren't ours.
			const names = await readdir(dir).catch(() => [] as string[]);
			const stale = (n: string) =>
				(/^[0-9a-f]{64}\.json$/.test(n) && !used.has(n)) ||
				(/^\.[0-9a-f]{64}\.json\.(\d+)\.tmp$/.test(n) &&
					!pidAlive(Number(/\.(\d+)\.tmp$/.exec(n)![1])));
			await Promise.all(names.filter(stale).map((n) => rm(path.join(dir, n), { force: true })));
		},
	};
}

/**
 * The cached outputs whose report ids were checked against the registry (`sameIds` in
 * `run-ingest.ts`: a large part of an ingest that reuses every source, docs/scale/rebuild-s7.md).
 * A check is remembered by a key over everything the id matcher reads (`match-ids.ts` in
 * `src/lib/knowledge/`): the ingest code (the salt), the source's entries of the
 * registry (live and retired), every id of the registry, and the output's id entries. If the
 * matcher ever reads more of the registry, `registrySlices` must cover it.
 *
 * Stored as `<dir>/ids-checked.json` (not an entry: `prune` leaves it); a missing or corrupt file
 * is an empty memo. Only the keys checked or used by a run are written back.
 */
export interface IdsMemo {
	has(key: string): boolean;
	add(key: string): void;
	save(): Promise<void>;
}

const MEMO_FILE = 'ids-checked.json';

export async function openIdsMemo(dir: string): Promise<IdsMemo> {
	let known = new Set<string>();
	try {
		const list = JSON.parse(await readFile(path.join(dir, MEMO_FILE), 'utf8')) as unknown;
		if (Array.isArray(list)) known = new Set(list.filter((k) => typeof k === 'string'));
	} catch {
		// none yet, or unreadable: every output is checked
	}
	const used = new Set<string>();
	return {
		has: (key) => {
			const hit = known.has(key);
			if (hit) used.add(key);
			return hit;
		},
		add: (key) => void used.add(key),
		async save() {
			await mkdir(dir, { recursive: true });
			const temp = path.join(dir, `.${MEMO_FILE}.${process.pid}.tmp`);
			await writeFile(temp, JSON.stringify([...used].sort()));
			await rename(temp, path.join(dir, MEMO_FILE));
		},
	};
}

/**
 * Per source file, a digest of what the id matcher reads of the registry for that source: its
 * live and retired entries, and every id of the registry (which a new report's id must avoid).
 */
export function registrySlices(registry: Registry): (source: string) => string {
	const ids = createHash('sha256')
		.update(
			JSON.stringify([Object.keys(registry.reports).sort(), Object.keys(registry.retired).sort()]),
		)
		.digest('hex');
	const bySource = new Map<string, { live: unknown[]; retired: unknown[] }>();
	const slot = (source: string) => {
		let s = bySource.get(source);
		if (!s) bySource.set(source, (s = { live: [], retired: [] }));
		return s;
	};
	for (const id of Object.keys(registry.reports).sort())
		slot(registry.reports[id]!.source).live.push([id, registry.reports[id]]);
	for (const id of Object.keys(registry.retired).sort())
		slot(registry.retired[id]!.source).retired.push([id, registry.retired[id]]);
	const digests = new Map<string, string>();
	return (source) => {
		let d = digests.get(source);
		if (d === undefined) {
			d = createHash('sha256')
				.update(`${ids}\0${source}\0${JSON.stringify(bySource.get(source) ?? null)}`)
				.digest('hex');
			digests.set(source, d);
		}
		return d;
	};
}

/** The memo key of a cached output's id check (see `IdsMemo`). */
export function idsCheckKey(salt: string, slice: string, output: SourceOutput): string {
	return createHash('sha256')
		.update(`${salt}\0${slice}\0${output.file}\0${JSON.stringify(output.idEntries)}`)
		.digest('hex');
}
