/**
 * Worker thread of `render-pool.ts`: renders the jobs it is sent (`renderReportFile`) and answers
 * each with its result or its error message, tagged with the job's index.
 */
import { parentPort } from 'node:worker_threads';
import { renderReportFile, type RenderJob } from './render-report-file.ts';

parentPort?.on('message', (message: { index: number; job: RenderJob }) => {
	try {
		parentPort?.postMessage({ index: message.index, result: renderReportFile(message.job) });
	} catch (error) {
		parentPort?.postMessage({
			index: message.index,
			error: error instanceof Error ? error.message : String(error),
		});
	}
});
