/**
 * `npm run dev [-- --sources DIR]`: ingest once, start `astro dev`, and re-ingest whenever a
 * file in the sources folder changes; the content loader then picks up the changed MDX and the
 * page updates in the browser. Extra arguments after `--` go to `astro dev` (e.g. --port).
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { runNode } from './lib/run-stage.ts';
import { config } from './lib/config.ts';
import { PATHS } from '../src/lib/config.ts';

const argv = process.argv.slice(2);
const i = argv.indexOf('--sources');
const sources = path.resolve(i >= 0 ? (argv.splice(i, 2)[1] ?? PATHS.sources) : PATHS.sources);
const root = path.resolve(import.meta.dirname, '..');
const reportsDir = path.resolve(config.reportsDir);
const env = { ...process.env, HUIBIAN_REPORTS_DIR: reportsDir, ASTRO_TELEMETRY_DISABLED: '1' };

const ingest = () =>
	runNode(
		[path.join(root, 'scripts/ingest.ts'), '--sources', sources, '--out', reportsDir],
		env,
		true,
	);

await ingest();
const astro = spawn(
	process.execPath,
	[path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', ...argv],
	{
		env,
		stdio: 'inherit',
	},
);

// Debounce: editors write a file in several steps.
let timer: NodeJS.Timeout | undefined;
let running = Promise.resolve();
watch(sources, (_event, name) => {
	// The ingest's own write of the id registry (ids.yaml, via a temp file) is not an edit.
	if (name && /^ids\.yaml(\.\d+\.tmp)?$/.test(String(name))) return;
	clearTimeout(timer);
	timer = setTimeout(() => {
		running = running.then(async () => {
			console.log('[huibian] sources changed: re-ingesting');
			await ingest();
		});
	}, 200);
});
astro.on('close', (code) => process.exit(code ?? 0));
