/**
 * Read a compilation’s cover and preface (the book’s front matter, not a page’s YAML frontmatter):
 * cover title, publisher, editor, date and 前言.
 *
 * @example
 *   建设学习型党组织⏎⏎经验材料汇编⏎⏎中共大庆市委…办公室⏎中共大庆市委宣传部⏎⏎前　　言⏎…⏎2010年12月
 *   → title `建设学习型党组织经验材料汇编`, publisher `中共大庆市委…办公室 中共大庆市委宣传部`,
 *     date `2010-12` (month)
 *
 * Doesn’t invent: a field the text doesn’t print is null (a `<source>.yaml` may supply it).
 */
import { parseDate, findReportDate } from '../report/metadata/index.ts';
import { joinTitleLines, visibleLength } from '../lines/line-kinds.ts';
import type { RepairLog } from '../lines/repair-log.ts';
import { isBlank, type SourceLine } from '../lines/source-lines.ts';
import { isLetterSpaced, normaliseSpaces } from '../lines/spaces.ts';
import { isUnitLine } from '../report/unit.ts';
import type { DatedAs } from '../../frontmatter.ts';

export interface CoverAndPreface {
	title: string | null;
	publisher: string | null;
	editor: string | null;
	date: DatedAs | null;
	preface: string[];
}

const EDITOR = /^主[ \u3000]*编[ \u3000]*[:：][ \u3000]*(.+)$/;

export function isPrefaceHeading(text: string): boolean {
	const t = isLetterSpaced(text) ? text.replace(/[ \u3000]+/g, '') : text.trim();
	return /^(?:前言|序言|序|编者按|编者的话)$/.test(t);
}

/** `中共桃源县委宣传部编` (a unit and 编/编印/主编): the body that edited the book. */
function editedBy(text: string, unitWords: readonly string[]): string | null {
	const m = /^(.+?)[ \u3000]*(?:编印|编辑|主编|编)$/.exec(text.trim());
	return m && isUnitLine(m[1]!, unitWords) ? m[1]! : null;
}

/** A whole line that is only a date (`二〇一〇年八月`, `2010年12月`). */
function dateOnly(text: string): CoverAndPreface['date'] {
	const t = text.trim();
	const d = parseDate(t);
	return d && d.index === 0 && d.length >= t.replace(/[。.\s]+$/, '').length
		? { date: d.date, precision: d.precision }
		: null;
}

/**
 * @param lines All lines of the source.
 * @param end Index of the `目录` line (front matter ends there).
 * @param unitWords Unit words from the vocabulary.
 */
export function readCoverAndPreface(
	lines: readonly SourceLine[],
	end: number,
	log: RepairLog,
	unitWords: readonly string[] = [],
): CoverAndPreface {
	const fm: CoverAndPreface = {
		title: null,
		publisher: null,
		editor: null,
		date: null,
		preface: [],
	};
	let prefaceAt = -1;
	for (let i = 0; i < end; i++) if (isPrefaceHeading(lines[i]!.text)) prefaceAt = i;
	const coverEnd = prefaceAt >= 0 ? prefaceAt : end;
	const cover = lines
		.slice(0, coverEnd)
		.filter((l) => !isBlank(l))
		.map((l) => l.text.trim());
	let k = 0;
	const titleParts: string[] = [];
	while (
		k < cover.length &&
		titleParts.length < 3 &&
		!isUnitLine(cover[k]!, unitWords) &&
		!editedBy(cover[k]!, unitWords) &&
		!dateOnly(cover[k]!) &&
		visibleLength(cover[k]!) <= 40
	) {
		titleParts.push(cover[k++]!);
	}
	if (titleParts.length)
		fm.title = normaliseSpaces(
			titleParts.reduce((a, b) => (a ? joinTitleLines(a, b) : b)),
			'title',
			log,
		);
	const publishers: string[] = [];
	while (k < cover.length && isUnitLine(cover[k]!, unitWords)) publishers.push(cover[k++]!);
	if (publishers.length) fm.publisher = publishers.join(' ');
	for (const line of cover) {
		fm.date ??= dateOnly(line);
		fm.editor ??= editedBy(line, unitWords);
		const editor = EDITOR.exec(line);
		if (editor && !fm.editor) fm.editor = editor[1]!.trim();
	}
	if (prefaceAt >= 0) {
		const body = lines.slice(prefaceAt + 1, end).filter((l) => !isBlank(l));
		fm.preface = body.map((l) => normaliseSpaces(l.text, 'body', log));
		if (!fm.date) {
			const d = findReportDate(fm.preface);
			if (d) fm.date = { date: d.date, precision: d.precision };
		}
	}
	return fm;
}
