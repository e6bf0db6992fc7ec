/**
 * Put a finished build in place so that a kill at ANY moment never loses the last complete site.
 *
 * Every output has three names: `<target>` (live), `<target>.building` (staged, complete when
 * the swap starts) and `<target>.old`. The swap writes a journal (the pairs, atomically), then
 * does per output two renames, target → old and staged → target, deletes the journal, and only
 * then deletes the old folders. A build killed inside the swap leaves the journal behind, and the
 * next build calls `recoverSwap` first: it finishes the cut swap (every staged output was
 * complete), so `dist/` and its `content/reports/` are again a matching pair, and nothing else.
 * `dist/` stays a plain folder (no symlinks: deploys copy it).
 *
 * A test can stop the swap between its renames: `HUIBIAN_SWAP_PAUSE_AFTER=N` prints
 * `swap: paused after rename N` and waits (to be killed there).
 *
 * The old folders are garbage once the journal is gone: the caller may hand them to `removeOld`
 * (the build moves them to its trash and deletes them in the background, `discard.ts`).
 *
 * Doesn’t copy across file systems: the staged folder is always made beside its target.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { config } from './config.ts';

export interface SwapPair {
	staged: string;
	target: string;
	old: string;
}

const exists = (p: string) =>
	stat(p).then(
		() => true,
		() => false,
	);

async function pauseHook(done: number): Promise<void> {
	if (config.env.HUIBIAN_SWAP_PAUSE_AFTER !== done) return;
	console.log(`swap: paused after rename ${done}`);
	await new Promise(() => {}); // until killed
}

const removeNow = (dir: string) => rm(dir, { recursive: true, force: true });

/**
 * Swap every staged output in; see the module comment for what a kill leaves.
 * @param removeOld Removes an old folder (default: deleted here, before returning).
 */
export async function swapOutputs(
	journal: string,
	pairs: readonly SwapPair[],
	removeOld: (dir: string) => Promise<void> = removeNow,
): Promise<void> {
	for (const p of pairs) await removeOld(p.old);
	await writeFile(`${journal}.tmp`, `${JSON.stringify({ pairs }, null, '\t')}\n`);
	await rename(`${journal}.tmp`, journal);
	let renames = 0;
	for (const p of pairs) {
		if (await exists(p.target)) {
			await rename(p.target, p.old);
			await pauseHook(++renames);
		}
		await rename(p.staged, p.target);
		await pauseHook(++renames);
	}
	await rm(journal, { force: true });
	for (const p of pairs) await removeOld(p.old);
}

/**
 * Finish a swap that a kill cut (when `journal` exists), and undo what the old two-step swap of
 * earlier versions could leave (`<target>.old` without `<target>`).
 * @returns One line per output put back in place (empty when there was nothing to do).
 */
export async function recoverSwap(
	journal: string,
	targets: ReadonlyArray<Pick<SwapPair, 'target' | 'old'>>,
): Promise<string[]> {
	const lines: string[] = [];
	const text = await readFile(journal, 'utf8').catch(() => null);
	if (text !== null) {
		const { pairs } = JSON.parse(text) as { pairs: SwapPair[] };
		for (const p of pairs) {
			if (await exists(p.staged)) {
				if (await exists(p.target)) {
					await rm(p.old, { recursive: true, force: true });
					await rename(p.target, p.old);
				}
				await rename(p.staged, p.target);
				lines.push(
					`build: finished the swap a killed build left: ${p.target} is its complete output`,
				);
			} else if (!(await exists(p.target)) && (await exists(p.old))) {
				await rename(p.old, p.target);
				lines.push(`build: restored ${p.target} from ${p.old}`);
			}
		}
		await rm(journal, { force: true });
		for (const p of pairs) await rm(p.old, { recursive: true, force: true });
	}
	for (const t of targets) {
		if (!(await exists(t.target)) && (await exists(t.old))) {
			await rename(t.old, t.target);
			lines.push(`build: restored ${t.target} from ${t.old}, left by a killed build`);
		}
	}
	return lines;
}
