/**
 * `node scripts/bench-offline.ts --site DIR [--work DIR] [--query 学习型社区] [--runs 3]`
 *
 * The offline edition of a built site (e.g. `npm run bench -- --reports 500 --skip-baseline
 * --keep /tmp/bench-500`, then `--site /tmp/bench-500/dist`): the time to make it and its zip,
 * their sizes, and the first search from disk (median of `--runs` fresh browser profiles),
 * beside the first search of the same site served on loopback, measured in the same run.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { measureFirstSearch } from './lib/bench/first-search.ts';
import { dirBytes } from './lib/dir-stats.ts';
import { buildOfflineEdition } from './lib/offline/build-offline.ts';
import { measureFirstSearchFromDisk } from './lib/offline/measure-first-search.ts';
import { writeOfflineZip } from './lib/offline/write-zip.ts';

const args = parseArgs(process.argv.slice(2), ['site', 'work', 'query', 'runs']);
const site = args.values.get('site');
if (!site) {
	console.error('bench-offline: expected --site DIR [--work DIR] [--query Q] [--runs N]');
	process.exit(2);
}
const query = args.values.get('query') ?? '学习型社区';
const runs = Number(args.values.get('runs') ?? 3);
const work =
	args.values.get('work') ?? (await mkdtemp(path.join(tmpdir(), 'huibian-bench-offline-')));
const edition = path.join(work, 'edition');
const zip = path.join(work, 'huibian-offline.zip');
const mib = (b: number) => (b / 2 ** 20).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(
	`load average before: ${loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`,
);

// 1. the edition and its zip
let t0 = performance.now();
const made = await buildOfflineEdition(path.resolve(site), edition, { base: '/' });
const editionS = (performance.now() - t0) / 1000;
t0 = performance.now();
await writeOfflineZip(edition, zip);
const zipS = (performance.now() - t0) / 1000;
const siteMiB = mib(await dirBytes(site));
const pagefindMiB = mib(await dirBytes(path.join(site, 'pagefind')));
const editionMiB = mib(await dirBytes(edition));
const packagedMiB = mib(await dirBytes(path.join(edition, '_offline/files')));
const zipMiB = mib((await stat(zip)).size);
console.log(
	`site ${siteMiB} MiB (pagefind ${pagefindMiB} MiB); ` +
		`edition ${editionMiB} MiB, ${made.files} files (packaged ${packagedMiB} MiB); zip ${zipMiB} MiB`,
);
console.log(`made in ${editionS.toFixed(1)} s (edition) + ${zipS.toFixed(1)} s (zip)`);

// 2. first search, from disk and served, alternately
const disk = [];
const served = [];
for (let i = 0; i < runs; i++) {
	disk.push(await measureFirstSearchFromDisk(edition, query));
	served.push(await measureFirstSearch(path.resolve(site), query));
}
const last = disk.at(-1)!;
const kib = (bytes: number) => (bytes / 1024).toFixed(0);
const diskMs = disk.map((d) => d.ms);
console.log(
	`first search "${query}" from disk (file://): ` +
		`${median(diskMs)} ms median of ${diskMs.join(', ')}; ` +
		`${last.files} files, ${kib(last.bytes)} KiB read (${kib(last.packagedBytes)} KiB packaged ` +
		`search files); ${last.results} results on screen; ${last.outside} requests not file://`,
);
const servedMs = served.map((d) => d.ms);
console.log(
	`first search "${query}" served (loopback): ` +
		`${median(servedMs)} ms median of ${servedMs.join(', ')}; ` +
		`${served.at(-1)!.requests} requests, ${kib(served.at(-1)!.bytes)} KiB`,
);
console.log(
	`load average after: ${loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`,
);
if (!args.values.has('work')) await rm(work, { recursive: true, force: true });
