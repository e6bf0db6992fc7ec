/**
 * Split a 前言 into its text and its sign-off: the short closing lines that name the editor
 * and the date (`延庆县创建学习型延庆领导小组办公室`, `二〇一〇年八月`), which a book sets flush
 * right rather than as indented paragraphs.
 *
 * A closing paragraph counts as sign-off when it is short (≤ `max` characters) and does not
 * end like a sentence (。！？；：…). Doesn’t change any text; at most `limit` lines are taken.
 */

const SENTENCE_END = /[。！？；：…!?;:，,、）)”"]$/;

/**
 * @param paragraphs The preface, as printed.
 * @param max Longest sign-off line, default 30 characters.
 * @param limit Most sign-off lines, default 3.
 */
export function splitSignoff(
	paragraphs: readonly string[],
	max = 30,
	limit = 3,
): { body: string[]; signoff: string[] } {
	let cut = paragraphs.length;
	while (cut > 1 && paragraphs.length - cut < limit) {
		const line = (paragraphs[cut - 1] ?? '').trim();
		if (line === '' || [...line].length > max || SENTENCE_END.test(line)) break;
		cut--;
	}
	return { body: paragraphs.slice(0, cut), signoff: paragraphs.slice(cut) };
}
