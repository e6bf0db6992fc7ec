/**
 * The search stage's gzipped index files, cached from one build to the next by the SHA-256 of
 * their bytes before gzip: a fragment, chunk, filter or meta file whose bytes are the same as in
 * the last build is not gzipped again (gzip is most of the stage's writing time), its gzipped
 * bytes come from the cache. Only new content is compressed.
 *
 * One file holds the gzipped bytes of the files of the last build: a 4-byte big-endian length,
 * a JSON header (version, zlib version, every entry's key, length and the SHA-256 of its gzipped
 * bytes), then the entries' bytes one after the other. Another version, another zlib (whose
 * output could differ from a fresh gzip), or a file that does not parse is an empty cache, never
 * an error; an entry is used only when its gzipped bytes have the digest written beside them (a
 * damaged entry is gzipped again), so the output is the same with any cache or none. Saving keeps
 * only the entries this build used, and replaces the file atomically.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/** Bump when what an entry holds (or the gzip options) changes. */
const CACHE_VERSION = 1;

interface Header {
	version: number;
	zlib: string;
	entries: Array<[key: string, length: number, zipped: string]>;
}

/** Gzipped bytes and their SHA-256 hex (checked when read back). */
interface Entry {
	bytes: Uint8Array;
	digest: string;
}

/** SHA-256 hex of bytes: an entry's key. */
export const gzipKey = (bytes: Uint8Array): string =>
	createHash('sha256').update(bytes).digest('hex');

export class SearchGzipCache {
	readonly #file: string | null;
	readonly #old: Map<string, Entry>;
	readonly #used = new Map<string, Entry>();
	hits = 0;
	misses = 0;

	private constructor(file: string | null, old: Map<string, Entry>) {
		this.#file = file;
		this.#old = old;
	}

	/** The cache in `file` (null: no cache, every file is gzipped). */
	static async open(file: string | null): Promise<SearchGzipCache> {
		const old = new Map<string, Entry>();
		if (file) {
			try {
				const data = await readFile(file);
				const headerLength = data.readUInt32BE(0);
				const header = JSON.parse(
					data.subarray(4, 4 + headerLength).toString('utf8'),
				) as Partial<Header>;
				if (
					header.version === CACHE_VERSION &&
					header.zlib === process.versions.zlib &&
					Array.isArray(header.entries)
				) {
					let at = 4 + headerLength;
					for (const [key, length, zipped] of header.entries) {
						if (typeof key !== 'string' || !Number.isInteger(length) || at + length > data.length)
							break;
						const bytes = data.subarray(at, at + length);
						// a damaged entry is none
						if (gzipKey(bytes) === zipped) old.set(key, { bytes, digest: zipped });
						at += length;
					}
				}
			} catch {
				// missing or unreadable: an empty cache
				old.clear();
			}
		}
		return new SearchGzipCache(file, old);
	}

	/**
	 * `bytes` gzipped: the cached entry of its key, else gzipped now.
	 * @param key `gzipKey(bytes)` (the caller may have it already).
	 */
	async gzip(bytes: Uint8Array, key = gzipKey(bytes)): Promise<Uint8Array> {
		const cached = this.#used.get(key) ?? this.#old.get(key);
		if (cached) {
			this.hits++;
			this.#used.set(key, cached);
			return cached.bytes;
		}
		const zipped = await gzip(bytes);
		this.misses++;
		this.#used.set(key, { bytes: zipped, digest: gzipKey(zipped) });
		return zipped;
	}

	/** Write the entries used by this build (only when some were made or some are no longer used). */
	async save(): Promise<void> {
		if (!this.#file) return;
		if (this.misses === 0 && this.#used.size === this.#old.size) return;
		const header: Header = {
			version: CACHE_VERSION,
			zlib: process.versions.zlib,
			entries: [...this.#used].map(([key, e]) => [key, e.bytes.length, e.digest]),
		};
		const json = Buffer.from(JSON.stringify(header), 'utf8');
		const length = Buffer.alloc(4);
		length.writeUInt32BE(json.length);
		await mkdir(path.dirname(this.#file), { recursive: true });
		await writeFile(`${this.#file}.tmp`, [
			length,
			json,
			...[...this.#used.values()].map((e) => e.bytes),
		]);
		await rename(`${this.#file}.tmp`, this.#file);
	}
}
