/**
 * The words of the search index, range after range, for the index writer: patched from the last
 * build's (`search-postings-cache.ts`, `src/lib/search/patch-postings.ts`) when every page has the
 * number and URL it had and at most one page in `PATCH_SHARE` changed its text, else built from
 * every page; either way on worker threads (`search-ranges.ts`), each of which also writes its
 * ranges into the new cache folder, so this build's words are kept for the next one. The words
 * are the same either way: the ranges only bound the memory, the index writer's chunks don't
 * depend on them.
 */
import path from 'node:path';
import {
	indexWords,
	planRanges,
	type CharRange,
	type RecordChars,
} from '../../src/lib/search/index-words.ts';
import { rangeWords } from '../../src/lib/search/pagefind-writer.ts';
import type { DrainedWords } from '../../src/lib/search/postings.ts';
import {
	charsDigest,
	PostingsCache,
	postingsKey,
	PostingsWriter,
	rangeFile,
} from './search-postings-cache.ts';
import type { RangeResult, RangeTask } from './search-range-task.ts';
import { makeRanges } from './search-ranges.ts';

/** Patch only when at most one page in 8 changed: beyond, patching saves little. */
const PATCH_SHARE = 8;

export interface IndexWordsOptions {
	gram: number;
	rangeChars: number;
	threads: number;
	/** The folder of the last build's words (none: no cache, every range is built). */
	cacheDir: string | null;
	/** Digest of the code that makes words (`recordCodeDigest`). */
	codeDigest: string;
}

export interface IndexRangeWords {
	/** Ranges of words, in order. */
	count: number;
	/** Pages whose words were patched into the last build's (null: every range built from every page). */
	patchedPages: number | null;
	/** Each range's words, in order; the last one saves this build's words for the next. */
	drained: AsyncGenerator<DrainedWords>;
}

/** The changed pages (numbers), when the last build had every page at the same number. */
function changedPages(
	cache: PostingsCache,
	urls: readonly string[],
	digests: readonly string[],
): number[] | null {
	const last = cache.state;
	if (last.urls.length !== urls.length || last.urls.some((url, i) => url !== urls[i])) return null;
	return digests.flatMap((digest, i) => (digest === last.digests[i] ? [] : [i]));
}

/** The task that makes the ranges' words: patch the last build's, or build from every page. */
function rangeTask(
	chars: readonly RecordChars[],
	last: { cache: PostingsCache; oldChars: readonly RecordChars[]; changed: number[] } | null,
	options: IndexWordsOptions,
	saveDir: string | null,
): { task: RangeTask; ranges: CharRange[] } {
	const { gram, rangeChars } = options;
	if (!last) {
		const ranges = planRanges(chars, rangeChars);
		return { task: { kind: 'build', chars, rangeChars, gram, saveDir }, ranges };
	}
	const { cache, oldChars, changed } = last;
	const ranges = cache.state.ranges;
	const task: RangeTask = {
		kind: 'patch',
		cacheDir: cache.dir,
		files: cache.state.files,
		ranges,
		changed,
		oldChars: changed.map((p) => oldChars[p]!),
		newChars: changed.map((p) => chars[p]!),
		gram,
		saveDir,
	};
	return { task, ranges };
}

/** Each range's words in order, a range the cache lacked built here; this build's words kept for the next. */
async function* rangesInOrder(
	made: AsyncGenerator<RangeResult>,
	chars: readonly RecordChars[],
	ranges: readonly CharRange[],
	options: IndexWordsOptions,
	writer: PostingsWriter | null,
	commit: () => Promise<void>,
): AsyncGenerator<DrainedWords> {
	let all: ReturnType<typeof indexWords> | null = null;
	let i = 0;
	for await (const result of made) {
		let drained = result.drained;
		if (!drained) {
			all ??= indexWords(chars, options.gram, options.rangeChars);
			drained = rangeWords(all, ranges[i], chars.length);
		}
		if (result.saved) writer?.record(rangeFile(i), result.saved);
		else writer?.range(i, drained);
		i++;
		yield drained;
	}
	await commit();
}

/**
 * @param urls Page i's URL.
 * @param chars Page i's characters.
 */
export async function indexRangeWords(
	urls: readonly string[],
	chars: readonly RecordChars[],
	options: IndexWordsOptions,
): Promise<IndexRangeWords> {
	const { cacheDir, gram } = options;
	const key = postingsKey(options.codeDigest, gram);
	const digests = cacheDir ? chars.map(charsDigest) : [];
	const cache = await PostingsCache.open(cacheDir, key);
	const changed = cache && changedPages(cache, urls, digests);
	const oldChars =
		changed && changed.length * PATCH_SHARE <= urls.length ? await cache.chars() : null;
	const last =
		cache && changed && oldChars?.length === urls.length ? { cache, oldChars, changed } : null;
	const writer = cacheDir ? new PostingsWriter(path.resolve(cacheDir)) : null;
	const saveDir = writer ? await writer.open() : null;
	const { task, ranges } = rangeTask(chars, last, options, saveDir);
	const made = makeRanges(task, ranges.length, options);
	const commit = async () =>
		writer?.commit({ key, ranges, urls: [...urls], digests }, chars) ?? undefined;
	return {
		count: ranges.length,
		patchedPages: last ? last.changed.length : null,
		drained: rangesInOrder(made, chars, ranges, options, writer, commit),
	};
}
