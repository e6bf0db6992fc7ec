import { describe, expect, test, vi } from 'vitest';
import { formatTable, type BenchResult } from '../../scripts/lib/bench/bench-result.ts';
import { numberCn, printedDate } from '../../scripts/lib/bench/make-names.ts';
import { createRng } from '../../scripts/lib/bench/prng.ts';
import { descendants, type ProcessInfo } from '../../scripts/lib/bench/process-tree.ts';
import type { Sample } from '../../scripts/lib/bench/rss-sampler.ts';
import { runMeasured, stageUse } from '../../scripts/lib/bench/run-measured.ts';
import { sentencePool } from '../../scripts/lib/bench/sentence-pool.ts';

const MiB = 2 ** 20;

describe('stageUse', () => {
	const sample = (t: number, total: number, ...commands: string[]): Sample => ({
		t,
		total: total * MiB,
		cpu: t / 200,
		children: commands.map((command, i) => ({ pid: 100 + i, command, rss: 0, cpu: t / 100 })),
	});
	const samples = [
		sample(0, 50),
		sample(100, 120, 'node scripts/ingest.ts --sources x'),
		sample(200, 150, 'node scripts/ingest.ts --sources x'),
		sample(300, 60),
		sample(400, 900, 'node astro.mjs build'),
		sample(500, 700, 'node astro.mjs build'),
		sample(600, 55),
	];

	test('spans from the first sample with the stage to the first sample after it, peak of the tree', () => {
		expect(stageUse(samples, /ingest\.ts/)).toEqual({ wallS: 0.2, peakRssMiB: 150, cpuS: 2 });
		expect(stageUse(samples, /astro\.mjs/)).toEqual({ wallS: 0.2, peakRssMiB: 900, cpuS: 5 });
	});

	test('a stage no sample saw gives null', () => {
		expect(stageUse(samples, /index-search/)).toBeNull();
	});
});

describe('descendants', () => {
	const snapshot = new Map<number, ProcessInfo>(
		[
			[1, 0],
			[10, 1],
			[11, 10],
			[12, 10],
			[13, 12],
			[20, 1],
		].map(([pid, ppid]) => [
			pid as number,
			{ pid: pid as number, ppid: ppid as number, rss: 0, cpu: 0 },
		]),
	);
	test('returns the root and every process below it, not its siblings', () => {
		expect(descendants(snapshot, 10).sort()).toEqual([10, 11, 12, 13]);
		expect(descendants(snapshot, 99)).toEqual([]);
	});
});

describe('sentencePool', () => {
	test('splits at 。！？ and drops headings, TOC lines and subtitles', () => {
		const text = [
			'目 录',
			'强素质 促发展——延庆县农经站创建学习型机关自评报告……………(1)',
			'一、主要做法',
			'近年来，区委办公室结合工作实际，对如何创建学习型机关进行了积极探索！这些做法是否取得了实际的成效呢？我们坚持每周五下午集中学习。',
			'（一）加强组织领导，成立了以主任为组长的领导小组。',
		].join('\n');
		expect(sentencePool([text])).toEqual([
			'近年来，区委办公室结合工作实际，对如何创建学习型机关进行了积极探索！',
			'这些做法是否取得了实际的成效呢？',
			'我们坚持每周五下午集中学习。',
		]);
	});
});

describe('names and dates', () => {
	test.each([
		[1, '一'],
		[10, '十'],
		[18, '十八'],
		[20, '二十'],
		[31, '三十一'],
	])('numberCn(%i) is %s', (n, text) => {
		expect(numberCn(n)).toBe(text);
	});
	test('printedDate prints Chinese numerals with 〇 or Arabic digits', () => {
		expect(printedDate('cn', 2009, 1, 18)).toBe('二〇〇九年一月十八日');
		expect(printedDate('cn', 2010, 8)).toBe('二〇一〇年八月');
		expect(printedDate('arabic', 2011, 6, 18)).toBe('2011年6月18日');
	});
});

describe('createRng', () => {
	test('same seed, same sequence; ints stay in bounds', () => {
		const a = createRng(42);
		const b = createRng(42);
		const xs = Array.from({ length: 1000 }, () => a.int(3, 7));
		expect(Array.from({ length: 1000 }, () => b.int(3, 7))).toEqual(xs);
		expect(new Set(xs)).toEqual(new Set([3, 4, 5, 6, 7]));
	});
});

describe('formatTable', () => {
	const result: BenchResult = {
		reports: 500,
		stages: {
			ingest: { wallS: 1, peakRssMiB: 100 },
			astro: { wallS: 10, peakRssMiB: 600 },
			search: { wallS: 5, peakRssMiB: 400 },
		},
		total: { wallS: 16, peakRssMiB: 600 },
		distMiB: 20,
		indexMiB: 8,
		firstSearch: { bytes: 150 * 1024, ms: 800, gzipBytes: 90 * 1024, queries: {} },
		files: 1200,
		indexFiles: 300,
		baseline: { wallS: 40, peakRssMiB: 2400 },
	};
	test('shows the total against the baseline as ratios', () => {
		const table = formatTable(result, {
			corpusMiB: 3.5,
			files: 12,
			searchRequests: 9,
			pagefindBytes: 140 * 1024,
			searchGzipBytes: 90 * 1024,
			cpu: { total: 20 },
			load: [1, 2],
			cores: 2,
		});
		expect(table).toMatch(/^total\s+16\.0\s+20\.0\s+600\s+0\.40x\s+0\.25x$/mu);
		expect(table).toContain('first search: 150 KiB in 9 requests');
	});
});

describe('runMeasured echo', () => {
	test('with echoLines, only matching stdout lines are echoed (split across chunks too); stderr whole; output kept whole', async () => {
		const script = [
			"process.stdout.write('page 1\\nsearch: 3 re');",
			"setTimeout(() => { process.stdout.write('ports indexed\\npage 2\\n'); process.stderr.write('oops\\n'); }, 50);",
		].join('');
		const out: string[] = [];
		const err: string[] = [];
		const o = vi
			.spyOn(process.stdout, 'write')
			.mockImplementation((t) => (out.push(String(t)), true));
		const e = vi
			.spyOn(process.stderr, 'write')
			.mockImplementation((t) => (err.push(String(t)), true));
		try {
			const run = await runMeasured(process.execPath, ['-e', script], {
				echo: true,
				echoLines: /^search:/,
			});
			expect(run.stdout).toBe('page 1\nsearch: 3 reports indexed\npage 2\n');
		} finally {
			o.mockRestore();
			e.mockRestore();
		}
		expect(out.join('')).toBe('  | search: 3 reports indexed\n');
		expect(err.join('')).toBe('  | oops\n');
	});
});
