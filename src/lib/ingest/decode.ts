/**
 * Decode the bytes of a source file to a string with LF line ends.
 *
 * Tries, in order: a BOM (UTF-8, UTF-16 LE/BE), strict UTF-8, strict GB18030 (covers GBK),
 * strict Big5. A strict decode that succeeds is only accepted when the text is plausible
 * Chinese (`isPlausibleText`): GB18030 decodes almost any byte string, so Big5 read as
 * GB18030 comes out as kana and private-use soup and must be refused, not published.
 *
 * Doesn’t guess with a statistical detector, and doesn’t normalise anything but line ends.
 */
import type { IngestIssue } from './types.ts';
import { isPlausibleText, isPlausibleUnits } from './plausibility.ts';
import { unitsToString, utf8Units } from './utf8.ts';

export type Decoded =
	| { ok: true; text: string; encoding: string }
	| { ok: false; issue: IngestIssue };

// One strict decoder per encoding, made on first use (a fatal decoder keeps no state between calls).
const DECODERS = new Map<string, TextDecoder>();

function strict(label: string, bytes: Uint8Array): string | null {
	let decoder = DECODERS.get(label);
	if (!decoder) DECODERS.set(label, (decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false })));
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

function refuse(file: string, ruleId: string, message: string): Decoded {
	return { ok: false, issue: { file, line: 1, column: 1, ruleId, severity: 'error', message } };
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

/**
 * @param file Source file name, used in issues.
 * @param bytes Raw file content.
 * @returns The decoded text (BOM removed, LF line ends) or an error issue that names the file
 *   and says what is wrong (`decode:empty`, `decode:binary`, `decode:invalid`, `decode:mojibake`).
 */
export function decodeSource(file: string, bytes: Uint8Array): Decoded {
	if (bytes.length === 0) return refuse(file, 'decode:empty', `${file}: the file is empty. Remove it or add the text.`);
	const bom = bomEncoding(bytes);
	if (bom) {
		const text = strict(bom, bytes);
		if (text === null) {
			return refuse(file, 'decode:invalid', `${file}: starts with a ${bom.toUpperCase()} byte order mark, but the bytes after it are not valid ${bom.toUpperCase()}.`);
		}
		return finish(file, text, bom);
	}
	if (bytes.includes(0)) {
		return refuse(file, 'decode:binary', `${file}: contains NUL bytes: expected a text file, found binary data (or UTF-16 without a byte order mark). Save it as UTF-8.`);
	}
	let sawDecodable = false;
	// UTF-8 first, the common case, without V8's slow UTF-8 → string path (see `utf8.ts`); bytes
	// it refuses go to TextDecoder below, which decides.
	const units = utf8Units(bytes);
	if (units) {
		sawDecodable = true;
		if (isPlausibleUnits(units)) return finish(file, unitsToString(units), 'utf-8', true);
	}
	for (const label of units ? ['gb18030', 'big5'] : ['utf-8', 'gb18030', 'big5']) {
		const text = label === 'big5' ? strictBig5(bytes) : strict(label, bytes);
		if (text === null) continue;
		sawDecodable = true;
		if (isPlausibleText(text)) return finish(file, text, label, true);
	}
	if (!sawDecodable) {
		return refuse(file, 'decode:invalid', `${file}: not valid UTF-8, GB18030 or Big5 text. Save it as UTF-8.`);
	}
	return refuse(file, 'decode:mojibake', `${file}: decodes only to implausible text (kana, private-use or replacement characters instead of Chinese): expected UTF-8, GB18030/GBK, Big5 or UTF-16 with a BOM. Save it as UTF-8.`);
}

function finish(file: string, text: string, encoding: string, checked = false): Decoded {
	const lf = toLf(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	if (!/\S/.test(lf)) return refuse(file, 'decode:empty', `${file}: the file holds no text (only white space). Remove it or add the text.`);
	if (!checked && !isPlausibleText(lf)) {
		return refuse(file, 'decode:mojibake', `${file}: decoded as ${encoding.toUpperCase()}, but the text is not plausible (kana, private-use or replacement characters instead of Chinese). Check the encoding.`);
	}
	return { ok: true, text: lf, encoding };
}
