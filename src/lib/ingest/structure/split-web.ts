/**
 * Split a web collection into articles: a page title, boilerplate (`版权声明 我要投稿`), then
 * `第N篇:label` items, each an article running to the next item.
 *
 * Drops (and logs) web boilerplate lines (`boilerplate-line`) and, inside an article, a
 * journal’s `(责任编辑…)` note with the English apparatus after it (`journal-residue`).
 * Doesn’t read the articles themselves.
 */
import { isBoilerplateLine, isEditorNote, isForeignApparatus } from '../lines/boilerplate.ts';
import { isTitleLike } from '../report/report-header.ts';
import { dropLine, type RepairLog } from '../lines/repair-log.ts';
import { WEB_ITEM } from './shape.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import type { SpanDraft } from './span.ts';
import { parseDate } from '../report/metadata/index.ts';
import type { DatedAs } from '../../frontmatter.ts';

export interface WebSplit {
	title: string | null;
	/** The page’s posting date: the collection’s date, never inherited by its articles. */
	date: DatedAs | null;
	spans: SpanDraft[];
}

/** Two or more `关于…` document titles: the item bundles several documents. */
function isBundle(lines: readonly SourceLine[], start: number, end: number): boolean {
	let titles = 0;
	for (let i = start; i < end; i++) {
		const t = lines[i]!.text.trim();
		if (t.startsWith('关于') && isTitleLike(t)) titles++;
	}
	return titles >= 2;
}

export function splitWeb(lines: readonly SourceLine[], log: RepairLog): WebSplit {
	const items: number[] = [];
	const out: WebSplit = { title: null, date: null, spans: [] };
	for (let i = 0; i < lines.length; i++) {
		const text = lines[i]!.text;
		if (WEB_ITEM.test(text)) items.push(i);
		else if (isBoilerplateLine(text)) {
			if (items.length === 0 && !out.date) {
				const d = parseDate(text);
				if (d) out.date = { date: d.date, precision: d.precision };
			}
			dropLine(log, lines[i]!.no, 'boilerplate-line');
		}
	}
	const first = lines.findIndex((l) => !isBlank(l) && !log.droppedLines.has(l.no));
	if (first >= 0 && first < (items[0] ?? lines.length)) out.title = lines[first]!.text.trim();
	items.forEach((at, order) => {
		const label = WEB_ITEM.exec(lines[at]!.text)![2]!.trim() || null;
		let end = items[order + 1] ?? lines.length;
		for (let i = at + 1; i < end; i++) {
			if (!isEditorNote(lines[i]!.text)) continue;
			dropLine(log, lines[i]!.no, 'journal-residue');
			for (
				let j = i + 1;
				j < end && (isBlank(lines[j]) || isForeignApparatus(lines[j]!.text));
				j++
			) {
				if (!isBlank(lines[j])) dropLine(log, lines[j]!.no, 'journal-residue');
			}
		}
		while (end > at + 1 && (isBlank(lines[end - 1]) || log.droppedLines.has(lines[end - 1]!.no)))
			end--;
		let start = at + 1;
		while (start < end && isBlank(lines[start])) start++;
		out.spans.push({
			start,
			end,
			order,
			webLabel: label,
			labelLine: lines[at]!.no,
			bundle: isBundle(lines, start, end),
		});
	});
	return out;
}
