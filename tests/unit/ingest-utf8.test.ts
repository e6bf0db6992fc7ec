import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../src/lib/ingest/decode/decode.ts';
import { isPlausibleText, isPlausibleUnits } from '../../src/lib/ingest/decode/plausibility.ts';
import { unitsToString, utf8Units } from '../../src/lib/ingest/decode/utf8.ts';

const reference = new TextDecoder('utf-8', { fatal: true });
function strict(bytes: Uint8Array): string | null {
	try {
		return reference.decode(bytes);
	} catch {
		return null;
	}
}
function mine(bytes: Uint8Array): string | null {
	const units = utf8Units(bytes);
	return units ? unitsToString(units) : null;
}

// Bytes at the edges of the UTF-8 ranges (ASCII, continuation, overlong leads, surrogate and
// U+10FFFF limits, invalid leads).
const EDGES = [
	0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe4, 0xed,
	0xef, 0xf0, 0xf4, 0xf5, 0xff,
];

describe('utf8Units', () => {
	test('accepts and decodes exactly what the strict WHATWG decoder accepts (every lead and second byte)', () => {
		const mismatches: string[] = [];
		for (let a = 0; a < 256; a++) {
			for (let b = 0; b < 256; b++) {
				for (const rest of [
					[0x80, 0x80, 0x41],
					[0xbf, 0xc0],
				]) {
					const bytes = new Uint8Array([0x78, a, b, ...rest]);
					if (mine(bytes) !== strict(bytes))
						mismatches.push([...bytes].map((x) => x.toString(16)).join(' '));
				}
			}
		}
		expect(mismatches.slice(0, 5)).toEqual([]);
	});

	test('agrees with the strict decoder on sequences built from edge bytes, cut at every length', () => {
		const mismatches: string[] = [];
		for (const a of EDGES)
			for (const b of EDGES)
				for (const c of EDGES)
					for (const d of [0x41, 0x80, 0xbf, 0xc0]) {
						const bytes = new Uint8Array([a, b, c, d]);
						for (let end = 1; end <= 4; end++) {
							const cut = bytes.subarray(0, end);
							// A leading BOM is stripped by TextDecoder, never passed here (decode.ts handles it).
							if (a === 0xef && b === 0xbb && c === 0xbf) continue;
							if (mine(cut) !== strict(cut))
								mismatches.push([...cut].map((x) => x.toString(16)).join(' '));
						}
					}
		expect(mismatches.slice(0, 5)).toEqual([]);
	});

	test('decodes Chinese, Latin and astral text to the same string as TextDecoder', () => {
		const text = '强素质 促发展 “五子行动”，2010年 café 𠮷😀 ——延庆县\n';
		const bytes = new TextEncoder().encode(text.repeat(3000));
		expect(mine(bytes)).toBe(text.repeat(3000));
		// The scratch buffer is reused: a shorter text after a longer one is not polluted.
		expect(mine(new TextEncoder().encode('短'))).toBe('短');
	});
});

describe('isPlausibleUnits', () => {
	test.each([
		[
			'Chinese',
			'学习型机关的提法，源于20世纪60年代联合国教科文组织提出的“终身教育”理念。'.repeat(4),
		],
		['Latin only', 'Plain ASCII text, nothing else.'],
		['kana soup', 'いゅ\uE003ぃ\uE004ゅか\uE011き'.repeat(20)],
		['rare Han only', '龘靐齉爩龖'.repeat(20)],
	])('%s: same verdict as isPlausibleText', (_name, text) => {
		const units = Uint16Array.from(text, (ch) => ch.charCodeAt(0));
		expect(isPlausibleUnits(units)).toBe(isPlausibleText(text));
	});
});

describe('decodeSource on the JavaScript UTF-8 path', () => {
	test('UTF-8 with astral characters decodes as UTF-8, text unchanged', () => {
		const text = '学习型机关𠮷建设，成效显著。😀\n'.repeat(20);
		expect(decodeSource('a.txt', new TextEncoder().encode(text))).toEqual({
			ok: true,
			text,
			encoding: 'utf-8',
		});
	});

	test('bytes with an overlong form are not decoded as UTF-8', () => {
		const bytes = new Uint8Array([
			...new TextEncoder().encode('学习型机关'.repeat(10)),
			0xc0,
			0xaf,
		]);
		const result = decodeSource('bad.txt', bytes);
		expect(result.ok && result.encoding).not.toBe('utf-8');
	});
});
