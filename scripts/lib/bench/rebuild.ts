/**
 * The bench's rebuild measurement (issue 17): the same build run again on the same corpus and
 * folders (warm caches, previous output in place) with nothing changed, then after one sentence
 * was added to one source, each timed whole (wall clock of `scripts/build.ts`) and per stage.
 *
 * Doesn’t compare outputs (tests/build/incremental-build.test.ts does): it only times.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runMeasured, stageUse, type Measured, type StageCpu } from './run-measured.ts';

/** The sentence the one-source rebuild adds (to the longest line of the first source). */
const ADDED_SENTENCE = '这是为测量增量构建而新加的一句话。';

export interface RebuildRun {
	total: StageCpu;
	/** Per stage, as for the full build (null when no sample saw it: a very short stage). */
	stages: Record<'ingest' | 'astro' | 'search', StageCpu | null>;
	/** The astro stage's line (`astro: 12 of 2,177 pages rendered, …`). */
	astroLine: string;
}

export interface Rebuilds {
	unchanged: RebuildRun;
	oneSource: RebuildRun;
	/** The source that got the sentence. */
	editedSource: string;
}

const STAGES = {
	ingest: /scripts\/ingest\.ts/,
	astro: /astro\/bin\/astro\.mjs/,
	search: /scripts\/index-search\.ts/,
} as const;

function summarise(run: Measured): RebuildRun {
	const stages = Object.fromEntries(
		Object.entries(STAGES).map(([name, pattern]) => [name, stageUse(run.samples, pattern)]),
	) as RebuildRun['stages'];
	return {
		total: { wallS: run.wallS, peakRssMiB: run.peakRssMiB, cpuS: run.cpuS },
		stages,
		astroLine: /^astro: .*$/m.exec(run.stdout)?.[0] ?? '',
	};
}

/** Add `ADDED_SENTENCE` to the end of the longest line of the first `.txt` in `sources`. */
export async function addOneSentence(sources: string): Promise<string> {
	const name = (await readdir(sources)).filter((n) => n.endsWith('.txt')).sort()[0];
	if (!name) throw new Error(`Expected a .txt source in ${sources}, found none`);
	const file = path.join(sources, name);
	const lines = (await readFile(file, 'utf8')).split('\n');
	const longest = lines.reduce(
		(best, line, i) => (line.length > lines[best]!.length ? i : best),
		0,
	);
	lines[longest] = `${lines[longest]!.trimEnd()}${ADDED_SENTENCE}`;
	await writeFile(file, lines.join('\n'));
	return name;
}

/**
 * @param build The full build's command (`process.execPath` + args) and options, run again as is.
 * @param sources The corpus folder the build reads (one file of it is edited).
 */
export async function measureRebuilds(
	build: { args: string[]; options: Parameters<typeof runMeasured>[2] },
	sources: string,
): Promise<Rebuilds> {
	const run = async (what: string) => {
		const r = await runMeasured(process.execPath, build.args, build.options);
		if (r.code !== 0)
			throw new Error(
				`the rebuild (${what}) failed with exit ${r.code}:\n${r.stderr.slice(-2000)}`,
			);
		return summarise(r);
	};
	const unchanged = await run('nothing changed');
	const editedSource = await addOneSentence(sources);
	const oneSource = await run('one sentence added');
	return { unchanged, oneSource, editedSource };
}

/** The JSON of the issue: `"rebuild": { "unchangedWallS": n, "oneSourceWallS": n }`. */
export function rebuildJson(r: Rebuilds): { unchangedWallS: number; oneSourceWallS: number } {
	return { unchangedWallS: r.unchanged.total.wallS, oneSourceWallS: r.oneSource.total.wallS };
}

/** Two lines, each against the full build of the same run (`fullWallS`). */
export function formatRebuilds(r: Rebuilds, fullWallS: number): string {
	const line = (label: string, run: RebuildRun) => {
		const stage = (name: keyof RebuildRun['stages']) => {
			const use = run.stages[name];
			return `${name} ${use?.wallS.toFixed(1) ?? '–'} s (${use?.cpuS.toFixed(1) ?? '–'} CPU s)`;
		};
		const ratio =
			fullWallS > 0 ? ` (${(run.total.wallS / fullWallS).toFixed(2)}x the full build)` : '';
		const { wallS, cpuS, peakRssMiB } = run.total;
		return (
			`${label}: ${wallS.toFixed(1)} s wall${ratio}, ${cpuS.toFixed(1)} CPU s, ` +
			`peak ${peakRssMiB.toFixed(0)} MiB; ${stage('ingest')}, ${stage('astro')}, ` +
			`${stage('search')}\n  ${run.astroLine}`
		);
	};
	return [
		line('rebuild, nothing changed', r.unchanged),
		line(`rebuild, one sentence added to ${r.editedSource}`, r.oneSource),
	].join('\n');
}
