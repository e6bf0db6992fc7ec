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
export const SKETCH_SIZE = 64;
/** Shingle length, in characters of the folded text. */
export const SHINGLE = 4;
/**
 * Two texts with an estimated Jaccard index of their shingles at or above this are "most of the
 * same text" (INGEST-SPEC §2, ids and reprints): when two texts share a fraction f of their
 * shingles each, J = f / (2 − f), so 0.5 means two thirds of the text in common.
 */
export const SAME_TEXT = 0.5;

/** Letters and digits only, NFKC-folded, lower case (a reading copy; never shown). */
export function foldForSignature(text: string): string {
	return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** 32-bit hash of `SHINGLE` UTF-16 units of `s` from `at` (murmur3-style mixing). */
function shingleHash(s: string, at: number, n: number): number {
	let h = 0x9747b28c ^ n;
	for (let i = at; i < at + n; i++) {
		h = Math.imul(h ^ s.charCodeAt(i), 0xcc9e2d51);
		h = (h << 15) | (h >>> 17);
		h = Math.imul(h, 0x1b873593);
	}
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
	const folded = foldForSignature(text);
	const n = Math.min(SHINGLE, folded.length);
	const hashes = new Set<number>();
	for (let i = 0; i + n <= folded.length && n > 0; i++) hashes.add(shingleHash(folded, i, n));
	const smallest = [...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
	return smallest.map((h) => h.toString(16).padStart(8, '0')).join('');
}

/** The hashes of a signature (throws on a malformed one: the registry checks them first). */
export function signatureHashes(signature: string): number[] {
	if (!isSignature(signature)) throw new Error(`Expected a text signature (hex, 8 digits per hash, at most ${SKETCH_SIZE} hashes), found “${signature.slice(0, 40)}”`);
	const out: number[] = [];
	for (let i = 0; i < signature.length; i += 8) out.push(Number.parseInt(signature.slice(i, i + 8), 16));
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
	const x = signatureHashes(a);
	const y = signatureHashes(b);
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
