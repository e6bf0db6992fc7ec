/** `scripts/lib/discard.ts`: a discarded folder is gone from its place at once and deleted soon after. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { discard, sweepTrash } from '../../scripts/lib/discard.ts';

let tmp: string;
beforeEach(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-discard-'));
});
afterEach(async () => {
	await rm(tmp, { recursive: true, force: true });
});

const emptied = async (dir: string) => {
	for (let i = 0; i < 100; i++) {
		if ((await readdir(dir)).length === 0) return true;
		await new Promise((r) => setTimeout(r, 50));
	}
	return false;
};

test('the folder leaves its place at once and the trash is emptied in the background', async () => {
	const old = path.join(tmp, 'dist.old');
	const trash = path.join(tmp, 'work/trash');
	await mkdir(path.join(old, 'reports/a'), { recursive: true });
	await writeFile(path.join(old, 'reports/a/index.html'), '<p>旧</p>');
	await discard(old, trash);
	expect(existsSync(old)).toBe(false);
	expect(await readdir(tmp)).toEqual(['work']);
	expect(await emptied(trash)).toBe(true);
	await discard(path.join(tmp, 'none'), trash); // a missing folder is fine
});

test('sweepTrash deletes what a stopped deleter left', async () => {
	const trash = path.join(tmp, 'trash');
	await mkdir(path.join(trash, 'dist.old-1-1-1/x'), { recursive: true });
	await writeFile(path.join(trash, 'dist.old-1-1-1/x/f.txt'), 'left');
	await sweepTrash(trash);
	expect(await emptied(trash)).toBe(true);
});
