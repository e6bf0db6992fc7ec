/**
 * Render report files on all cores: `renderReportFile` in worker threads, results in the order of
 * the jobs. Rendering (the MDX parser) is most of the report loader's time, which otherwise runs
 * on one core (docs/scale/README.md, “Figures behind the code”).
 *
 * With one core, or when asked for fewer than two threads, jobs render in this thread. Doesn’t
 * retry: the first failed job rejects its batch, with its file name.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderReportFile, type RenderedFile, type RenderJob } from './render-report-file.ts';

export interface RenderPool {
	/** Render a batch; one result per job, in job order, strings copied (never slices of a job's text). */
	render: (jobs: readonly RenderJob[]) => Promise<RenderedFile[]>;
	/** Stop the workers (the pool is unusable afterwards). */
	close: () => Promise<void>;
}

type Reply = { index: number; result?: RenderedFile; error?: string };

const withName = (name: string, message: string) =>
	message.startsWith(name) ? message : `${name}: ${message}`;

/** A pool of no workers: every job rendered in this thread. */
function inThisThread(): RenderPool {
	return {
		render: async (jobs) =>
			jobs.map((job) => {
				try {
					return structuredClone(renderReportFile(job));
				} catch (error) {
					throw new Error(
						withName(job.name, error instanceof Error ? error.message : String(error)),
					);
				}
			}),
		close: async () => {},
	};
}

/**
 * One batch on `workers`, each taking the next job when it answers. The first failure stops
 * sending; the call rejects once every worker has answered its job in flight, so no listener of
 * this call outlives it (the pool stays usable).
 */
async function renderOn(
	workers: readonly Worker[],
	jobs: readonly RenderJob[],
): Promise<RenderedFile[]> {
	const results: RenderedFile[] = new Array(jobs.length);
	let next = 0;
	let failure: Error | undefined;
	await Promise.all(
		workers.map(
			(worker) =>
				new Promise<void>((resolve, reject) => {
					const send = () => {
						if (failure || next >= jobs.length) return done(resolve);
						const index = next++;
						worker.postMessage({ index, job: jobs[index] });
					};
					const onMessage = (m: Reply) => {
						if (m.error !== undefined)
							failure ??= new Error(withName(jobs[m.index]!.name, m.error));
						else results[m.index] = m.result!;
						send();
					};
					const done = (settle: () => void) => {
						worker.off('message', onMessage);
						worker.off('error', reject);
						settle();
					};
					worker.on('message', onMessage);
					worker.on('error', reject);
					send();
				}),
		),
	);
	if (failure) throw failure;
	return results;
}

/** @param threads Worker threads, default the machine's available parallelism. */
export function createRenderPool(threads = availableParallelism()): RenderPool {
	if (threads < 2) return inThisThread();
	const workers = Array.from(
		{ length: threads },
		() => new Worker(new URL('./render-worker.ts', import.meta.url)),
	);
	return {
		render: (jobs) => renderOn(workers, jobs),
		close: async () => {
			await Promise.all(workers.map((w) => w.terminate()));
		},
	};
}
