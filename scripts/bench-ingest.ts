/**
 * `node scripts/bench-ingest.ts [--mb 50] [--sources DIR] [--json]`
 *
 * Ingest throughput, cold, on one core: repeats the sample sources (`content/sources/*.txt`)
 * as distinct in-memory inputs (copy N of `x.txt` is `rN-x.txt`) until they hold at least
 * `--mb` MB of raw text, runs `ingestAll()` once in this process (no warm-up run, no cache) and
 * prints MB/s (1 MB = 10^6 bytes of source bytes; wall clock, and per CPU second, which a busy
 * machine does not move) and the peak RSS of the process.
 *
 * Doesn’t read or write the output folder: it measures the pure ingest (decode → … → MDX and
 * validation), not the disk.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ingestAll } from '../src/lib/ingest/index.ts';
import { parseVocabulary } from '../src/lib/ingest/report/metadata/index.ts';
import type { SourceInput } from '../src/lib/ingest/types.ts';
import { parseArgs } from './lib/args.ts';

const args = parseArgs(process.argv.slice(2), ['mb', 'sources', 'vocabulary']);
const unknown = [...args.flags].filter((f) => f !== 'json');
if (unknown.length) {
	console.error(
		`bench-ingest: unknown option --${unknown[0]}; ` +
			'expected [--mb N] [--sources DIR] [--vocabulary FILE] [--json]',
	);
	process.exit(2);
}
const targetBytes = Number(args.values.get('mb') ?? '50') * 1e6;
const dir = args.values.get('sources') ?? 'content/sources';

// 1. read the samples and repeat them into distinct inputs
const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
const samples = await Promise.all(
	names.map(async (file) => ({
		file,
		bytes: new Uint8Array(await readFile(path.join(dir, file))),
	})),
);
const sampleBytes = samples.reduce((sum, s) => sum + s.bytes.length, 0);
if (sampleBytes === 0) throw new Error(`bench-ingest: no text in ${dir}/*.txt`);
const inputs: SourceInput[] = [];
let bytes = 0;
for (let round = 1; bytes < targetBytes; round++) {
	for (const s of samples) {
		inputs.push({
			file: `r${String(round).padStart(4, '0')}-${s.file}`,
			bytes: s.bytes,
			meta: null,
		});
		bytes += s.bytes.length;
	}
}
const vocab = parseVocabulary(
	await readFile(args.values.get('vocabulary') ?? 'content/vocabulary.yaml', 'utf8'),
);

// 2. one cold run
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = ingestAll(inputs, vocab, {});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
const errors = result.issues.filter((i) => i.severity === 'error').length;

// 3. report
const summary = {
	sources: inputs.length,
	reports: result.catalog.reports.length,
	pages: result.pages.length,
	errors,
	mb: bytes / 1e6,
	seconds,
	mbPerS: bytes / 1e6 / seconds,
	cpuSeconds,
	mbPerCpuS: bytes / 1e6 / cpuSeconds,
	peakRssMiB,
	node: process.version,
};
if (args.flags.has('json')) console.log(JSON.stringify(summary));
else {
	console.log(
		`ingest: ${summary.sources} sources, ${summary.mb.toFixed(1)} MB, ` +
			`${summary.reports} reports, ${errors} errors`,
	);
	console.log(
		`time ${seconds.toFixed(2)} s  →  ${summary.mbPerS.toFixed(1)} MB/s wall, ` +
			`${summary.mbPerCpuS.toFixed(1)} MB/s of CPU time ` +
			`(peak RSS ${peakRssMiB.toFixed(0)} MiB, ${process.version})`,
	);
}
if (errors > 0) process.exitCode = 1;
