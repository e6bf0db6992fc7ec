/**
 * The character bigrams of a report's text, the terms of related-by-content.ts: a bigram is two
 * adjacent letters or digits (Han, ASCII); punctuation and spaces break runs.
 */

const isWordChar = (c: number) =>
	(c >= 0x4e00 && c <= 0x9fff) ||
	(c >= 0x3400 && c <= 0x4dbf) ||
	(c >= 0x30 && c <= 0x39) ||
	(c >= 0x61 && c <= 0x7a) ||
	(c >= 0x41 && c <= 0x5a);

/**
 * Bigram codes of a text (two UTF-16 units packed in one number), with counts.
 * @param into A map to fill (cleared first), to spare allocations over a corpus.
 */
export function bigramCounts(text: string, into = new Map<number, number>()): Map<number, number> {
	const counts = into;
	counts.clear();
	let prev = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (!isWordChar(c)) {
			prev = -1;
			continue;
		}
		if (prev >= 0) {
			const key = prev * 65536 + c;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		prev = c;
	}
	return counts;
}

/**
 * A text's bigrams as two parallel arrays: codes (as `bigramCounts` packs them) in the order of
 * their first appearance in the text, and their counts. The order matters: it decides which of
 * equally heavy bigrams a vector keeps, and so the result. Compact enough to be cached per report.
 */
export interface BigramTable {
	codes: Uint32Array;
	counts: Uint32Array;
}

/** The `BigramTable` of a text. */
export function bigramTable(text: string, scratch = new Map<number, number>()): BigramTable {
	const counts = bigramCounts(text, scratch);
	const table = { codes: new Uint32Array(counts.size), counts: new Uint32Array(counts.size) };
	let i = 0;
	for (const [code, count] of counts) {
		table.codes[i] = code;
		table.counts[i++] = count;
	}
	return table;
}
