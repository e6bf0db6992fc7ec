/**
 * Strict UTF-8 → UTF-16 in plain JavaScript, for the common case of the decoder: a UTF-8 source.
 *
 * Converting the bytes to UTF-16 code units here and making the string from those
 * (`TextDecoder('utf-16le')`, a copy) is faster than V8's own UTF-8 decoding of Chinese text
 * (`TextDecoder('utf-8')`; figures in docs/scale/README.md, “Figures behind the code”), and the code units can be
 * classified (`isPlausibleUnits`) without reading the string again.
 *
 * Accepts exactly the well-formed sequences of the WHATWG UTF-8 decoder (no overlong forms, no
 * surrogates, nothing above U+10FFFF, no truncated sequence); anything else returns null and the
 * caller asks `TextDecoder` (which then refuses it too). Doesn’t strip a BOM: the caller handles
 * one before calling.
 */

// The code units of the last call: grown when needed, reused by the next call (the caller
// copies them into a string at once).
let scratch = new Uint16Array(1 << 16);

/**
 * @returns The UTF-16 code units of `bytes` (a view of a buffer the next call reuses), or null
 *   when `bytes` is not well-formed UTF-8.
 */
export function utf8Units(bytes: Uint8Array): Uint16Array | null {
	if (scratch.length < bytes.length)
		scratch = new Uint16Array(Math.max(bytes.length, 2 * scratch.length));
	const length = convert(bytes, scratch);
	return length < 0 ? null : scratch.subarray(0, length);
}

/**
 * The loop, apart: it runs once per source and is optimised while it runs (on-stack
 * replacement); code after the loop that it never reached before (`subarray`) would make the
 * optimised code bail out at the end of every later call.
 * @returns The number of code units written to `out`, or -1 for bytes that are not UTF-8.
 */
function convert(bytes: Uint8Array, out: Uint16Array): number {
	const n = bytes.length;
	let i = 0;
	let j = 0;
	while (i < n) {
		const b0 = bytes[i]!;
		if (b0 < 0x80) {
			out[j++] = b0;
			i++;
			continue;
		}
		if (b0 >= 0xe0 && b0 <= 0xef) {
			// Three bytes (all of CJK): E0 needs A0–BF next (no overlong form), ED 80–9F (no surrogate).
			if (i + 2 >= n) return -1;
			const b1 = bytes[i + 1]!;
			const b2 = bytes[i + 2]!;
			const low = b0 === 0xe0 ? 0xa0 : 0x80;
			const high = b0 === 0xed ? 0x9f : 0xbf;
			if (b1 < low || b1 > high || (b2 & 0xc0) !== 0x80) return -1;
			out[j++] = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
			i += 3;
		} else if (b0 >= 0xc2 && b0 <= 0xdf) {
			if (i + 1 >= n) return -1;
			const b1 = bytes[i + 1]!;
			if ((b1 & 0xc0) !== 0x80) return -1;
			out[j++] = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
			i += 2;
		} else if (b0 >= 0xf0 && b0 <= 0xf4) {
			// Four bytes: F0 needs 90–BF next (no overlong form), F4 80–8F (nothing above U+10FFFF).
			if (i + 3 >= n) return -1;
			const b1 = bytes[i + 1]!;
			const b2 = bytes[i + 2]!;
			const b3 = bytes[i + 3]!;
			const low = b0 === 0xf0 ? 0x90 : 0x80;
			const high = b0 === 0xf4 ? 0x8f : 0xbf;
			if (b1 < low || b1 > high || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return -1;
			const cp =
				(((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)) - 0x10000;
			out[j++] = 0xd800 | (cp >> 10);
			out[j++] = 0xdc00 | (cp & 0x3ff);
			i += 4;
		} else return -1;
	}
	return j;
}

// UTF-16 in the machine's byte order (a Uint16Array is stored in it).
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16 = new TextDecoder(LITTLE_ENDIAN ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });

/** The string of some UTF-16 code units (a copy: the units may be reused afterwards). */
export function unitsToString(units: Uint16Array): string {
	return UTF16.decode(units);
}
