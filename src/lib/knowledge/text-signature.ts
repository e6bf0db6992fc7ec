/**
 * A small fingerprint of a report's text, and how alike two texts are by their fingerprints:
 * the estimated Jaccard similarity of their sets of 4-character shingles (a bottom-k sketch).
 *
 * The text is folded first (NFKC, lower case, only letters and digits kept), so a report printed
 * with other punctuation, spaces, line breaks or full-/half-width forms has the same shingles. A
 * one-character typo changes at most 4 shingles of a report's thousands; a rewritten paragraph
 * out of ten changes about a tenth of them.
 *
 * The sketch keeps the `SKETCH_SIZE` smallest distinct 32-bit hashes of the shingles (all of them
 * for a short text, whose similarity is then exact). Two sketches estimate the Jaccard index as
 * the share of the k smallest hashes of their union that both hold (Broder 1997); with k = 64
 * its standard error is at most 0.0625 (at J = 0.5).
 *
 * @example
 *   similarity(textSignature('一、加强学习。二、创新机制。'), textSignature('一、加强学习，二、创新机制'))
 *   → 1 (same letters, other punctuation)
 *
 * Doesn't look at titles, units or positions (the id matcher weighs those).
 */

/** Number of hashes kept per text. */
const SKETCH_SIZE = 64;
/** Shingle length, in characters of the folded text. */
const SHINGLE = 4;
/**
 * Two texts with an estimated Jaccard index of their shingles at or above this are "most of the
 * same text" (INGEST-SPEC §2, ids and reprints): when two texts share a fraction f of their
 * shingles each, J = f / (2 − f), so 0.5 means two thirds of the text in common.
 */
export const SAME_TEXT = 0.5;

// Which UTF-16 units are kept (letters and digits, `\p{L}\p{N}`), made once: a table lookup per
// character is several times faster than a Unicode-property regex over the text. Surrogates are
// kept (the characters beyond the BMP are CJK extensions, letters).
let KEEP: Uint8Array | null = null;
function keepTable(): Uint8Array {
	if (KEEP) return KEEP;
	const table = new Uint8Array(0x10000);
	const letterOrDigit = /^[\p{L}\p{N}]$/u;
	for (let c = 0; c < 0x10000; c++)
		table[c] = (c >= 0xd800 && c <= 0xdfff) || letterOrDigit.test(String.fromCharCode(c)) ? 1 : 0;
	return (KEEP = table);
}

/** The UTF-16 units of the text: letters and digits only, NFKC-folded, lower case. */
function foldUnits(text: string): Uint16Array {
	const folded = text.normalize('NFKC').toLowerCase();
	const keep = keepTable();
	const units = new Uint16Array(folded.length);
	let n = 0;
	for (let i = 0; i < folded.length; i++) {
		const c = folded.charCodeAt(i);
		if (keep[c] === 1) units[n++] = c;
	}
	return units.subarray(0, n);
}

/** One step of the shingle hash (murmur3's block mix). */
function mix(h: number, c: number): number {
	h = Math.imul(h ^ c, 0xcc9e2d51);
	h = (h << 15) | (h >>> 17);
	return Math.imul(h, 0x1b873593);
}

/** 32-bit hash of `n` units of `s` from `at` (murmur3-style mixing and finaliser). */
function shingleHash(s: Uint16Array, at: number, n: number): number {
	let h = 0x9747b28c ^ n;
	for (let i = at; i < at + n; i++) h = mix(h, s[i]!);
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/**
 * The sketch of a text: its `SKETCH_SIZE` smallest shingle hashes, ascending, as 8-digit hex
 * joined (at most 512 characters; '' for a text without letters or digits).
 */
export function textSignature(text: string): string {
	const folded = foldUnits(text);
	const n = Math.min(SHINGLE, folded.length);
	const count = n > 0 ? folded.length - n + 1 : 0;
	const all = new Uint32Array(count);
	for (let i = 0; i < count; i++) all[i] = shingleHash(folded, i, n);
	// Only hashes below a cutoff can be among the smallest: one where about 8k of them are
	// expected (hashes are uniform) is sorted instead of all; too few distinct below it (many
	// repeated shingles) and every hash is sorted. The result is the same either way.
	const cutoff = Math.min(2 ** 32, Math.ceil((2 ** 32 * 8 * SKETCH_SIZE) / Math.max(count, 1)));
	const small = all.filter((h) => h < cutoff);
	let sketch = smallestDistinct(small.sort());
	if (sketch.length < SKETCH_SIZE && small.length < count) sketch = smallestDistinct(all.sort());
	return sketch.map((h) => h.toString(16).padStart(8, '0')).join('');
}

/** The first `SKETCH_SIZE` distinct values of an ascending array. */
function smallestDistinct(sorted: Uint32Array): number[] {
	const out: number[] = [];
	for (let i = 0; i < sorted.length && out.length < SKETCH_SIZE; i++)
		if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
	return out;
}

/** The hashes of a signature (throws on a malformed one: the registry checks them first). */
export function signatureHashes(signature: string): number[] {
	if (!isSignature(signature))
		throw new Error(
			`Expected a text signature (hex, 8 digits per hash, at most ${SKETCH_SIZE} hashes), ` +
				`found “${signature.slice(0, 40)}”`,
		);
	const out: number[] = [];
	for (let i = 0; i < signature.length; i += 8)
		out.push(Number.parseInt(signature.slice(i, i + 8), 16));
	return out;
}

/** Whether `s` has the form `textSignature` writes. */
export function isSignature(s: string): boolean {
	return s.length % 8 === 0 && s.length <= SKETCH_SIZE * 8 && /^[0-9a-f]*$/.test(s);
}

/**
 * Estimated Jaccard index of the texts behind two signatures, in [0, 1]: of the k smallest hashes
 * of both sketches together, the share that both hold (k = the larger sketch's size, at most
 * `SKETCH_SIZE`). Two empty texts are 1 alike; an empty and a non-empty one 0.
 */
export function similarity(a: string, b: string): number {
	return sketchSimilarity(signatureHashes(a), signatureHashes(b));
}

/** `similarity` of two parsed sketches (`signatureHashes`), for callers comparing many pairs. */
export function sketchSimilarity(x: readonly number[], y: readonly number[]): number {
	if (x.length === 0 || y.length === 0) return x.length === y.length ? 1 : 0;
	const k = Math.max(x.length, y.length);
	let i = 0;
	let j = 0;
	let taken = 0;
	let both = 0;
	// Merge the two ascending lists until k distinct hashes of the union are taken.
	while (taken < k && (i < x.length || j < y.length)) {
		const xi = i < x.length ? x[i]! : Infinity;
		const yj = j < y.length ? y[j]! : Infinity;
		if (xi === yj) {
			both++;
			i++;
			j++;
		} else if (xi < yj) i++;
		else j++;
		taken++;
	}
	return both / taken;
}
