/**
 * `node scripts/offline.ts --site DIR --out DIR [--base /path/] [--zip FILE]`
 *
 * The offline edition of an already built site (`npm run build -- --offline` does the same as
 * part of the build): `--out` opens from the file system with no server; `--zip` also writes
 * the deterministic zip of it, with `打开我.html` at its root.
 */
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { checkOutputs, markOutput } from './lib/output-guard.ts';
import { buildOfflineEdition } from './lib/offline/build-offline.ts';
import { reportOffline } from './lib/offline/report.ts';
import { writeOfflineZip } from './lib/offline/write-zip.ts';

const usage = 'expected --site DIR --out DIR [--base /path/] [--zip FILE]';
let args;
try {
	args = parseArgs(process.argv.slice(2), ['site', 'out', 'base', 'zip']);
} catch (error) {
	console.error(`offline: ${(error as Error).message}; ${usage}`);
	process.exit(2);
}
const site = args.values.get('site');
const out = args.values.get('out');
if (!site || !out || args.flags.size) {
	const problem = args.flags.size
		? `unknown option --${[...args.flags][0]}`
		: 'missing --site or --out';
	console.error(`offline: ${problem}; ${usage}`);
	process.exit(2);
}
const t0 = performance.now();
// 0. --out is replaced: refused when it is the repository, one of its folders, the site, or a
// folder huibian did not create
const refused = await checkOutputs(
	path.resolve(import.meta.dirname, '..'),
	[{ option: 'out', dir: path.resolve(out), kind: 'site' }],
	path.resolve(site),
);
if (refused.length) {
	for (const line of refused) console.error(`offline: ${line}`);
	process.exit(2);
}
// 1. the edition
const edition = await buildOfflineEdition(path.resolve(site), path.resolve(out), {
	base: args.values.get('base') ?? '/',
});
console.log(await reportOffline(edition, path.resolve(out), t0));
// 2. the zip, then the output marker (not part of the zip)
const zip = args.values.get('zip');
if (zip) console.log(await writeOfflineZip(path.resolve(out), path.resolve(zip)));
await markOutput(path.resolve(out), 'site');
