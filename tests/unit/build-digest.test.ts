import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	buildDigest,
	clearDigest,
	previousDigest,
	saveDigest,
} from '../../scripts/lib/build-digest.ts';

let tmp: string;
beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-build-digest-'));
	await mkdir(path.join(tmp, 'src/pages'), { recursive: true });
	await mkdir(path.join(tmp, 'content/sources'), { recursive: true });
	await writeFile(path.join(tmp, 'src/pages/index.astro'), '<p>甲</p>');
	await writeFile(path.join(tmp, 'content/vocabulary.yaml'), 'themes: []\n');
	await writeFile(path.join(tmp, 'content/overrides.yaml'), '# none\n');
	await writeFile(path.join(tmp, 'content/sources/a.txt'), '正文');
});
afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('buildDigest: what makes the next astro build a full one', () => {
	test('changes with code, the vocabulary and the page options; not with sources or overrides', async () => {
		const digest = () => buildDigest(tmp, { base: '/', site: undefined });
		const first = await digest();
		expect(await digest()).toBe(first);
		await writeFile(path.join(tmp, 'content/sources/a.txt'), '正文改了');
		await writeFile(path.join(tmp, 'content/overrides.yaml'), 'x:\n  unit: 乙\n');
		expect(await digest()).toBe(first);
		await writeFile(path.join(tmp, 'src/pages/index.astro'), '<p>乙</p>');
		const code = await digest();
		expect(code).not.toBe(first);
		await writeFile(path.join(tmp, 'content/vocabulary.yaml'), 'themes: [] # edited\n');
		const vocabulary = await digest();
		expect(vocabulary).not.toBe(code);
		await writeFile(path.join(tmp, 'src/pages/new.astro'), '');
		expect(await digest()).not.toBe(vocabulary);
		expect(await buildDigest(tmp, { base: '/kb/', site: undefined })).not.toBe(await digest());
		expect(await buildDigest(tmp, { base: '/', site: 'https://h.test' })).not.toBe(await digest());
	});
	test('the last successful build’s digest is kept, and cleared while a build runs', async () => {
		const cache = path.join(tmp, 'astro-cache');
		await mkdir(cache);
		expect(await previousDigest(cache)).toBe(null);
		await saveDigest(cache, 'abc');
		expect(await previousDigest(cache)).toBe('abc');
		await clearDigest(cache);
		expect(await previousDigest(cache)).toBe(null);
	});
});
