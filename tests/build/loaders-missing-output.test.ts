/**
 * The content loaders fail loudly (issue 20): `astro build` run on its own, with
 * `HUIBIAN_REPORTS_DIR` pointing at a folder the ingest never wrote, must stop with the path it
 * looked in — not build an empty site and exit 0.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let tmp: string;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-loaders-'));
});

afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

function astroBuild(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root],
			{
				cwd: root,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output }));
	});
}

test('astro build with a reports folder that does not exist names it and fails', async () => {
	const missing = path.join(tmp, 'no-such-reports');
	const out = path.join(tmp, 'dist');
	const run = await astroBuild({
		HUIBIAN_REPORTS_DIR: missing,
		HUIBIAN_OUT: out,
		HUIBIAN_CACHE: path.join(tmp, 'cache'),
	});
	expect(run.code).not.toBe(0);
	// The report loader and the catalog loader run side by side: either may be the one that stops
	// the build, and both name what they looked for under the missing folder.
	const named = [
		`Expected the generated report pages (a folder of <id>.mdx) at ${missing}, found none (ENOENT)`,
		`Expected the ingest catalog at ${path.join(missing, 'catalog.json')}, found none (ENOENT)`,
	];
	expect(
		named.some((line) => run.output.includes(line)),
		run.output,
	).toBe(true);
	// Nothing that looks like a site was written.
	const written = await readdir(out).catch(() => [] as string[]);
	expect(written.filter((n) => n.endsWith('.html'))).toEqual([]);
}, 120_000);
