/**
 * What makes the words of one range of the search index, in a worker thread
 * (`search-range-worker.ts`) or in this one: build them from every page's characters, or patch
 * the last build's for the changed pages (`src/lib/search/patch-postings.ts`), reading the range
 * from the cache folder; then, when asked, write them into the new cache folder. Plain data in,
 * plain data out, so that a task can be a worker's `workerData`.
 */
import { indexWords, type CharRange, type RecordChars } from '../../src/lib/search/index-words.ts';
import { pagesWords, patchRange } from '../../src/lib/search/patch-postings.ts';
import { rangeWords } from '../../src/lib/search/pagefind-writer.ts';
import type { DrainedWords } from '../../src/lib/search/postings.ts';
import { rangeFile, readCheckedSync, writeCheckedSync } from './search-postings-cache.ts';

export type RangeTask = (
	| {
			kind: 'build';
			/** Every page's characters. */
			chars: readonly RecordChars[];
			rangeChars: number;
	  }
	| {
			kind: 'patch';
			/** The last build's cache folder, its files' checks and its ranges. */
			cacheDir: string;
			files: Readonly<Record<string, string>>;
			ranges: readonly CharRange[];
			/** The changed pages (ascending) and their characters then and now. */
			changed: readonly number[];
			oldChars: readonly RecordChars[];
			newChars: readonly RecordChars[];
	  }
) & {
	gram: number;
	/** The new cache folder to write each range into (`PostingsWriter.open`); null: none. */
	saveDir: string | null;
};

export interface RangeResult {
	/** The range's words; null: the cache had no readable copy of the range to patch. */
	drained: DrainedWords | null;
	/** Its file's check when written into `saveDir`. */
	saved: string | null;
}

/** A function from a range's number to its words, for one task (prepared once). */
export function rangeTaskRunner(task: RangeTask): (index: number) => RangeResult {
	const finish = (index: number, drained: DrainedWords | null): RangeResult => ({
		drained,
		saved:
			drained && task.saveDir ? writeCheckedSync(task.saveDir, rangeFile(index), drained) : null,
	});
	if (task.kind === 'build') {
		const source = indexWords(task.chars, task.gram, task.rangeChars);
		const ranges = source.ranges();
		return (index) => finish(index, rangeWords(source, ranges[index], task.chars.length));
	}
	// the changed pages' words alone (one range holds them all: `few` characters)
	const few = Number.MAX_SAFE_INTEGER;
	const gone = indexWords(task.oldChars, task.gram, few);
	const added = indexWords(task.newChars, task.gram, few);
	const changed = new Set(task.changed);
	return (index) => {
		const name = rangeFile(index);
		const old = readCheckedSync<DrainedWords>(task.cacheDir, name, task.files[name]);
		if (!old) return { drained: null, saved: null };
		const range = task.ranges[index];
		return finish(
			index,
			patchRange(
				old,
				changed,
				pagesWords(gone, range, task.changed),
				pagesWords(added, range, task.changed),
			),
		);
	};
}
