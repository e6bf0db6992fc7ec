/**
 * The search index's words of the last build, kept for the next one: when every page has the
 * number it had and only a few pages' text changed, each range's words are the last build's,
 * patched for those pages (`src/lib/search/patch-postings.ts`), instead of being built again from
 * every page, which is most of the search stage's time.
 *
 * A folder in the cache, every file `v8.serialize`d:
 * - `state.bin`: version, key (code and n-gram length), the ranges, every page's URL and the
 *   SHA-256 of its characters, and the CRC-32 and length of every other file;
 * - `chars.bin`: every page's characters (the old words of a changed page come from them);
 * - `range-<i>.bin`: range i's words.
 *
 * A new folder is written beside the old one and swapped in at the end. Another version or key,
 * a file missing or not matching its CRC-32: that part is no cache (a range is built from every
 * page), never an error, and the index is the same.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { CharRange, RecordChars } from '../../src/lib/search/index-words.ts';
import type { DrainedWords } from '../../src/lib/search/postings.ts';

/** Bump when what a file holds changes. */
const CACHE_VERSION = 1;

export interface PostingsState {
	version: number;
	key: string;
	ranges: CharRange[];
	/** URL and SHA-256 of the characters of page i. */
	urls: string[];
	digests: string[];
	/** CRC-32 and length of `chars.bin` and of each `range-<i>.bin`. */
	files: Record<string, string>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A file's check: CRC-32 and length (damage, not tampering: the cache is the build's own). */
const check = (bytes: Uint8Array) => `${crc32(bytes).toString(16)}:${bytes.length}`;

/** SHA-256 of a record's characters: what its words are made of. */
export function charsDigest(record: RecordChars): string {
	const hash = createHash('sha256');
	const part = (a: ArrayBufferView) => {
		hash.update(String(a.byteLength)).update('\0');
		hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
	};
	part(record.chars);
	part(record.blockStarts);
	part(record.blockWeights);
	hash.update(String(record.heads.length));
	for (const head of record.heads) part(head);
	return hash.digest('hex');
}

/** The key of postings made by this code (its digest) with this n-gram length. */
export const postingsKey = (codeDigest: string, gram: number): string =>
	sha256(new TextEncoder().encode(`${CACHE_VERSION}\0${codeDigest}\0${gram}`));

/** A file of the folder, checked against its digest in the state; null when missing or not matching. */
async function readChecked<T>(dir: string, name: string, state: PostingsState): Promise<T | null> {
	try {
		const bytes = await readFile(path.join(dir, name));
		if (check(bytes) !== state.files[name]) return null;
		return deserialize(bytes) as T;
	} catch {
		return null;
	}
}

/** The name of range i's file. */
export const rangeFile = (i: number): string => `range-${i}.bin`;

/** A file of a cache folder read where no promise is awaited (a worker thread), checked against `expected`; null when missing or not matching. */
export function readCheckedSync<T>(
	dir: string,
	name: string,
	expected: string | undefined,
): T | null {
	try {
		const bytes = readFileSync(path.join(dir, name));
		return check(bytes) === expected ? (deserialize(bytes) as T) : null;
	} catch {
		return null;
	}
}

/** Writes a value into a cache folder (a worker thread); returns its check, for `PostingsWriter.record`. */
export function writeCheckedSync(dir: string, name: string, value: unknown): string {
	const bytes = serialize(value);
	writeFileSync(path.join(dir, name), bytes);
	return check(bytes);
}

export class PostingsCache {
	readonly #dir: string;
	readonly state: PostingsState;

	private constructor(dir: string, state: PostingsState) {
		this.#dir = dir;
		this.state = state;
	}

	/** The last build's postings in `dir` under `key`, or null (none, another key, unreadable). */
	static async open(dir: string | null, key: string): Promise<PostingsCache | null> {
		if (!dir) return null;
		try {
			const state = deserialize(await readFile(path.join(dir, 'state.bin'))) as PostingsState;
			if (state.version !== CACHE_VERSION || state.key !== key) return null;
			return new PostingsCache(dir, state);
		} catch {
			return null;
		}
	}

	/** Every page's characters in the last build, or null. */
	chars(): Promise<RecordChars[] | null> {
		return readChecked(this.#dir, 'chars.bin', this.state);
	}

	/** The folder. */
	get dir(): string {
		return this.#dir;
	}
}

/** Writes the postings of this build into a new folder beside `dir`, swapped in by `commit`. */
export class PostingsWriter {
	readonly #dir: string;
	readonly #next: string;
	readonly #files: Record<string, string> = {};
	readonly #writing: Array<Promise<void>> = [];
	#ready: Promise<unknown> | null = null;

	constructor(dir: string) {
		this.#dir = dir;
		this.#next = `${dir}.next-${process.pid}`;
	}

	/** The new folder, made empty: worker threads may write their ranges there (`record` them). */
	async open(): Promise<string> {
		await (this.#ready ??= rm(this.#next, { recursive: true, force: true }).then(() =>
			mkdir(this.#next, { recursive: true }),
		));
		return this.#next;
	}

	#write(name: string, value: unknown): void {
		const bytes = serialize(value);
		this.#files[name] = check(bytes);
		this.#writing.push(this.open().then((next) => writeFile(path.join(next, name), bytes)));
	}

	/** Range i's words (written in the background until `commit`). */
	range(i: number, drained: DrainedWords): void {
		this.#write(rangeFile(i), drained);
	}

	/** A file a worker thread wrote into the new folder (`writeCheckedSync`), with its check. */
	record(name: string, written: string): void {
		this.#files[name] = written;
	}

	/** Writes every page's characters and the state, then puts the new folder in place of the old. */
	async commit(
		state: Omit<PostingsState, 'version' | 'files'>,
		chars: readonly RecordChars[],
	): Promise<void> {
		this.#write('chars.bin', chars);
		await Promise.all(this.#writing);
		const full: PostingsState = { version: CACHE_VERSION, ...state, files: this.#files };
		await writeFile(path.join(this.#next, 'state.bin'), serialize(full));
		const old = `${this.#dir}.old-${process.pid}`;
		await rm(old, { recursive: true, force: true });
		await rename(this.#dir, old).catch(() => {});
		await rename(this.#next, this.#dir);
		// this one's old folder, and what killed runs left beside it
		const base = path.basename(this.#dir);
		const left = (await readdir(path.dirname(this.#dir))).filter(
			(name) => name.startsWith(`${base}.next-`) || name.startsWith(`${base}.old-`),
		);
		for (const name of [path.basename(old), ...left])
			await rm(path.join(path.dirname(this.#dir), name), { recursive: true, force: true });
	}
}
