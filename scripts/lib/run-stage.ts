/**
 * Run one build stage in a child process (so each stage's memory is its own and measurable),
 * with Node 22+ (`process.execPath`, the Node running this script) and the given env.
 */
import { spawn } from 'node:child_process';

export interface StageResult {
	code: number;
	stdout: string;
	stderr: string;
}

export function runNode(args: string[], env: NodeJS.ProcessEnv, echo = false): Promise<StageResult> {
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
