import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ConfigError, ENV_NAMES, PATHS, readConfig } from '../../src/lib/config.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('readConfig', () => {
	test('an empty environment: every variable unset, the default reports folder', () => {
		expect(readConfig({})).toEqual({ env: {}, reportsDir: 'content/reports' });
		expect(PATHS.reports).toBe('content/reports');
	});

	test('values are parsed: numbers as numbers, paths and names as given', () => {
		const config = readConfig({
			HUIBIAN_REPORTS_DIR: '/tmp/r',
			HUIBIAN_SEARCH_LOOKAHEAD: '8',
			HUIBIAN_SEARCH_RANGE_CHARS: '2000',
			HUIBIAN_SWAP_PAUSE_AFTER: '0',
			HUIBIAN_BASE: '/kb/',
			HUIBIAN_SITE: 'https://example.org',
			HUIBIAN_OFFLINE_ZIP: '/downloads/huibian-offline.zip',
			PATH: '/usr/bin',
		});
		expect(config).toEqual({
			reportsDir: '/tmp/r',
			env: {
				HUIBIAN_REPORTS_DIR: '/tmp/r',
				HUIBIAN_SEARCH_LOOKAHEAD: 8,
				HUIBIAN_SEARCH_RANGE_CHARS: 2000,
				HUIBIAN_SWAP_PAUSE_AFTER: 0,
				HUIBIAN_BASE: '/kb/',
				HUIBIAN_SITE: 'https://example.org',
				HUIBIAN_OFFLINE_ZIP: '/downloads/huibian-offline.zip',
			},
		});
	});

	test('an empty variable counts as unset', () => {
		expect(readConfig({ HUIBIAN_SITE: '', HUIBIAN_SEARCH_GRAM: '' })).toEqual({
			env: {},
			reportsDir: 'content/reports',
		});
	});

	test.each([
		['HUIBIAN_SEARCH_LOOKAHEAD', '0', 'HUIBIAN_SEARCH_LOOKAHEAD=0: expected a whole number ≥ 1'],
		[
			'HUIBIAN_SEARCH_LOOKAHEAD',
			'1.5',
			'HUIBIAN_SEARCH_LOOKAHEAD=1.5: expected a whole number ≥ 1',
		],
		[
			'HUIBIAN_SEARCH_RANGE_CHARS',
			'many',
			'HUIBIAN_SEARCH_RANGE_CHARS=many: expected a whole number ≥ 1',
		],
		['HUIBIAN_SEARCH_GRAM', '-2', 'HUIBIAN_SEARCH_GRAM=-2: expected a whole number ≥ 1'],
		['HUIBIAN_LOCK_TIMEOUT', '1e3', 'HUIBIAN_LOCK_TIMEOUT=1e3: expected a whole number ≥ 1'],
		['HUIBIAN_SWAP_PAUSE_AFTER', 'x', 'HUIBIAN_SWAP_PAUSE_AFTER=x: expected a whole number ≥ 0'],
		[
			'HUIBIAN_SITE',
			'example.org',
			'HUIBIAN_SITE=example.org: expected an http:// or https:// URL',
		],
		[
			'HUIBIAN_SITE',
			'ftp://example.org',
			'HUIBIAN_SITE=ftp://example.org: expected an http:// or https:// URL',
		],
		['HUIBIAN_BASE', 'kb', 'HUIBIAN_BASE=kb: expected a path that starts with / (/, /kb/)'],
		[
			'HUIBIAN_OFFLINE_ZIP',
			'x.zip',
			'HUIBIAN_OFFLINE_ZIP=x.zip: expected a path inside the site that starts with /',
		],
	])('%s=%s is refused in one line', (name, value, message) => {
		expect(() => readConfig({ [name]: value })).toThrow(new ConfigError(message));
	});

	test('several bad variables: one line each', () => {
		expect(() => readConfig({ HUIBIAN_SEARCH_LOOKAHEAD: '0', HUIBIAN_BASE: 'kb' }))
			.toThrowErrorMatchingInlineSnapshot(`
			[ConfigError: HUIBIAN_BASE=kb: expected a path that starts with / (/, /kb/)
			HUIBIAN_SEARCH_LOOKAHEAD=0: expected a whole number ≥ 1]
		`);
	});
});

describe('the README documents the configuration once', () => {
	const table = /## Configuration\n[\s\S]*?(?=\n## )/.exec(readme)?.[0] ?? '';
	test('its Configuration table lists every variable of the config module', () => {
		const rows = [...table.matchAll(/^\| `(HUIBIAN_[A-Z_]+)`/gm)].map((m) => m[1]);
		expect(rows.filter((n) => !n?.startsWith('HUIBIAN_TEST_')).sort()).toEqual(
			[...ENV_NAMES].sort(),
		);
	});
	test('every HUIBIAN_ variable the README names is one of them (or a test variable)', () => {
		const named = new Set([...readme.matchAll(/HUIBIAN_[A-Z_]+/g)].map((m) => m[0]));
		const unknown = [...named].filter(
			(n) => !(ENV_NAMES as string[]).includes(n) && !n.startsWith('HUIBIAN_TEST_'),
		);
		expect(unknown).toEqual([]);
	});
});

test('a script given a bad variable stops before any work: the one line on stderr, exit 2', async () => {
	const { spawnSync } = await import('node:child_process');
	const shell = new URL('../../scripts/lib/config.ts', import.meta.url).href;
	const run = spawnSync(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			`await import(${JSON.stringify(shell)}); console.log('went on');`,
		],
		{ env: { ...process.env, HUIBIAN_SEARCH_LOOKAHEAD: '0' }, encoding: 'utf8' },
	);
	expect({ status: run.status, stderr: run.stderr, stdout: run.stdout }).toEqual({
		status: 2,
		stderr: 'HUIBIAN_SEARCH_LOOKAHEAD=0: expected a whole number ≥ 1\n',
		stdout: '',
	});
});

test('the same script with good variables goes on', async () => {
	const { spawnSync } = await import('node:child_process');
	const shell = new URL('../../scripts/lib/config.ts', import.meta.url).href;
	const code = `const { config } = await import(${JSON.stringify(shell)}); console.log(JSON.stringify(config));`;
	const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
		env: { PATH: process.env.PATH, HUIBIAN_SEARCH_LOOKAHEAD: '3' },
		encoding: 'utf8',
	});
	expect(run.status).toBe(0);
	expect(JSON.parse(run.stdout)).toEqual({
		env: { HUIBIAN_SEARCH_LOOKAHEAD: 3 },
		reportsDir: 'content/reports',
	});
});

describe("Astro's config and the build read their variables through the config module", () => {
	const astroConfig = new URL('../../astro.config.mjs', import.meta.url).href;
	const code = `const { default: c } = await import(${JSON.stringify(astroConfig)});
console.log(JSON.stringify({ base: c.base, site: c.site ?? null, outDir: c.outDir, cacheDir: c.cacheDir }));`;
	const load = async (vars: Record<string, string>) => {
		const { spawnSync } = await import('node:child_process');
		return spawnSync(process.execPath, ['--input-type=module', '-e', code], {
			env: { PATH: process.env.PATH, ...vars },
			encoding: 'utf8',
		});
	};

	test('unset (or empty): the site at /, no site URL, dist/ and the default cache folder', async () => {
		const run = await load({ HUIBIAN_SITE: '' });
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual({
			base: '/',
			site: null,
			outDir: 'dist',
			cacheDir: 'node_modules/.astro',
		});
	});

	test('set: each one is what Astro is given', async () => {
		const run = await load({
			HUIBIAN_BASE: '/kb/',
			HUIBIAN_SITE: 'https://example.org',
			HUIBIAN_OUT: '/tmp/huibian-out',
			HUIBIAN_CACHE: '/tmp/huibian-cache',
		});
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual({
			base: '/kb/',
			site: 'https://example.org',
			outDir: '/tmp/huibian-out',
			cacheDir: '/tmp/huibian-cache',
		});
	});

	test('a bad one stops Astro with its line, exit 2', async () => {
		const run = await load({ HUIBIAN_BASE: 'kb' });
		expect({ status: run.status, stderr: run.stderr, stdout: run.stdout }).toEqual({
			status: 2,
			stderr: 'HUIBIAN_BASE=kb: expected a path that starts with / (/, /kb/)\n',
			stdout: '',
		});
	});

	test('the build refuses a bad lock timeout before any work', async () => {
		const { spawnSync } = await import('node:child_process');
		const { mkdtempSync, readdirSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const out = mkdtempSync(`${tmpdir()}/huibian-config-`);
		const build = new URL('../../scripts/build.ts', import.meta.url).pathname;
		const run = spawnSync(process.execPath, [build, '--out', `${out}/dist`], {
			env: { PATH: process.env.PATH, HUIBIAN_LOCK_TIMEOUT: 'soon' },
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect({ status: run.status, stderr: run.stderr }).toEqual({
			status: 2,
			stderr: 'HUIBIAN_LOCK_TIMEOUT=soon: expected a whole number ≥ 1\n',
		});
		expect(readdirSync(out)).toEqual([]);
	});
});
