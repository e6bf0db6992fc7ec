/**
 * Run one build stage in a child process (so each stage's memory is its own and measurable),
 * with Node 22+ (`process.execPath`, the Node running this script) and the given env.
 * `runStage` also hands the child a result file (`stage-result.ts`) and returns what it wrote.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readStageResult, STAGE_RESULT_ENV } from './stage-result.ts';

export interface StageResult {
	code: number;
	stdout: string;
	stderr: string;
}

export function runNode(
	args: string[],
	env: NodeJS.ProcessEnv,
	echo = false,
): Promise<StageResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (echo) process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			if (echo) process.stderr.write(chunk);
		});
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
	});
}

/** A finished stage: its exit, output, wall seconds and (when it exited 0) the result it wrote. */
export interface RunStage<T> extends StageResult {
	seconds: number;
	/** The stage's JSON result; null when it failed (exit code ≠ 0). */
	result: T | null;
}

/**
 * Run `args` as the stage `stage`, which writes its result to `$HUIBIAN_STAGE_RESULT`.
 * @throws Error when the stage exited 0 but wrote no readable result (`readStageResult`).
 */
export async function runStage<T extends object>(
	stage: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	echo = false,
): Promise<RunStage<T>> {
	const dir = await mkdtemp(path.join(tmpdir(), `huibian-${stage}-`));
	const file = path.join(dir, 'result.json');
	const t0 = performance.now();
	try {
		const run = await runNode(args, { ...env, [STAGE_RESULT_ENV]: file }, echo);
		const seconds = (performance.now() - t0) / 1000;
		return {
			...run,
			seconds,
			result: run.code === 0 ? await readStageResult<T>(stage, file) : null,
		};
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
