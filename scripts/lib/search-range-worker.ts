/**
 * A worker thread of the search stage (`search-ranges.ts`): given every record's characters once
 * (`workerData`), it builds the words of the ranges it is asked for (`rangeWords`) and hands each
 * back with its buffer transferred, not copied. Pure work: it reads and writes no file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexWords, type RecordChars } from '../../src/lib/search/index-words.ts';
import { rangeWords } from '../../src/lib/search/pagefind-writer.ts';

const { chars, gram, rangeChars } = workerData as {
	chars: RecordChars[];
	gram: number;
	rangeChars: number;
};
const source = indexWords(chars, gram, rangeChars);
const ranges = source.ranges();
parentPort!.on('message', (index: number) => {
	try {
		const drained = rangeWords(source, ranges[index], chars.length);
		parentPort!.postMessage({ index, drained }, [drained.bytes.buffer as ArrayBuffer]);
	} catch (error) {
		parentPort!.postMessage({ index, error: error instanceof Error ? error.stack : String(error) });
	}
});
