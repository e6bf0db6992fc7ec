/**
 * `scripts/lib/write-output.ts`: with a record of the last write, an unchanged page is
 * hard-linked from the previous folder, and a page whose text changed, or whose file was edited
 * or replaced since the record was made, is written with the new text.
 */
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeOutputAtomically } from '../../scripts/lib/write-output.ts';

let tmp: string;
beforeEach(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-write-'));
});
afterEach(async () => {
	await rm(tmp, { recursive: true, force: true });
});

const inode = async (file: string) => (await stat(file)).ino;

test('unchanged pages are linked from the previous folder, changed or edited ones written', async () => {
	const first = path.join(tmp, 'first');
	const second = path.join(tmp, 'second');
	const record = path.join(tmp, 'cache/pages-written.json');
	const pages = new Map([
		['a.mdx', '甲'],
		['b.mdx', '乙'],
		['c.mdx', '丙'],
		['catalog.json', '{}\n'],
	]);
	const d1 = await writeOutputAtomically(first, pages, { from: first, record });
	// b's text changes; c is edited in place in the previous folder after the write
	await writeFile(path.join(first, 'c.mdx'), '丁');
	await utimes(path.join(first, 'c.mdx'), new Date(2030, 0, 1), new Date(2030, 0, 1));
	const next = new Map([...pages, ['b.mdx', '乙二']]);
	const d2 = await writeOutputAtomically(second, next, { from: first, record });
	expect(await inode(path.join(second, 'a.mdx'))).toBe(await inode(path.join(first, 'a.mdx')));
	expect(await inode(path.join(second, 'catalog.json'))).toBe(
		await inode(path.join(first, 'catalog.json')),
	);
	expect(await inode(path.join(second, 'b.mdx'))).not.toBe(await inode(path.join(first, 'b.mdx')));
	expect(await inode(path.join(second, 'c.mdx'))).not.toBe(await inode(path.join(first, 'c.mdx')));
	expect(await readFile(path.join(second, 'b.mdx'), 'utf8')).toBe('乙二');
	expect(await readFile(path.join(second, 'c.mdx'), 'utf8')).toBe('丙');
	expect(await readFile(path.join(second, 'a.mdx'), 'utf8')).toBe('甲');
	// The digest is of what was written, linked or not: the same pages give the same digest.
	const d3 = await writeOutputAtomically(path.join(tmp, 'third'), pages, {
		from: second,
		record,
	});
	expect(d3).toBe(d1);
	expect(d2).not.toBe(d1);
	expect(await readFile(path.join(tmp, 'third/b.mdx'), 'utf8')).toBe('乙');
});

test('a missing or corrupt record, or no reuse at all, writes every page', async () => {
	const first = path.join(tmp, 'first');
	const record = path.join(tmp, 'pages-written.json');
	const pages = new Map([['a.mdx', '甲']]);
	await writeOutputAtomically(first, pages);
	await writeFile(record, '{"files":');
	const second = path.join(tmp, 'second');
	await writeOutputAtomically(second, pages, { from: first, record });
	expect(await inode(path.join(second, 'a.mdx'))).not.toBe(await inode(path.join(first, 'a.mdx')));
	expect(await readFile(path.join(second, 'a.mdx'), 'utf8')).toBe('甲');
});
