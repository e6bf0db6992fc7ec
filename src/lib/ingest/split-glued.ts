/**
 * Split headings glued to text on one line (INGEST-SPEC §6.3):
 *
 * - to the end of the previous paragraph: `…精神动力。 (二)基本原则` → `…精神动力。` | `(二)基本原则`;
 * - to their own paragraph: `四、组织保障 (一)加强组织领导。…` → `四、组织保障` | `(一)加强组织领导。…`,
 *   `(二)建设学习型兴谷是…强大动力 当前,我街道…` → heading | paragraph.
 *
 * Splits only at a space (the space is a layout space, dropped later). Doesn’t split a marker
 * inside a sentence (`第一、`), and doesn’t decide what is a heading.
 */
import { MARKER_SOURCE, markerOf } from './line-kinds.ts';

const AFTER_SENTENCE = new RegExp(`(?<=[。！？；;!?])[ \\u3000]+(?=${MARKER_SOURCE})`, 'g');

/** Split a line starting with a marker after its short heading, at the first space. */
function splitHeadingHead(text: string): string[] {
	const marker = markerOf(text);
	if (!marker) return [text];
	let at = marker.length;
	while (at < text.length && /[ \u3000]/.test(text[at]!)) at++;
	const space = text.slice(at).search(/[ \u3000]/);
	if (space < 0) return [text];
	const head = text.slice(0, at + space);
	const tail = text.slice(at + space).replace(/^[ \u3000]+/, '');
	const headBody = head.slice(marker.length);
	if (headBody.trim().length < 2 || headBody.length > 32 || /[。；;：:！？!?]/.test(headBody)) return [text];
	if (tail.length < 15 && !markerOf(tail)) return [text];
	if (!/^[\u3400-\u9fff“（(]/.test(tail) && !markerOf(tail)) return [text];
	return [head, ...splitHeadingHead(tail)];
}

/**
 * @param text One source line (no line breaks).
 * @returns The pieces, in order; their concatenation equals `text` minus the split spaces.
 */
export function splitGluedHeadings(text: string): string[] {
	if (!/[ \u3000]/.test(text)) return [text];
	const pieces: string[] = [];
	let last = 0;
	// (exec on the shared global regex, not matchAll, which copies the regex on every call)
	AFTER_SENTENCE.lastIndex = 0;
	for (let m = AFTER_SENTENCE.exec(text); m !== null; m = AFTER_SENTENCE.exec(text)) {
		pieces.push(...splitHeadingHead(text.slice(last, m.index)));
		last = m.index + m[0].length;
	}
	pieces.push(...splitHeadingHead(text.slice(last)));
	return pieces;
}
