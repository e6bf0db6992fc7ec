/**
 * How a build stage (a child process of `scripts/build.ts`) reports what it did: one JSON object
 * written to the file named by `HUIBIAN_STAGE_RESULT`, read back by the build after the child
 * exits. The build prints its one human line per stage from it; nothing parses a stage's stdout.
 *
 * Doesn’t validate a stage's fields: each stage's result type is declared by its reader.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { HuibianEnv } from '../../src/lib/config.ts';
import { config } from './config.ts';

/** The environment variable naming the result file of the stage being run. */
export const STAGE_RESULT_ENV = 'HUIBIAN_STAGE_RESULT' satisfies keyof HuibianEnv;

/** Write this stage's result when the build asked for one (no-op when run on its own). */
export async function writeStageResult(result: Record<string, unknown>): Promise<void> {
	const file = config.env.HUIBIAN_STAGE_RESULT;
	if (!file) return;
	await writeFile(`${file}.tmp`, `${JSON.stringify(result)}\n`);
	await rename(`${file}.tmp`, file);
}

/**
 * Read the result a stage wrote.
 * @throws Error naming the stage and the file when it wrote none or wrote no JSON object.
 */
export async function readStageResult<T extends object>(stage: string, file: string): Promise<T> {
	const text = await readFile(file, 'utf8').catch(() => null);
	if (text === null)
		throw new Error(`Expected the ${stage} stage to write its result to ${file}, found no file`);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new Error(
			`Expected JSON in the ${stage} stage's result ${file}, found ${JSON.stringify(text.slice(0, 40))}: ${(error as Error).message}`,
		);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new Error(
			`Expected a JSON object in the ${stage} stage's result ${file}, found ${text.slice(0, 40)}`,
		);
	return value as T;
}
