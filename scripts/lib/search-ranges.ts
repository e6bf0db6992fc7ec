/**
 * The words of every range of the search index (`indexWords` ranges), built on `threads` worker
 * threads (`search-range-worker.ts`) and yielded in range order, so the index writer cuts the
 * same chunks as when one thread builds them all. At most `threads` ranges are built ahead of the
 * one being written: the memory of a range (its postings) is held by at most `threads + 1` at once.
 * With fewer than two threads, or one range, the ranges are built in this thread.
 */
import { Worker } from 'node:worker_threads';
import type { RecordChars } from '../../src/lib/search/index-words.ts';
import { rangeWords, type WordSource } from '../../src/lib/search/pagefind-writer.ts';
import type { DrainedWords } from '../../src/lib/search/postings.ts';

type Reply = { index: number; drained?: DrainedWords; error?: string };

/** Worker threads that build ranges of `chars`, and how to ask one for a range's words. */
function startWorkers(
	chars: readonly RecordChars[],
	options: { gram: number; rangeChars: number },
	threads: number,
) {
	const workers = Array.from(
		{ length: threads },
		() =>
			new Worker(new URL('./search-range-worker.ts', import.meta.url), {
				workerData: { chars, gram: options.gram, rangeChars: options.rangeChars },
			}),
	);
	const waiting = new Map<number, (reply: Reply) => void>();
	const replies = new Map<number, Promise<Reply>>();
	const state = { failed: null as Error | null };
	for (const worker of workers) {
		worker.on('message', (reply: Reply) => waiting.get(reply.index)?.(reply));
		worker.on('error', (error) => {
			state.failed = error;
			for (const resolve of waiting.values()) resolve({ index: -1, error: error.stack });
		});
	}
	const idle = [...workers];
	/** Range `index` to an idle worker; its reply in `replies`. */
	const ask = (index: number) => {
		const worker = idle.shift()!;
		replies.set(
			index,
			new Promise<Reply>((resolve) =>
				waiting.set(index, (reply) => {
					waiting.delete(index);
					idle.push(worker);
					resolve(reply);
				}),
			),
		);
		worker.postMessage(index);
	};
	return { workers, replies, idle, ask, state };
}

/**
 * @param source The words of `chars` (`indexWords(chars, gram, rangeChars)`), for its ranges.
 * @param chars The records' characters, page i = `chars[i]`.
 */
export async function* buildRanges(
	source: WordSource,
	chars: readonly RecordChars[],
	options: { gram: number; rangeChars: number; threads: number },
): AsyncGenerator<DrainedWords> {
	const count = source.ranges().length;
	const threads = Math.min(options.threads, count);
	if (threads < 2) {
		for (const range of source.ranges()) yield rangeWords(source, range, chars.length);
		return;
	}
	const { workers, replies, idle, ask, state } = startWorkers(chars, options, threads);
	try {
		let next = 0;
		for (let index = 0; index < count; index++) {
			while (next < count && next < index + threads && idle.length > 0) ask(next++);
			const reply = await replies.get(index)!;
			replies.delete(index);
			if (state.failed || reply.error || !reply.drained)
				throw new Error(
					`search: building word range ${index + 1} of ${count}: ${reply.error ?? state.failed}`,
				);
			// more ranges to the worker that just answered, before this one is written
			while (next < count && next < index + 1 + threads && idle.length > 0) ask(next++);
			yield reply.drained;
		}
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}
