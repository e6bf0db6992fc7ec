/**
 * A table of the UTF-16 code units a one-character class matches, for loops that test every
 * character of a text (a table look-up instead of a regex call per character).
 *
 * @example
 *   const space = unitTable(/[\s\u3000]/g); space['\u3000'.charCodeAt(0)] === 1
 *
 * Made by matching the class itself over all 65,536 code units, so the table cannot drift from
 * the regex. Only for classes without the `u` flag (they match code units, not code points).
 */

// Every code unit once, in order (built on first use).
let allUnits: string | null = null;

function everyUnit(): string {
	if (allUnits === null) {
		const chunks: string[] = [];
		for (let at = 0; at < 65536; at += 8192)
			chunks.push(String.fromCharCode(...Array.from({ length: 8192 }, (_, i) => at + i)));
		allUnits = chunks.join('');
	}
	return allUnits;
}

/**
 * @param pattern A global regex whose every match is a run of matching characters (a class,
 *   optionally with `+`), without the flag `u`.
 * @returns 1 for each code unit the class matches, else 0.
 */
export function unitTable(pattern: RegExp): Uint8Array {
	if (!pattern.global || pattern.unicode)
		throw new Error(`unitTable: expected a global regex without the u flag, got ${pattern}`);
	const table = new Uint8Array(65536);
	for (const m of everyUnit().matchAll(pattern)) table.fill(1, m.index, m.index + m[0].length);
	return table;
}
