/**
 * `scripts/lib/build-reuse.ts`: when a build may keep the last build's site. The site's
 * manifest must notice any file edited, added or removed (even with its size kept), and the
 * record must never match another folder, other inputs or a corrupt file.
 */
import { mkdtemp, mkdir, rm, writeFile, utimes, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	clearLastBuild,
	contentDigest,
	inputKey,
	keptLines,
	readLastBuild,
	saveLastBuild,
	siteManifest,
	whyNotReuse,
	type BuildOutcome,
} from '../../scripts/lib/build-reuse.ts';

let tmp: string;
let site: string;
let cache: string;
const outcome: BuildOutcome = {
	inputs: 'k1',
	astro: { stage: 'astro', pages: 3, files: 1234, reused: 0, incremental: true },
	reportPages: 2,
	search: {
		stage: 'search',
		reports: 2,
		tocOnly: 1,
		ranges: 1,
		writeS: 0.1,
		chunks: 3,
		indexMiB: 0.5,
	},
};

beforeEach(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-reuse-'));
	site = path.join(tmp, 'dist');
	cache = path.join(tmp, 'cache');
	await mkdir(path.join(site, 'reports/a'), { recursive: true });
	await mkdir(cache);
	await writeFile(path.join(site, 'index.html'), '<p>首页</p>');
	await writeFile(path.join(site, 'reports/a/index.html'), '<p>报告</p>');
});
afterEach(async () => {
	await rm(tmp, { recursive: true, force: true });
});

describe('siteManifest', () => {
	test('is null for a missing folder and the same for an untouched one', async () => {
		expect(await siteManifest(path.join(tmp, 'none'))).toBeNull();
		expect(await siteManifest(site)).toBe(await siteManifest(site));
	});

	test('changes when a file is rewritten with the same bytes count, added or removed', async () => {
		const before = await siteManifest(site);
		const page = path.join(site, 'reports/a/index.html');
		await writeFile(page, '<p>报吿</p>'); // same length in UTF-8
		await utimes(page, new Date(2030, 0, 1), new Date(2030, 0, 1));
		const edited = await siteManifest(site);
		expect(edited).not.toBe(before);
		await writeFile(path.join(site, 'extra.txt'), '');
		const added = await siteManifest(site);
		expect(added).not.toBe(edited);
		await rm(path.join(site, 'extra.txt'));
		await rm(path.join(site, 'index.html'));
		expect(await siteManifest(site)).not.toBe(added);
	});
});

describe('saveLastBuild', () => {
	test('returns the bytes of the site files it recorded (the size line of the build)', async () => {
		// 首页 and 报告: 6 bytes each in UTF-8, plus the 7 bytes of <p></p>
		expect(await saveLastBuild(cache, site, outcome)).toBe(13 + 13);
		expect(await saveLastBuild(cache, path.join(tmp, 'none'), outcome)).toBeNull();
	});
});

describe('contentDigest and inputKey', () => {
	test('a changed byte, a renamed file or another option changes the key', async () => {
		const d1 = await contentDigest([site]);
		await writeFile(path.join(site, 'index.html'), '<p>首頁</p>');
		const d2 = await contentDigest([site]);
		expect(d2).not.toBe(d1);
		await rm(path.join(site, 'index.html'));
		await writeFile(path.join(site, 'index2.html'), '<p>首頁</p>');
		expect(await contentDigest([site])).not.toBe(d2);
		expect(inputKey({ a: '1', b: 2 })).toBe(inputKey({ b: 2, a: '1' }));
		expect(inputKey({ a: '1', b: 2 })).not.toBe(inputKey({ a: '1', b: 3 }));
		expect(inputKey({ a: '1', b: undefined })).not.toBe(inputKey({ a: '1', b: '' }));
	});
});

describe('whyNotReuse', () => {
	test('keeps the site only for the same folder, inputs and files', async () => {
		expect(await whyNotReuse(cache, site, 'k1')).toBe('no record of a previous build');
		await saveLastBuild(cache, site, outcome);
		expect(await whyNotReuse(cache, site, 'k1')).toBeNull();
		expect(await whyNotReuse(cache, site, 'k2')).toBe('inputs changed');
		expect(await whyNotReuse(cache, path.join(tmp, 'other'), 'k1')).toBe(
			'the last build wrote another folder',
		);
		await writeFile(path.join(site, 'index.html'), '<p>首页!</p>');
		expect(await whyNotReuse(cache, site, 'k1')).toBe(`${site} changed since the last build`);
	});

	test('a cleared, corrupt or older record keeps nothing', async () => {
		await saveLastBuild(cache, site, outcome);
		const file = path.join(cache, 'huibian-last-build.json');
		const record = await readFile(file, 'utf8');
		await clearLastBuild(cache);
		expect(await readLastBuild(cache)).toBeNull();
		await writeFile(file, record.slice(0, 20));
		expect(await whyNotReuse(cache, site, 'k1')).toBe('no record of a previous build');
		await writeFile(file, record.replace('"version":1', '"version":0'));
		expect(await readLastBuild(cache)).toBeNull();
		await writeFile(file, record);
		expect(await readLastBuild(cache)).not.toBeNull();
	});

	test('says what it kept', async () => {
		await saveLastBuild(cache, site, outcome);
		expect(keptLines((await readLastBuild(cache))!, 'dist')).toEqual([
			"astro: 0 of 1,234 pages rendered, 1,234 reused; 3 HTML, 2 report pages: the inputs are the last build's and dist is as it left it",
			'search: 2 reports + 1 正文未收录: the index of the last build, 0.50 MiB, kept',
		]);
	});
});
