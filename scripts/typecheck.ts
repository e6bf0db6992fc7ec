/**
 * `npm run typecheck`: `astro sync` (the collections' types, `.astro/`), then `tsc --noEmit`
 * over the whole tree. On a fresh clone there is no ingest output yet, and the loaders refuse a
 * missing one (they never build an empty site by mistake), so the sync reads an empty catalog
 * in `.tmp/typecheck/`: the types come from `src/content.config.ts`, not from the data.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG_FILE } from '../src/lib/config.ts';

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, '.tmp/typecheck');
const reports = path.join(work, 'reports');
mkdirSync(reports, { recursive: true });
writeFileSync(
	path.join(reports, CATALOG_FILE),
	`${JSON.stringify({ sources: [], reports: [], tocOnly: [] })}\n`,
);

const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const env = {
	...process.env,
	HUIBIAN_REPORTS_DIR: reports,
	HUIBIAN_CACHE: path.join(work, 'astro-cache'),
	ASTRO_TELEMETRY_DISABLED: '1',
};
for (const [command, args] of [
	[bin('astro'), ['sync']],
	[bin('tsc'), ['--noEmit']],
] as const) {
	const run = spawnSync(command, [...args], { cwd: root, env, stdio: 'inherit' });
	if (run.status !== 0) {
		console.error(
			`typecheck: ${path.basename(command)} ${args.join(' ')} failed ` +
				`(exit ${run.status ?? run.signal})`,
		);
		process.exit(1);
	}
}
