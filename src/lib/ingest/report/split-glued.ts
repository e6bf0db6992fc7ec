/**
 * Split headings glued to text on one line (docs/ingest-spec.md §6.3):
 *
 * - to the end of the previous paragraph: `…精神动力。 (二)基本原则` → `…精神动力。` | `(二)基本原则`;
 * - to their own paragraph: `四、组织保障 (一)加强组织领导。…` → `四、组织保障` | `(一)加强组织领导。…`,
 *   `(二)建设学习型兴谷是…强大动力 当前,我街道…` → heading | paragraph.
 *
 * Splits only at a space (the space is a layout space, dropped later), and only where both
 * sides are whole (issue 21 item 5): a layout space inside a sentence is no break, so
 * `1、…的重大意义,严 格按照…` stays one paragraph — the head's last clause must be a phrase of
 * its own (3 characters or more, and not a stub beside the clauses before it), and the tail
 * must not open with a one-character stub before a comma (`任,局…`). Doesn’t split a marker
 * inside a sentence (`第一、`), and doesn’t decide what is a heading.
 */
import { MARKER_SOURCE, markerOf } from '../lines/line-kinds.ts';
import { HAN_CLASS } from '../../text/han.ts';

const AFTER_SENTENCE = new RegExp(`(?<=[。！？；;!?])[ \\u3000]+(?=${MARKER_SOURCE})`, 'g');

const CLAUSE_MARK = /[，,；;、]/;

/**
 * Is the end of `head` cut inside a phrase? Clauses of a heading are parallel phrases
 * (`加强领导，落实责任`): a last clause under 3 characters, or under 2/5 of the longest clause
 * before it, is a sentence cut at a layout space. A head without clause marks is whole.
 */
export function endsInStub(head: string, min = 3): boolean {
	const clauses = head.split(CLAUSE_MARK).map((c) => c.replace(/[\s\u3000]/g, ''));
	if (clauses.length < 2) return false;
	const last = clauses[clauses.length - 1]!.length;
	const longest = Math.max(...clauses.slice(0, -1).map((c) => c.length));
	return last < min || last * 5 < longest * 2;
}

const STUB_START = new RegExp(`^[${HAN_CLASS}][，,；;、]`);
const TAIL_START = new RegExp(`^[${HAN_CLASS}“（(]`);

/** Does `tail` open with a stub of one character before a clause mark (`任,局创建…`)? */
function opensWithStub(tail: string): boolean {
	return STUB_START.test(tail);
}

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
	if (headBody.trim().length < 2 || headBody.length > 32 || /[。；;：:！？!?]/.test(headBody))
		return [text];
	if (tail.length < 15 && !markerOf(tail)) return [text];
	if (!TAIL_START.test(tail) && !markerOf(tail)) return [text];
	if (!markerOf(tail) && (endsInStub(headBody) || opensWithStub(tail))) return [text];
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
