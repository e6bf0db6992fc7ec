import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeSource, toLf } from '../../src/lib/ingest/decode/decode.ts';
import { isPlausibleText } from '../../src/lib/ingest/decode/plausibility.ts';

const text =
	'强素质 促发展 努力打造学习型农经新形象\n——延庆县农经站创建学习型机关自评报告\n延庆县农村合作经济经营管理站，成立于1983年5月。我们的工作是为了农民的发展，这是我们的目标。\n';
// The same text in traditional characters, for Big5.
const traditional =
	'強素質 促發展 努力打造學習型農經新形象\n——延慶縣農經站創建學習型機關自評報告\n延慶縣農村合作經濟經營管理站，成立於1983年5月。我們的工作是為了農民的發展，這是我們的目標。\n';

function utf16(textIn: string, littleEndian: boolean): Uint8Array {
	const out = new Uint8Array(2 + textIn.length * 2);
	const view = new DataView(out.buffer);
	view.setUint16(0, 0xfeff, littleEndian);
	for (let i = 0; i < textIn.length; i++)
		view.setUint16(2 + i * 2, textIn.charCodeAt(i), littleEndian);
	return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeSource', () => {
	test.each([
		['UTF-8', utf8(text), 'utf-8'],
		['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'utf-8'],
		['UTF-16 LE with BOM', utf16(text, true), 'utf-16le'],
		['UTF-16 BE with BOM', utf16(text, false), 'utf-16be'],
		['GBK', new Uint8Array(iconv.encode(text, 'gbk')), 'gb18030'],
		['GB18030', new Uint8Array(iconv.encode(text, 'gb18030')), 'gb18030'],
	])('%s decodes to the same text', (_name, bytes, encoding) => {
		const result = decodeSource('a.txt', bytes);
		expect(result).toEqual({ ok: true, text, encoding });
	});

	test.each([
		['CRLF', text.replace(/\n/g, '\r\n')],
		['CR', text.replace(/\n/g, '\r')],
	])('%s line ends become LF', (_name, input) => {
		const result = decodeSource('a.txt', utf8(input));
		expect(result.ok && result.text).toBe(text);
	});

	test('Big5 is decoded as Big5, not as GB18030 mojibake', () => {
		const result = decodeSource('big5.txt', new Uint8Array(iconv.encode(traditional, 'big5')));
		expect(result).toEqual({ ok: true, text: traditional, encoding: 'big5' });
	});

	test('Big5 with an invalid byte is refused, not decoded with the byte silently dropped', () => {
		const bytes = new Uint8Array([...iconv.encode(traditional, 'big5'), 0xff]);
		const result = decodeSource('big5.txt', bytes);
		expect(result.ok).toBe(false);
	});

	test('an empty file is refused with a message naming the file', () => {
		expect(decodeSource('empty.txt', new Uint8Array())).toEqual({
			ok: false,
			issue: {
				file: 'empty.txt',
				line: 1,
				column: 1,
				ruleId: 'decode:empty',
				severity: 'error',
				message: 'empty.txt: the file is empty. Remove it or add the text.',
			},
		});
	});

	test('a file of white space only is refused', () => {
		const result = decodeSource('blank.txt', utf8(' \n\n\t\n'));
		expect(!result.ok && result.issue.message).toBe(
			'blank.txt: the file holds no text (only white space). Remove it or add the text.',
		);
	});

	test('binary data (NUL bytes) is refused', () => {
		const result = decodeSource(
			'image.png',
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]),
		);
		expect(!result.ok && result.issue.ruleId).toBe('decode:binary');
		expect(!result.ok && result.issue.message).toBe(
			'image.png: contains NUL bytes: expected a text file, found binary data (or UTF-16 without a byte order mark). Save it as UTF-8.',
		);
	});

	test('text that decodes only to kana and private-use soup is refused, never published', () => {
		const soup = utf8('いゅ\uE003ぃ\uE004ゅか\uE011き'.repeat(20));
		const result = decodeSource('soup.txt', soup);
		expect(!result.ok && result.issue.ruleId).toBe('decode:mojibake');
		expect(!result.ok && result.issue.message).toBe(
			'soup.txt: decodes only to implausible text (kana, private-use or replacement characters instead of Chinese (first at line 1, column 1, read as UTF-8)): expected UTF-8, GB18030/GBK, Big5 or UTF-16 with a BOM. Save it as UTF-8.',
		);
	});

	test('bytes that no strict decoder accepts are refused as invalid text', () => {
		// 0xFF is not a valid byte in UTF-8, GB18030 or Big5.
		const result = decodeSource('bad.txt', new Uint8Array([0xff, 0xff, 0xff, 0xff]));
		expect(result).toEqual({
			ok: false,
			issue: {
				file: 'bad.txt',
				line: 1,
				column: 1,
				ruleId: 'decode:invalid',
				severity: 'error',
				message:
					'bad.txt: not valid UTF-8, GB18030 or Big5 text (first byte that is not UTF-8: 0xFF at line 1, column 1). Save it as UTF-8.',
			},
		});
	});

	test('a UTF-16 BOM followed by broken bytes is refused', () => {
		const result = decodeSource('odd.txt', new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]));
		expect(!result.ok && result.issue.ruleId).toBe('decode:invalid');
	});
});

describe('isPlausibleText', () => {
	test.each([
		['Chinese text', text, true],
		['Latin only', 'Hello world, no Chinese here.', true],
		[
			'Big5 bytes read as GB18030',
			new TextDecoder('gb18030').decode(iconv.encode(traditional, 'big5')),
			false,
		],
		['UTF-8 bytes read as GBK', new TextDecoder('gb18030').decode(utf8(text)), false],
	])('%s → %s', (_name, input, expected) => {
		expect(isPlausibleText(input)).toBe(expected);
	});
});

test('toLf turns CRLF and CR into LF', () => {
	expect(toLf('a\r\nb\rc\n')).toBe('a\nb\nc\n');
});
