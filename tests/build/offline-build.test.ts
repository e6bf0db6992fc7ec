/**
 * `npm run build -- --zip <out>/downloads/huibian-offline.zip`: the online site, with its data
 * page linking the zip, and the zip of the offline edition (read back with Info-ZIP's `unzip`).
 * Every page of the edition in the zip links only relative URLs to files that exist, and runs
 * no module script. The same sources give the same zip, byte for byte, whichever way it is made.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { attrValues, htmlFiles } from './browse-site.ts';

const site = inject('siteDir');
const root = path.resolve(import.meta.dirname, '../..');

function run(
	args: string[],
	env: Record<string, string> = {},
): Promise<{ code: number | null; text: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, ...env },
		});
		let text = '';
		child.stdout.on('data', (c: Buffer) => (text += c.toString()));
		child.stderr.on('data', (c: Buffer) => (text += c.toString()));
		child.on('close', (code) => resolve({ code, text }));
	});
}

describe('the offline zip built with the site', () => {
	let work: string;
	let out: string;
	let zip: string;
	let unpacked: string;
	let build: { code: number | null; text: string };

	beforeAll(async () => {
		work = await mkdtemp(path.join(tmpdir(), 'huibian-offline-build-'));
		out = path.join(work, 'dist');
		zip = path.join(out, 'downloads/huibian-offline.zip');
		build = await run(
			[
				path.join(root, 'scripts/build.ts'),
				'--sources',
				path.join(root, 'content/sources'),
				'--out',
				out,
				'--reports-dir',
				path.join(work, 'reports'),
				'--zip',
				zip,
			],
			{ HUIBIAN_CACHE: path.join(work, 'astro-cache') },
		);
		unpacked = path.join(work, 'unpacked');
		if (existsSync(zip)) execFileSync('unzip', ['-q', zip, '-d', unpacked]);
	});
	afterAll(async () => {
		if (work) await rm(work, { recursive: true, force: true });
	});

	test('the build succeeds and says what it wrote', () => {
		expect(build.text).toMatch(/offline: edition for the zip: \d+ files/);
		expect(build.text).toMatch(/offline: .*huibian-offline\.zip: zip of \d+ files/);
		expect(build.code).toBe(0);
	});

	test('the online data page links the zip; the offline edition leaves that link out', () => {
		const online = readFileSync(path.join(out, 'data/index.html'), 'utf8');
		expect(attrValues(online, 'href')).toContain('/downloads/huibian-offline.zip');
		const offline = readFileSync(path.join(unpacked, 'huibian/data/index.html'), 'utf8');
		expect(offline).not.toContain('huibian-offline.zip');
		expect(offline).toContain('reports.csv');
	});

	test('the zip is valid, sorted, with fixed times, 打开我.html at its root linking into the site', () => {
		expect(execFileSync('unzip', ['-tq', zip]).toString()).toMatch(/^No errors detected/);
		const names = execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n');
		expect(names).toEqual([...names].sort());
		expect(names.filter((n) => !n.startsWith('huibian/'))).toEqual(['打开我.html']);
		expect(names).toContain('huibian/index.html');
		expect(names).toContain('huibian/_offline/runtime.js');
		const times = new Set(
			execFileSync('unzip', ['-Zl', zip])
				.toString()
				.match(/\d{2}-\w{3}-\d{2} \d\d:\d\d/g),
		);
		expect([...times]).toEqual(['80-Jan-01 00:00']);
		const openMe = readFileSync(path.join(unpacked, '打开我.html'), 'utf8');
		expect(attrValues(openMe, 'href')).toEqual(['huibian/index.html']);
	});

	test('every page of the edition links only relative URLs to files that exist, and runs no module script', () => {
		const edition = path.join(unpacked, 'huibian');
		const pages = htmlFiles(edition);
		expect(pages.length).toBe(htmlFiles(site).length);
		const bad: string[] = [];
		for (const page of pages) {
			const text = readFileSync(path.join(edition, page), 'utf8');
			if (/<script[^>]*type="module"/.test(text)) bad.push(`${page}: module script`);
			for (const ref of [
				...attrValues(text, 'href'),
				...attrValues(text, 'src'),
				...attrValues(text, 'action'),
			]) {
				if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('#') || ref.startsWith('?'))
					continue;
				if (ref.startsWith('/')) {
					bad.push(`${page}: ${ref} (root-absolute)`);
					continue;
				}
				const file = decodeURIComponent(ref.split(/[?#]/)[0] ?? '');
				const target = path.join(edition, path.dirname(page), file);
				if (!existsSync(target) || !statSync(target).isFile())
					bad.push(`${page}: ${ref} (no file)`);
			}
		}
		expect(bad.slice(0, 20)).toEqual([]);
	});

	test('the same sources give the same zip from scripts/offline.ts, on the test build or on this site with its zip inside', async () => {
		const expected = await readFile(zip);
		for (const [name, from] of [
			['test-site', site],
			['this-site', out],
		] as const) {
			const again = path.join(work, `${name}.zip`);
			const made = await run([
				path.join(root, 'scripts/offline.ts'),
				'--site',
				from,
				'--out',
				path.join(work, name),
				'--zip',
				again,
			]);
			expect(made.code).toBe(0);
			// the zip inside the online site is linked only by the data page's online-only link: not copied
			expect(existsSync(path.join(work, name, 'downloads'))).toBe(false);
			expect((await readFile(again)).equals(expected)).toBe(true);
		}
	});

	test('a zip inside the offline edition itself is refused before anything is built', async () => {
		const refused = await run([
			path.join(root, 'scripts/build.ts'),
			'--offline',
			'--out',
			path.join(work, 'x'),
			'--zip',
			path.join(work, 'x/a.zip'),
		]);
		expect(refused.code).toBe(2);
		expect(refused.text).toContain('is inside the offline edition (--out); write it beside it');
		expect(existsSync(path.join(work, 'x'))).toBe(false);
	});
});
