/**
 * Decode the bytes of a source file to a string with LF line ends.
 *
 * Tries, in order: a BOM (UTF-8, UTF-16 LE/BE), strict UTF-8, strict GB18030 (covers GBK),
 * strict Big5. A strict decode that succeeds is only accepted when the text is plausible
 * Chinese (`isPlausibleText`): GB18030 decodes almost any byte string, so Big5 read as
 * GB18030 comes out as kana and private-use soup and must be refused, not published.
 * Japanese text (EUC-JP, Shift_JIS) is refused before the Chinese decoders run: EUC-JP is
 * valid Big5 and GB18030 byte for byte and would be published as mojibake. It is recognised by
 * its kana when read as EUC-JP / Shift_JIS (`JAPANESE_KANA_SHARE` of the non-ASCII characters);
 * Chinese text has none (GBK read as EUC-JP keeps its no-kana, read as Shift_JIS gives
 * half-width katakana, which don't count). Korean (EUC-KR/UHC) is valid GB18030 too and comes
 * out as plausible-looking Han; it is refused when its EUC-KR reading is almost all Hangul
 * (`KOREAN_HANGUL_SHARE`) with spaces between words (`KOREAN_WORD_SPACES`): GB2312 Chinese read
 * as EUC-KR is about half Hangul (punctuation and the Han rows past 0xC8 aren't) and has no such
 * spaces, even letter-spaced text. Every refusal names the line and column of the
 * first bad byte (or implausible character) when there is one.
 *
 * Doesn’t guess with a statistical detector, and doesn’t normalise anything but line ends.
 */
import type { IngestIssue } from '../types.ts';
import {
	firstImplausible,
	hangulShare,
	isPlausibleText,
	isPlausibleUnits,
	kanaShare,
} from './plausibility.ts';
import { unitsToString, utf8Units } from './utf8.ts';

export type Decoded =
	{ ok: true; text: string; encoding: string } | { ok: false; issue: IngestIssue };

// One strict decoder per encoding, made on first use (a fatal decoder keeps no state between calls).
const DECODERS = new Map<string, TextDecoder>();

function strict(label: string, bytes: Uint8Array): string | null {
	let decoder = DECODERS.get(label);
	if (!decoder)
		DECODERS.set(label, (decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false })));
	try {
		return decoder.decode(bytes);
	} catch {
		return null;
	}
}

/**
 * Node’s (ICU’s) Big5 decoder drops invalid bytes silently even with `fatal: true`, so check
 * the byte structure first and make sure no character went missing.
 */
function strictBig5(bytes: Uint8Array): string | null {
	let chars = 0;
	for (let i = 0; i < bytes.length; i++, chars++) {
		const b = bytes[i]!;
		if (b < 0x80) continue;
		const trail = bytes[i + 1];
		if (b === 0x80 || b === 0xff || trail === undefined) return null;
		if (!((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) return null;
		i++;
	}
	const text = strict('big5', bytes);
	return text !== null && text.length >= chars ? text : null;
}

/** Least share of kana among the non-ASCII characters for a text to count as Japanese. */
const JAPANESE_KANA_SHARE = 0.1;

function refuse(
	file: string,
	ruleId: string,
	message: string,
	place = { line: 1, column: 1 },
): Decoded {
	return {
		ok: false,
		issue: { file, line: place.line, column: place.column, ruleId, severity: 'error', message },
	};
}

/** 1-based line and column (in characters, read leniently as UTF-8) of byte `index`. */
function placeOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
	let line = 1;
	let start = 0;
	for (let i = 0; i < index; i++) {
		if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a))
			(line++, (start = i + 1));
	}
	const column = new TextDecoder().decode(bytes.subarray(start, index)).length + 1;
	return { line, column };
}

/** 1-based line and column of character `index` of a decoded text (any line ends). */
function placeOfChar(text: string, index: number): { line: number; column: number } {
	const before = text.slice(0, index).replace(/\r\n?/g, '\n');
	const lf = before.lastIndexOf('\n');
	return { line: before.split('\n').length, column: before.length - lf };
}

/** Index of the first byte that is not part of valid UTF-8 (from `from`), or -1. */
function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
	for (let i = from; i < bytes.length;) {
		const b = bytes[i]!;
		const n =
			b < 0x80
				? 0
				: b >= 0xc2 && b <= 0xdf
					? 1
					: b >= 0xe0 && b <= 0xef
						? 2
						: b >= 0xf0 && b <= 0xf4
							? 3
							: -1;
		if (n < 0) return i;
		for (let k = 1; k <= n; k++) {
			const t = bytes[i + k];
			if (t === undefined || (t & 0xc0) !== 0x80) return i;
		}
		// Overlong, surrogate and out-of-range forms of 3- and 4-byte sequences.
		const t1 = bytes[i + 1] ?? 0;
		if (
			(b === 0xe0 && t1 < 0xa0) ||
			(b === 0xed && t1 > 0x9f) ||
			(b === 0xf0 && t1 < 0x90) ||
			(b === 0xf4 && t1 > 0x8f)
		)
			return i;
		i += n + 1;
	}
	return -1;
}

const hex = (b: number | undefined) => `0x${(b ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;

/** Least share of Hangul among the non-ASCII characters of an EUC-KR reading for Korean. */
const KOREAN_HANGUL_SHARE = 0.8;
/** Least number of spaces between two Hangul syllables per non-ASCII character for Korean. */
const KOREAN_WORD_SPACES = 0.05;

/** Do the bytes read as Korean text in EUC-KR (UHC)? Needs 20 non-ASCII characters to say. */
function isKorean(bytes: Uint8Array): boolean {
	const text = strict('euc-kr', bytes);
	if (text === null) return false;
	const { hangul, nonAscii, wordSpaces } = hangulShare(text);
	return (
		nonAscii >= 20 &&
		hangul >= KOREAN_HANGUL_SHARE * nonAscii &&
		wordSpaces >= KOREAN_WORD_SPACES * nonAscii
	);
}

/** `EUC-JP` or `Shift_JIS` when the bytes read as Japanese text in it, else null. */
function japaneseEncoding(bytes: Uint8Array): string | null {
	for (const [label, name] of [
		['euc-jp', 'EUC-JP'],
		['shift_jis', 'Shift_JIS'],
	] as const) {
		const text = strict(label, bytes);
		if (text === null) continue;
		const { kana, nonAscii } = kanaShare(text);
		if (kana >= 3 && kana >= JAPANESE_KANA_SHARE * nonAscii) return name;
	}
	return null;
}

/** CRLF and lone CR become LF. */
export function toLf(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function bomEncoding(bytes: Uint8Array): string | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/** Bytes after a byte order mark: decoded in its encoding, or refused at the first bad byte. */
function decodeWithBom(file: string, bytes: Uint8Array, bom: string): Decoded {
	const text = strict(bom, bytes);
	if (text !== null) return finish(file, text, bom);
	const bad = bom === 'utf-8' ? firstInvalidUtf8(bytes, 3) : -1;
	const at = bad >= 0 ? placeOfByte(bytes, bad) : undefined;
	const where = at
		? ` (first bad byte ${hex(bytes[bad])} at line ${at.line}, column ${at.column})`
		: '';
	return refuse(
		file,
		'decode:invalid',
		`${file}: starts with a ${bom.toUpperCase()} byte order mark, but the bytes after it are not valid ${bom.toUpperCase()}${where}. Save it again as ${bom.toUpperCase()}.`,
		at,
	);
}

/** Bytes that are not UTF-8 but read as Japanese or Korean text: refused (they'd be mojibake). */
function refuseForeign(file: string, bytes: Uint8Array): Decoded | null {
	const japanese = japaneseEncoding(bytes);
	if (japanese) {
		const at = placeOfByte(bytes, Math.max(0, firstInvalidUtf8(bytes)));
		return refuse(
			file,
			'decode:japanese',
			`${file}: reads as Japanese text in ${japanese}: expected Chinese text (UTF-8, GB18030/GBK, Big5 or UTF-16 with a BOM), and reading it as GB18030 or Big5 would publish mojibake. Save it as UTF-8 if it belongs here.`,
			at,
		);
	}
	if (isKorean(bytes)) {
		const at = placeOfByte(bytes, Math.max(0, firstInvalidUtf8(bytes)));
		return refuse(
			file,
			'decode:korean',
			`${file}: reads as Korean text in EUC-KR: expected Chinese text (UTF-8, GB18030/GBK, Big5 or UTF-16 with a BOM), and reading it as GB18030 would publish mojibake. Save it as UTF-8 if it belongs here.`,
			at,
		);
	}
	return null;
}

/** Bytes no encoding decodes: refused at the first byte that is not UTF-8. */
function refuseUndecodable(file: string, bytes: Uint8Array): Decoded {
	const bad = Math.max(0, firstInvalidUtf8(bytes));
	const at = placeOfByte(bytes, bad);
	return refuse(
		file,
		'decode:invalid',
		`${file}: not valid UTF-8, GB18030 or Big5 text (first byte that is not UTF-8: ${hex(bytes[bad])} at line ${at.line}, column ${at.column}). Save it as UTF-8.`,
		at,
	);
}

/** Bytes that decode, but only to implausible text: refused at its first implausible character. */
function refuseImplausible(file: string, bytes: Uint8Array, units: Uint16Array | null): Decoded {
	const shown = units ? unitsToString(units) : strict('gb18030', bytes);
	const soup = shown === null ? -1 : firstImplausible(shown);
	const at = shown !== null && soup >= 0 ? placeOfChar(shown, soup) : undefined;
	const where = at
		? ` (first at line ${at.line}, column ${at.column}, read as ${units ? 'UTF-8' : 'GB18030'})`
		: '';
	return refuse(
		file,
		'decode:mojibake',
		`${file}: decodes only to implausible text (kana, private-use or replacement characters instead of Chinese${where}): expected UTF-8, GB18030/GBK, Big5 or UTF-16 with a BOM. Save it as UTF-8.`,
		at,
	);
}

/**
 * @param file Source file name, used in issues.
 * @param bytes Raw file content.
 * @returns The decoded text (BOM removed, LF line ends) or an error issue that names the file
 *   and says what is wrong (`decode:empty`, `decode:binary`, `decode:invalid`, `decode:mojibake`).
 */
export function decodeSource(file: string, bytes: Uint8Array): Decoded {
	if (bytes.length === 0)
		return refuse(file, 'decode:empty', `${file}: the file is empty. Remove it or add the text.`);
	const bom = bomEncoding(bytes);
	if (bom) return decodeWithBom(file, bytes, bom);
	if (bytes.includes(0)) {
		return refuse(
			file,
			'decode:binary',
			`${file}: contains NUL bytes: expected a text file, found binary data (or UTF-16 without a byte order mark). Save it as UTF-8.`,
			placeOfByte(bytes, bytes.indexOf(0)),
		);
	}
	let sawDecodable = false;
	// UTF-8 first, the common case, without V8's slow UTF-8 → string path (see `utf8.ts`); bytes
	// it refuses go to TextDecoder below, which decides.
	const units = utf8Units(bytes);
	if (units) {
		sawDecodable = true;
		if (isPlausibleUnits(units)) return finish(file, unitsToString(units), 'utf-8', true);
	}
	const foreign = units ? null : refuseForeign(file, bytes);
	if (foreign) return foreign;
	for (const label of units ? ['gb18030', 'big5'] : ['utf-8', 'gb18030', 'big5']) {
		const text = label === 'big5' ? strictBig5(bytes) : strict(label, bytes);
		if (text === null) continue;
		sawDecodable = true;
		if (isPlausibleText(text)) return finish(file, text, label, true);
	}
	if (!sawDecodable) return refuseUndecodable(file, bytes);
	return refuseImplausible(file, bytes, units);
}

function finish(file: string, text: string, encoding: string, checked = false): Decoded {
	const lf = toLf(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	if (!/\S/.test(lf))
		return refuse(
			file,
			'decode:empty',
			`${file}: the file holds no text (only white space). Remove it or add the text.`,
		);
	if (!checked && !isPlausibleText(lf)) {
		const soup = firstImplausible(lf);
		return refuse(
			file,
			'decode:mojibake',
			`${file}: decoded as ${encoding.toUpperCase()}, but the text is not plausible (kana, private-use or replacement characters instead of Chinese). Check the encoding.`,
			soup >= 0 ? placeOfChar(lf, soup) : undefined,
		);
	}
	return { ok: true, text: lf, encoding };
}
