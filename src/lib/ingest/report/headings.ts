/**
 * Recognise headings among cleaned paragraphs and give them levels (docs/ingest-spec.md §2).
 *
 * A heading is a short paragraph that starts with a marker (`一、`, `（一）`/`(一)`, `1.`/`1、`),
 * doesn’t end mid-clause (`，`, `；`) and has no sentence inside it; one that ends with `。` is
 * a heading only when plain text (not a sibling item) follows it. `参考文献` opens a back-matter
 * section. Levels follow the nesting order of appearance: the first marker style is level 2,
 * a style first seen under it level 3, and so on (at most 4); full- and half-width parentheses
 * are one style.
 *
 * A paragraph set larger than the body (a PDF's font size, `larger`) is a heading without a
 * marker too, when it is short and no sentence; the larger it is the higher its level, above the
 * levels of the marker ladder of body-size headings.
 *
 * Doesn’t make `一是…` run-in sentences or long numbered paragraphs into headings.
 */
import type { IngestBlock } from '../types.ts';
import { markerOf, type MarkerStyle } from '../lines/line-kinds.ts';
import { endsInStub } from './split-glued.ts';

const MAX_HEADING = 40;

/** An author line or a date closes a list: it is not the plain text a sentence heading leads. */
function isSignOffLine(text: string): boolean {
	return (
		/^[（(]?\s*(?:执\s*笔|作\s*者|撰\s*稿)/.test(text) ||
		(text.length <= 30 && /[\d〇○零一二三四五六七八九十]{2,4}\s*年[^，,。；;]*$/.test(text))
	);
}

function isHeading(text: string, next: string | undefined): MarkerStyle | 'back' | null {
	if (/^参考文献[:：]?$/.test(text)) return 'back';
	const marker = markerOf(text);
	if (!marker) return null;
	const body = text.slice(marker.length);
	if (body.replace(/\s/g, '').length < 2 || text.length > MAX_HEADING) return null;
	if (/[，,、；;]$/.test(text)) return null;
	// A sentence cut at a layout space (`…的重大意义,严`) is no heading: its last clause is a stub.
	if (!/[。！？!?]$/.test(text) && endsInStub(body, 1) && /[，,；;、][^，,；;、]{1,2}$/.test(body))
		return null;
	const inner = body.slice(0, -1);
	if (/[。！？!?；;]|[:：](?=.)/.test(inner)) return null;
	if (/[。！？!?]$/.test(text) && (next === undefined || markerOf(next) || isSignOffLine(next)))
		return null;
	return marker.style;
}

/** A short paragraph set larger than the body that is no sentence, clause or sign-off. */
function isSizedHeading(text: string): boolean {
	if (text.length > MAX_HEADING || text.replace(/\s/g, '').length < 2 || isSignOffLine(text))
		return false;
	return !/[，,、；;：:]$/.test(text) && !/[。！？!?；;]/.test(text.slice(0, -1));
}

/**
 * @param paragraphs Cleaned paragraphs in order, with their source lines (and, from a PDF, how
 *   much larger than the body each is set).
 * @returns Blocks: headings with depth 2–4, the rest paragraphs.
 */
export function assignHeadings(
	paragraphs: ReadonlyArray<{ text: string; line: number; larger?: number }>,
): IngestBlock[] {
	const stack: MarkerStyle[] = [];
	const sized = paragraphs.map((p) =>
		p.larger !== undefined && isSizedHeading(p.text) ? p.larger : 0,
	);
	const sizes = [...new Set(sized.filter((s) => s > 0))].sort((a, b) => b - a);
	return paragraphs.map((p, i): IngestBlock => {
		if (sized[i]! > 0)
			return {
				type: 'heading',
				depth: Math.min(2 + sizes.indexOf(sized[i]!), 4) as 2 | 3 | 4,
				text: p.text,
				line: p.line,
			};
		const kind = isHeading(p.text, paragraphs[i + 1]?.text);
		if (kind === null) return { type: 'paragraph', text: p.text, line: p.line };
		if (kind === 'back') {
			stack.length = 0;
			return { type: 'heading', depth: 2, text: p.text, line: p.line };
		}
		const at = stack.indexOf(kind);
		if (at >= 0) stack.length = at + 1;
		else stack.push(kind);
		const depth = Math.min(stack.length + 1 + sizes.length, 4) as 2 | 3 | 4;
		return { type: 'heading', depth, text: p.text, line: p.line };
	});
}
