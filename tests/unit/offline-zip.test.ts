import { inflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { openMeHtml } from '../../src/lib/offline/open-me-page.ts';
import {
	isPackaged,
	packagedFileScript,
	packagedScriptPath,
} from '../../src/lib/offline/packaged-files.ts';
import { ZipWriter } from '../../src/lib/offline/zip-writer.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function archive(entries: Array<[string, string]>): Buffer {
	const zip = new ZipWriter();
	const parts = entries.flatMap(([name, text]) => zip.add(name, enc(text)));
	return Buffer.concat([...parts, zip.finish()]);
}

/** Read an archive by the zip specification (APPNOTE 4.3): end record → central directory → local entries. */
function readZip(zip: Buffer) {
	const end = zip.length - 22;
	expect(zip.readUInt32LE(end)).toBe(0x06054b50);
	const count = zip.readUInt16LE(end + 10);
	let at = zip.readUInt32LE(end + 16);
	const entries = [];
	for (let i = 0; i < count; i++) {
		expect(zip.readUInt32LE(at)).toBe(0x02014b50);
		const flags = zip.readUInt16LE(at + 8);
		const method = zip.readUInt16LE(at + 10);
		const time = zip.readUInt16LE(at + 12);
		const date = zip.readUInt16LE(at + 14);
		const crc = zip.readUInt32LE(at + 16);
		const compressed = zip.readUInt32LE(at + 20);
		const nameLength = zip.readUInt16LE(at + 28);
		const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
		const offset = zip.readUInt32LE(at + 42);
		const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
		expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
		const localName = zip.readUInt16LE(offset + 26);
		const start = offset + 30 + localName + zip.readUInt16LE(offset + 28);
		const raw = zip.subarray(start, start + compressed);
		const data = (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
		entries.push({ name, flags, method, time, date, crc, data });
		at += 46 + nameLength + extra;
	}
	return entries;
}

describe('ZipWriter', () => {
	test('writes entries that a zip reader gets back: names in UTF-8, data, CRC-32, fixed 1980-01-01 time', () => {
		const text = '学习型社区'.repeat(200);
		const entries = readZip(
			archive([
				['hello.txt', 'hello'],
				['打开我.html', text],
			]),
		);
		expect(entries.map((e) => [e.name, e.data])).toEqual([
			['hello.txt', 'hello'],
			['打开我.html', text],
		]);
		// CRC-32 of "hello" (the standard check value, not computed by the code under test)
		expect(entries[0]?.crc).toBe(0x3610a686);
		expect(entries.map((e) => [e.flags, e.time, e.date])).toEqual([
			[0x0800, 0, 0x21],
			[0x0800, 0, 0x21],
		]);
		// a short text is stored (deflate would grow it), a repetitive one deflated
		expect(entries.map((e) => e.method)).toEqual([0, 8]);
	});

	test('is deterministic: the same entries give the same bytes', () => {
		const entries: Array<[string, string]> = [
			['a/index.html', '<p>一</p>'],
			['b.js', 'x()'.repeat(100)],
		];
		expect(archive(entries).equals(archive(entries))).toBe(true);
	});

	test('rejects a path twice and paths that leave the archive', () => {
		const zip = new ZipWriter();
		zip.add('a.txt', enc('1'));
		expect(() => zip.add('a.txt', enc('2'))).toThrowErrorMatchingInlineSnapshot(
			`[Error: Zip entry "a.txt" added twice: expected each path once]`,
		);
		expect(() => zip.add('../x', enc(''))).toThrowErrorMatchingInlineSnapshot(
			`[Error: Zip entry "../x": expected a relative path inside the archive]`,
		);
	});
});

describe('packaged files', () => {
	test('a packaged file is a classic script handing its base64 bytes to the runtime', () => {
		expect(packagedScriptPath('pagefind/index/und_1.pf_index')).toBe(
			'_offline/files/pagefind/index/und_1.pf_index.js',
		);
		expect(packagedFileScript('search/a.json', enc('{"gram":2}'))).toBe(
			'__huibianOffline.put("search/a.json","eyJncmFtIjoyfQ==");\n',
		);
	});

	test.each([
		['pagefind/pagefind-entry.json', false, true],
		['pagefind/wasm.unknown.pagefind', false, true],
		['pagefind/fragment/und_1.pf_fragment', false, true],
		['pagefind/pagefind.js', true, false],
		['pagefind/pagefind-ui.css', true, false],
		['search/search-config.json', true, true],
		['catalog.json', false, false],
		['search/index.html', true, false],
	])('%s (named by a script: %s) is packaged: %s', (sitePath, named, expected) => {
		expect(isPackaged(sitePath, () => named)).toBe(expected);
	});
});

describe('打开我.html', () => {
	test('links the site folder and says to unzip first', () => {
		const html = openMeHtml({ title: '知识库', siteFolder: 'huibian' });
		expect(html).toContain('<a href="huibian/index.html">打开知识库</a>');
		expect(html).toContain('请先把整个压缩包解压');
		expect(html.startsWith('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">')).toBe(
			true,
		);
	});
});
