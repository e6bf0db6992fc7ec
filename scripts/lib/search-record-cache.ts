/**
 * The search stage's records of report pages, cached from one build to the next by the SHA-256
 * of each page's HTML: a page Astro did not render again has the same bytes, so its record (what
 * the index writer takes: fragment, attributes, folded characters) is read from the cache instead
 * of parsing its HTML and folding its text again. Only changed pages are parsed.
 *
 * One file (`v8.serialize`) holds the records of the pages of the last build, under a digest of
 * the code that makes records (`src/lib/search/`, `src/lib/text/`, the OpenCC dictionaries):
 * other code, another version of the file, or a file that does not decode is an empty cache,
 * never an error. Saving keeps only the records this build used, and replaces the file atomically.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RecordChars } from '../../src/lib/search/index-words.ts';
import type { IndexPage } from '../../src/lib/search/pagefind-writer.ts';

/** Bump when what a cached record holds changes. */
const CACHE_VERSION = 1;

/** A page's record without its date rank (`sort`), and the characters of its text before folding. */
export interface CachedRecord {
	/** Null: the page has no text (no record). */
	record: { page: Omit<IndexPage, 'sort'>; chars: RecordChars } | null;
	/** Every distinct character of its blocks, unfolded (for the browser's fold table). */
	raw: string;
}

interface CacheFile {
	version: number;
	code: string;
	entries: Map<string, CachedRecord>;
}

/** SHA-256 of the code that makes records: every file under the folders, and the files. */
export async function recordCodeDigest(root: string): Promise<string> {
	const hash = createHash('sha256').update(String(CACHE_VERSION));
	const files: string[] = [];
	for (const dir of ['src/lib/search', 'src/lib/text']) {
		const names = await readdir(path.join(root, dir), { recursive: true });
		for (const name of names) if (name.endsWith('.ts')) files.push(path.join(dir, name));
	}
	// The reader of rendered pages lives with the knowledge code (its cache digests that folder).
	files.push('src/lib/knowledge/rendered-blocks.ts');
	files.push('node_modules/opencc-js/package.json', 'node_modules/parse5/package.json');
	for (const file of files.sort())
		hash.update(`\0${file}\0`).update(await readFile(path.join(root, file)));
	return hash.digest('hex');
}

/** SHA-256 of a page's URL and HTML: its key in the cache. */
export const pageKey = (url: string, html: Uint8Array): string =>
	createHash('sha256').update(`${url}\0`).update(html).digest('hex');

export class SearchRecordCache {
	readonly #file: string | null;
	readonly #code: string;
	readonly #old: Map<string, CachedRecord>;
	readonly #used = new Map<string, CachedRecord>();
	hits = 0;
	misses = 0;

	private constructor(file: string | null, code: string, old: Map<string, CachedRecord>) {
		this.#file = file;
		this.#code = code;
		this.#old = old;
	}

	/** The cache in `file` (null: no cache, every page is parsed) for records made by `code`. */
	static async open(file: string | null, code: string): Promise<SearchRecordCache> {
		let old = new Map<string, CachedRecord>();
		if (file) {
			try {
				const data = deserialize(await readFile(file)) as Partial<CacheFile>;
				if (data.version === CACHE_VERSION && data.code === code && data.entries instanceof Map)
					old = data.entries;
			} catch {
				// missing or unreadable: an empty cache
			}
		}
		return new SearchRecordCache(file, code, old);
	}

	/** The record of a page by its key, made by `make` when the cache has none. */
	async get(key: string, make: () => CachedRecord | Promise<CachedRecord>): Promise<CachedRecord> {
		let entry = this.#used.get(key) ?? this.#old.get(key);
		if (entry) this.hits++;
		else {
			entry = await make();
			this.misses++;
		}
		this.#used.set(key, entry);
		return entry;
	}

	/** Write the records used by this build (only when some were made or some are no longer used). */
	async save(): Promise<void> {
		if (!this.#file) return;
		if (this.misses === 0 && this.#used.size === this.#old.size) return;
		const data: CacheFile = { version: CACHE_VERSION, code: this.#code, entries: this.#used };
		await mkdir(path.dirname(this.#file), { recursive: true });
		await writeFile(`${this.#file}.tmp`, serialize(data));
		await rename(`${this.#file}.tmp`, this.#file);
	}
}
