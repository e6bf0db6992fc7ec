/**
 * A worker thread of the search stage (`search-ranges.ts`): given one task (`workerData`: build
 * every range from every page's characters, or patch the last build's, `search-range-task.ts`),
 * it makes the words of the ranges it is asked for, writes each into the new cache folder when
 * the task says so, and hands it back with its buffer transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rangeTaskRunner, type RangeTask } from './search-range-task.ts';

const run = rangeTaskRunner(workerData as RangeTask);
parentPort!.on('message', (index: number) => {
	try {
		const result = run(index);
		parentPort!.postMessage(
			{ index, ...result },
			result.drained ? [result.drained.bytes.buffer as ArrayBuffer] : [],
		);
	} catch (error) {
		parentPort!.postMessage({ index, error: error instanceof Error ? error.stack : String(error) });
	}
});
