/**
 * Helpers of the issue-14 build tests: a scratch copy of the repository (so a build told to
 * replace `src/` or `content/` can only hurt the copy, even on code without the guard), and a
 * build started in a child process that a test can watch, wait for and kill.
 *
 * Doesn't check anything: tests assert on the result.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from '../fixtures/robust-site/run-build.ts';

export { root };

/** Copy what a build needs (src, public, scripts, config, vocabulary) into `dir`; node_modules is linked. */
export async function makeScratchRepo(
	dir: string,
	sources: Record<string, string | Uint8Array>,
): Promise<string> {
	await mkdir(path.join(dir, 'content/sources'), { recursive: true });
	for (const name of [
		'src',
		'public',
		'scripts',
		'astro.config.mjs',
		'package.json',
		'tsconfig.json',
	])
		await cp(path.join(root, name), path.join(dir, name), { recursive: true });
	await cp(path.join(root, 'content/vocabulary.yaml'), path.join(dir, 'content/vocabulary.yaml'));
	await writeFile(path.join(dir, 'content/overrides.yaml'), '# none\n');
	for (const [name, text] of Object.entries(sources))
		await writeFile(path.join(dir, 'content/sources', name), text);
	await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
	return dir;
}

export interface Started {
	child: ChildProcess;
	/** stdout + stderr so far. */
	output: () => string;
	/** Exit code and all output, once the build ends. */
	done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
	/** Resolves when the output matches `pattern`; rejects if the build ends first. */
	waitFor: (pattern: RegExp) => Promise<void>;
}

/**
 * Start `scripts/build.ts` of `repo` (default: this repository) with `args`, in `cwd` (default
 * `repo`), with extra env (a separate Astro cache per test unless HUIBIAN_CACHE is given).
 */
export function startBuild(
	args: string[],
	options: { repo?: string; cwd?: string; env?: Record<string, string> } = {},
): Started {
	const repo = options.repo ?? root;
	const child = spawn(process.execPath, [path.join(repo, 'scripts/build.ts'), ...args], {
		cwd: options.cwd ?? repo,
		env: { ...process.env, ...options.env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const waiters: Array<{ pattern: RegExp; resolve: () => void; reject: (e: Error) => void }> = [];
	const check = () => {
		for (const w of [...waiters])
			if (w.pattern.test(output)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
	};
	child.stdout!.on('data', (c: Buffer) => ((output += c.toString()), check()));
	child.stderr!.on('data', (c: Buffer) => ((output += c.toString()), check()));
	const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
		(resolve) => {
			child.on('close', (code, signal) => {
				for (const w of waiters.splice(0))
					w.reject(
						new Error(
							`the build ended (code ${code}, ${signal ?? 'no signal'}) before printing ${w.pattern}:\n${output}`,
						),
					);
				resolve({ code, signal, output });
			});
		},
	);
	const waitFor = (pattern: RegExp) =>
		new Promise<void>((resolve, reject) => {
			if (pattern.test(output)) return resolve();
			if (child.exitCode !== null || child.signalCode !== null)
				return reject(new Error(`the build had ended before printing ${pattern}:\n${output}`));
			waiters.push({ pattern, resolve, reject });
		});
	return { child, output: () => output, done, waitFor };
}
