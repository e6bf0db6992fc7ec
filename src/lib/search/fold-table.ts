/**
 * Build the traditional → simplified character table of search folding from OpenCC’s
 * dictionaries (`TSCharacters`, plus Taiwan and Hong Kong variant forms that reach a
 * traditional character with a simplified form: 為 → 爲 → 为).
 *
 * Doesn’t use phrase tables: folding is per character, so it is the same at build time, in
 * the search page and on the highlighted report page.
 */
import type { FoldTable } from './fold.ts';

/** Parse an OpenCC dictionary string `"a b c|d e"` into first mappings `{ a: 'b', d: 'e' }`. */
export function parseOpenccDict(dict: string): Map<string, string> {
	const map = new Map<string, string>();
	for (const entry of dict.split('|')) {
		const [from, to] = entry.split(' ');
		if (from && to && [...from].length === 1 && [...to].length === 1) map.set(from, to);
	}
	return map;
}

/**
 * The complete character fold table.
 * @param tsCharacters OpenCC `TSCharacters` (traditional → simplified).
 * @param variantsRev OpenCC `TWVariantsRev`, `HKVariantsRev` … (regional variant → standard).
 */
export function buildFoldTable(
	tsCharacters: string,
	variantsRev: readonly string[],
): Map<string, string> {
	const ts = parseOpenccDict(tsCharacters);
	const table = new Map<string, string>();
	for (const [from, to] of ts) if (from !== to) table.set(from, to);
	for (const dict of variantsRev) {
		for (const [variant, standard] of parseOpenccDict(dict)) {
			// Only when the standard form is traditional: 么 → 幺 (not a traditional form) stays 么.
			const simplified = ts.get(standard);
			if (simplified && !table.has(variant) && variant !== simplified)
				table.set(variant, simplified);
		}
	}
	return table;
}

/**
 * The part of the table a browser needs: entries that fold to a character the corpus contains.
 * A query character folding to anything else finds nothing either way.
 * @param corpusChars Characters of the folded corpus.
 */
export function clientFoldTable(
	table: ReadonlyMap<string, string>,
	corpusChars: ReadonlySet<string>,
): FoldTable {
	const out: Record<string, string> = {};
	for (const [from, to] of [...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (corpusChars.has(to)) out[from] = to;
	}
	return out;
}
