/**
 * The knowledge index's cache between builds, in Astro's cache folder beside the rendered bodies
 * (`<cacheDir>/huibian-knowledge/`): what each report's body gives (`ReportKnowledge`, keyed by
 * `reportKey`: a SHA-256 of the code, the title, the named practices and the body HTML), and
 * the whole result of the last build (keyed by `corpusDigest` of every report's key, in order).
 * `src/content.ts` (`getKnowledge`) decides what to reuse; this module only names, hashes,
 * reads and writes.
 *
 * A cache file is `SHA-256(payload) ‖ payload`, the payload a `node:v8` serialisation. A file
 * that is missing, truncated, altered or not readable as a value reads as `undefined`, and the
 * caller then computes: a cache can make a build faster, never different. Files are written
 * to a temporary name and renamed, so a build killed mid-write leaves the old file or none.
 *
 * The code version is the digest of the source of every module the cached values are computed
 * by (`knowledge-code.ts`; `tests/unit/knowledge-cache.test.ts` checks that it covers their
 * imports), so changing that code invalidates the cache without anyone bumping a number.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ReportKnowledgeInput } from '../lib/knowledge/report-knowledge.ts';
import { KNOWLEDGE_CODE } from './knowledge-code.ts';

const sha256 = () => createHash('sha256');

/** The source files whose text makes up the code version (paths relative to `src/loaders/`). */
export const KNOWLEDGE_CODE_FILES = Object.keys(KNOWLEDGE_CODE).sort();

/** Digest of the source of `KNOWLEDGE_CODE_FILES` and of the Node version (the v8 format). */
const KNOWLEDGE_CODE_VERSION = (() => {
	const hash = sha256().update(`huibian-knowledge\0${process.versions.v8}`);
	for (const file of KNOWLEDGE_CODE_FILES) hash.update(`\0${file}\0${KNOWLEDGE_CODE[file]}`);
	return hash.digest('hex');
})();

/** The cache folder, from a body file the reports loader wrote (`<cacheDir>/huibian-bodies/…`). */
export function knowledgeCacheDir(bodyFile: string): string {
	return path.join(path.dirname(path.dirname(bodyFile)), 'huibian-knowledge');
}

/** File of the per-report values and of the last whole result, in `knowledgeCacheDir`. */
export const REPORTS_FILE = 'reports.v8';
export const RESULT_FILE = 'result.v8';

/** Key of one report's `ReportKnowledge`: everything it is computed from, and the code. */
export function reportKey(html: string, data: ReportKnowledgeInput): string {
	return sha256()
		.update(`${KNOWLEDGE_CODE_VERSION}\0${JSON.stringify([data.title, data.namedPractices])}\0`)
		.update(html)
		.digest('hex');
}

/** Digest of the whole input: every report's id, whether it is a reprint, and its key, in order. */
export function corpusDigest(
	reports: ReadonlyArray<{ id: string; reprint: boolean; key: string }>,
): string {
	const hash = sha256().update(KNOWLEDGE_CODE_VERSION);
	for (const r of reports) hash.update(`\0${JSON.stringify([r.id, r.reprint, r.key])}`);
	return hash.digest('hex');
}

const CHECKSUM_BYTES = 32;

/** Bytes of a cache file holding `value`. */
export function encodeCacheFile(value: unknown): Buffer {
	const payload = serialize(value);
	return Buffer.concat([sha256().update(payload).digest(), payload]);
}

/** The value of a cache file's bytes, `undefined` when they aren't a whole, intact cache file. */
export function decodeCacheFile(bytes: Buffer): unknown {
	if (bytes.length <= CHECKSUM_BYTES) return undefined;
	const payload = bytes.subarray(CHECKSUM_BYTES);
	if (!sha256().update(payload).digest().equals(bytes.subarray(0, CHECKSUM_BYTES)))
		return undefined;
	try {
		return deserialize(payload) as unknown;
	} catch {
		return undefined;
	}
}

/** Read a cache file: its value, or `undefined` when it is missing or not intact. */
export async function readCacheFile(file: string): Promise<unknown> {
	const bytes = await readFile(file).catch(() => undefined);
	return bytes && decodeCacheFile(bytes);
}

/**
 * Write a cache file (its folder made if needed). A failure is reported on stderr and
 * otherwise ignored: the build's output doesn't depend on the cache.
 */
export async function writeCacheFile(file: string, value: unknown): Promise<void> {
	const temp = `${file}.${process.pid}.tmp`;
	try {
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(temp, encodeCacheFile(value));
		await rename(temp, file);
	} catch (error) {
		await rm(temp, { force: true });
		console.warn(`huibian: could not write the knowledge cache ${file}: ${String(error)}`);
	}
}
