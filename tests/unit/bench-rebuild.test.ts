import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	addOneSentence,
	formatRebuilds,
	rebuildJson,
	type Rebuilds,
} from '../../scripts/lib/bench/rebuild.ts';

let tmp: string;
beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-bench-rebuild-'));
});
afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('addOneSentence', () => {
	test('adds the sentence to the longest line of the first .txt by name, and nothing else', async () => {
		await writeFile(path.join(tmp, 'b.txt'), '短\n很长的一行正文\n');
		await writeFile(path.join(tmp, 'a.txt'), '标题\n第一段正文。  \n第二段。\n');
		await writeFile(path.join(tmp, 'a.yaml'), 'title: x\n');
		expect(await addOneSentence(tmp)).toBe('a.txt');
		expect(await readFile(path.join(tmp, 'a.txt'), 'utf8')).toBe(
			'标题\n第一段正文。这是为测量增量构建而新加的一句话。\n第二段。\n',
		);
		expect(await readFile(path.join(tmp, 'b.txt'), 'utf8')).toBe('短\n很长的一行正文\n');
	});
});

describe('rebuild results', () => {
	const run = (wallS: number, astroLine: string) => ({
		total: { wallS, cpuS: wallS * 0.9, peakRssMiB: 500 },
		stages: {
			ingest: { wallS: 0.5, cpuS: 0.4, peakRssMiB: 200 },
			astro: { wallS: wallS / 2, cpuS: 1, peakRssMiB: 400 },
			search: null,
		},
		astroLine,
	});
	const r: Rebuilds = {
		unchanged: run(10, 'astro: 14 of 2,177 pages rendered, 2,163 reused'),
		oneSource: run(20, 'astro: 30 of 2,177 pages rendered, 2,147 reused'),
		editedSource: 'bench-0001.txt',
	};
	test('JSON has the issue’s two fields, the wall seconds of each rebuild', () => {
		expect(rebuildJson(r)).toEqual({ unchangedWallS: 10, oneSourceWallS: 20 });
	});
	test('each line gives its ratio to the full build of the same run and the astro line', () => {
		expect(formatRebuilds(r, 100)).toBe(
			[
				'rebuild, nothing changed: 10.0 s wall (0.10x the full build), 9.0 CPU s, peak 500 MiB; ingest 0.5 s (0.4 CPU s), astro 5.0 s (1.0 CPU s), search – s (– CPU s)',
				'  astro: 14 of 2,177 pages rendered, 2,163 reused',
				'rebuild, one sentence added to bench-0001.txt: 20.0 s wall (0.20x the full build), 18.0 CPU s, peak 500 MiB; ingest 0.5 s (0.4 CPU s), astro 10.0 s (1.0 CPU s), search – s (– CPU s)',
				'  astro: 30 of 2,177 pages rendered, 2,147 reused',
			].join('\n'),
		);
	});
});
