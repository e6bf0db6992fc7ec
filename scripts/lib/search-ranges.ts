/**
 * The words of every range of the search index, made by one task (`search-range-task.ts`: built
 * from every page, or patched from the last build's) on `threads` worker threads
 * (`search-range-worker.ts`) and yielded in range order, so the index writer cuts the same chunks
 * as when one thread makes them all. At most `threads` ranges are made ahead of the one being
 * written: the memory of a range (its postings) is held by at most `threads + 1` at once.
 * With fewer than two threads, or one range, the ranges are made in this thread.
 */
import { Worker } from 'node:worker_threads';
import { rangeTaskRunner, type RangeResult, type RangeTask } from './search-range-task.ts';

type Reply = Partial<RangeResult> & { index: number; error?: string };

/** Worker threads that run `task`, and how to ask one for a range's words. */
function startWorkers(task: RangeTask, threads: number) {
	const workers = Array.from(
		{ length: threads },
		() =>
			new Worker(new URL('./search-range-worker.ts', import.meta.url), {
				workerData: task,
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
 * @param task What makes each range's words.
 * @param count Ranges.
 */
export async function* makeRanges(
	task: RangeTask,
	count: number,
	options: { threads: number },
): AsyncGenerator<RangeResult> {
	const threads = Math.min(options.threads, count);
	if (threads < 2) {
		const run = rangeTaskRunner(task);
		for (let index = 0; index < count; index++) yield run(index);
		return;
	}
	const { workers, replies, idle, ask, state } = startWorkers(task, threads);
	try {
		let next = 0;
		for (let index = 0; index < count; index++) {
			while (next < count && next < index + threads && idle.length > 0) ask(next++);
			const reply = await replies.get(index)!;
			replies.delete(index);
			if (state.failed || reply.error || reply.drained === undefined)
				throw new Error(
					`search: making word range ${index + 1} of ${count}: ${reply.error ?? state.failed}`,
				);
			// more ranges to the worker that just answered, before this one is written
			while (next < count && next < index + 1 + threads && idle.length > 0) ask(next++);
			yield { drained: reply.drained, saved: reply.saved ?? null };
		}
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}
