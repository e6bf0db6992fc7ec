/**
 * A single article: one report, possibly under a web teaser line that repeats the start of the
 * text (` 创建学习型机关的实践与思考  学习型机关的提法，…机...`). The teaser is dropped as the
 * named repair `teaser-line`; trailing web boilerplate as `boilerplate-line`.
 *
 * Doesn’t read the article itself.
 */
import { isBoilerplateLine } from '../lines/boilerplate.ts';
import { keyOf } from '../lines/line-kinds.ts';
import { dropLine, type RepairLog } from '../lines/repair-log.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { SpanDraft } from './span.ts';

const ELLIPSIS = /(?:\.{3,}|…+|。{3,})\s*$/;

/** Is the line at `at` a teaser: it ends in an ellipsis and repeats the text that follows? */
export function isTeaser(lines: readonly SourceLine[], at: number): boolean {
	const text = lines[at]!.text;
	if (!ELLIPSIS.test(text)) return false;
	const key = keyOf(text.replace(ELLIPSIS, ''));
	if (key.length < 10) return false;
	let following = '';
	for (let i = at + 1; i < lines.length && following.length < key.length; i++)
		following += keyOf(lines[i]!.text);
	return following.startsWith(key);
}

export function splitSingle(lines: readonly SourceLine[], log: RepairLog): SpanDraft[] {
	let start = lines.findIndex((l) => !isBlank(l));
	if (start < 0) return [];
	if (isTeaser(lines, start)) {
		dropLine(log, lines[start]!.no, 'teaser-line');
		start++;
		while (start < lines.length && isBlank(lines[start])) start++;
	}
	let end = lines.length;
	while (end > start && (isBlank(lines[end - 1]) || isBoilerplateLine(lines[end - 1]!.text))) {
		if (!isBlank(lines[end - 1])) dropLine(log, lines[end - 1]!.no, 'boilerplate-line');
		end--;
	}
	return start < end ? [{ start, end, order: 0, webLabel: null, bundle: false }] : [];
}
