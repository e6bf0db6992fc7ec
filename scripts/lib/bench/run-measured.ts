/**
 * Run a command as a child process while sampling the memory of its process tree, and cut the
 * samples into stages (a stage is a direct child of the command whose command line matches).
 * Doesn’t interpret the command's output beyond echoing it.
 */
import { spawn } from 'node:child_process';
import { startSampler, type Sample } from './rss-sampler.ts';

export interface Measured {
	code: number;
	wallS: number;
	peakRssMiB: number;
	/** CPU seconds of the tree at the last sample (up to one interval is missed). */
	cpuS: number;
	samples: Sample[];
	stdout: string;
	stderr: string;
}

export interface StageUse {
	wallS: number;
	peakRssMiB: number;
}

/** A stage with its CPU seconds (less sensitive than wall time to a busy machine). */
export interface StageCpu extends StageUse {
	cpuS: number;
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const round = (s: number) => Math.round(s * 100) / 100;

/**
 * @param command Executable; `args` its arguments.
 * @param echo Copy the child's stdout/stderr to ours as it comes (prefixed with `  | `).
 * @param echoLines With `echo`, only the stdout lines that match (stderr is always copied whole):
 *   a 20,000-page build lists every page.
 */
export function runMeasured(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean; echoLines?: RegExp } = {},
): Promise<Measured> {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const sampler = startSampler(child.pid ?? -1);
		let stdout = '';
		let stderr = '';
		let partial = '';
		const keep = options.echoLines;
		const relay = (chunk: Buffer, err: boolean) => {
			const text = chunk.toString();
			if (err) stderr += text;
			else stdout += text;
			if (!options.echo) return;
			if (err || !keep) {
				(err ? process.stderr : process.stdout).write(text.replace(/^(?=.)/gmu, '  | '));
				return;
			}
			const lines = (partial + text).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) if (keep.test(line)) process.stdout.write(`  | ${line}\n`);
		};
		child.stdout.on('data', (c: Buffer) => relay(c, false));
		child.stderr.on('data', (c: Buffer) => relay(c, true));
		child.on('error', reject);
		child.on('close', (code) => {
			const wallS = round((performance.now() - t0) / 1000);
			const samples = sampler.stop();
			const peak = samples.reduce((max, s) => Math.max(max, s.total), 0);
			const cpuS = round(samples.reduce((max, s) => Math.max(max, s.cpu), 0));
			resolve({ code: code ?? 1, wallS, peakRssMiB: mib(peak), cpuS, samples, stdout, stderr });
		});
	});
}

/**
 * Wall time and peak tree RSS of one stage: from the first sample where a direct child whose
 * command line matches `pattern` is alive to the first sample after it ended (±1 interval).
 * The peak counts the whole tree (the parent included) during the stage; CPU seconds are the
 * stage child's subtree at its last sample (up to one interval of CPU is missed).
 * @returns `null` when no sample saw the stage.
 */
export function stageUse(samples: readonly Sample[], pattern: RegExp): StageCpu | null {
	let first = -1;
	let last = -1;
	let peak = 0;
	let cpu = 0;
	samples.forEach((s, i) => {
		const child = s.children.find((c) => pattern.test(c.command));
		if (!child) return;
		if (first < 0) first = i;
		last = i;
		peak = Math.max(peak, s.total);
		cpu = Math.max(cpu, child.cpu);
	});
	if (first < 0) return null;
	const end = samples[Math.min(last + 1, samples.length - 1)] as Sample;
	return {
		wallS: round((end.t - (samples[first] as Sample).t) / 1000),
		peakRssMiB: mib(peak),
		cpuS: round(cpu),
	};
}
