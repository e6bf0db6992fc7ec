/**
 * The words of the search index, range after range, for the index writer: patched from the last
 * build's (`search-postings-cache.ts`, `src/lib/search/patch-postings.ts`) when every page has the
 * number and URL it had and at most one page in `PATCH_SHARE` changed its text, else built from
 * every page on worker threads (`search-ranges.ts`). Either way, this build's words are kept for
 * the next one. The words are the same either way: the ranges only bound the memory, the index
 * writer's chunks don't depend on them.
 */
import path from 'node:path';
import { indexWords, type CharRange, type RecordChars } from '../../src/lib/search/index-words.ts';
import { pagesWords, patchRange } from '../../src/lib/search/patch-postings.ts';
import { rangeWords } from '../../src/lib/search/pagefind-writer.ts';
import type { DrainedWords } from '../../src/lib/search/postings.ts';
import { buildRanges } from './search-ranges.ts';
import {
	charsDigest,
	PostingsCache,
	postingsKey,
	PostingsWriter,
} from './search-postings-cache.ts';

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

/** Each range's words in the last build, patched for the changed pages (a range the cache lacks is built). */
async function* patchedRanges(
	cache: PostingsCache,
	chars: readonly RecordChars[],
	oldChars: readonly RecordChars[],
	changed: readonly number[],
	options: IndexWordsOptions,
): AsyncGenerator<DrainedWords> {
	const { gram, rangeChars } = options;
	const changedSet = new Set(changed);
	const few = Number.MAX_SAFE_INTEGER;
	const gone = indexWords(
		changed.map((p) => oldChars[p]!),
		gram,
		few,
	);
	const added = indexWords(
		changed.map((p) => chars[p]!),
		gram,
		few,
	);
	let all: ReturnType<typeof indexWords> | null = null;
	for (const [i, range] of cache.state.ranges.entries()) {
		const old = await cache.range(i);
		if (!old) {
			all ??= indexWords(chars, gram, rangeChars);
			yield rangeWords(all, range, chars.length);
			continue;
		}
		yield patchRange(
			old,
			changedSet,
			pagesWords(gone, range, changed),
			pagesWords(added, range, changed),
		);
	}
}

/** `drained`, each range also handed to `writer`, and the state committed after the last. */
async function* saved(
	drained: AsyncGenerator<DrainedWords>,
	writer: PostingsWriter | null,
	commit: () => Promise<void>,
): AsyncGenerator<DrainedWords> {
	let i = 0;
	for await (const range of drained) {
		writer?.range(i++, range);
		yield range;
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
	const patching = cache && changed && oldChars?.length === urls.length ? changed : null;
	let ranges: CharRange[];
	let drained: AsyncGenerator<DrainedWords>;
	if (cache && oldChars && patching) {
		ranges = cache.state.ranges;
		drained = patchedRanges(cache, chars, oldChars, patching, options);
	} else {
		const source = indexWords(chars, gram, options.rangeChars);
		ranges = source.ranges() as CharRange[];
		drained = buildRanges(source, chars, options);
	}
	const writer = cacheDir ? new PostingsWriter(path.resolve(cacheDir)) : null;
	const commit = async () =>
		writer?.commit({ key, ranges, urls: [...urls], digests }, chars) ?? undefined;
	return {
		count: ranges.length,
		patchedPages: patching ? patching.length : null,
		drained: saved(drained, writer, commit),
	};
}
