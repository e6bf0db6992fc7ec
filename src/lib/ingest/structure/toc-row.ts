/**
 * Read one line of a table of contents into its cells (docs/ingest-spec.md §1, issue 21 item 2).
 *
 * A TOC row is `[number] title [unit] [page]`, its columns set off by leaders (`……`, `…`,
 * `．．．`, `---`, `···`), a TAB, or a run of spaces; the page comes as `(12)`, `（12）`, after
 * leaders, after a TAB or spaces, after a single space (only when the caller allows it: inside
 * a TOC), alone on the line, or after only a row number (`1  4`, a table whose title cell
 * is a line of its own). Row numbers (`1、` `1.` `（1）` `一、`) are taken off the title.
 *
 * @example
 *   `2、以学促干 打造学习型财政团队………市财政局……4` → number `2、`, cells
 *   [`以学促干 打造学习型财政团队`, `市财政局`], page 4
 *
 * Doesn’t decide which cell is a unit (see `parse-toc.ts`) and doesn’t join wrapped rows.
 */
import { isSubtitleLine } from '../lines/line-kinds.ts';
import { isLetterSpaced } from '../lines/spaces.ts';
import { HAN_CLASS } from '../../text/han.ts';

export type RowNumberStyle = 'arabic' | 'paren' | 'cn';

export interface TocRow {
	/** Title, unit, … cells in order, trimmed, without leaders, number and page. */
	cells: string[];
	page: number | null;
	number: { style: RowNumberStyle; text: string } | null;
	/** The cells were set off by an explicit column mark (leaders or TAB), not by spaces. */
	ruled: boolean;
	/** The page was set off by a single space (`学习立身 实干兴业 镇交通站 3`). */
	spacedPage?: boolean;
}

const LEADER =
	'(?:[…⋯]+|[．.·•。_]{2,}|[-－]{3,}|—{3,}|[-－—]{2,}(?=[ \\u3000]*[0-9０-９]{1,4}[ \\u3000]*$))';
const BARE_PAGE =
	/^[ \u3000]*(?:[（(][ \u3000]*([0-9０-９]{1,4})[ \u3000]*[)）]|([0-9０-９]{1,4}))[ \u3000]*$/;
const PAREN_PAGE = new RegExp(
	`[ \\u3000]*(?:${LEADER}[ \\u3000]*)?[（(][ \\u3000]*([0-9０-９]{1,4})[ \\u3000]*[)）][ \\u3000]*$`,
);
const LEADER_PAGE = new RegExp(`[ \\u3000]*${LEADER}[ \\u3000]*([0-9０-９]{1,4})[ \\u3000]*$`);
const TAB_PAGE = /[ \u3000]*\t[ \t\u3000]*([0-9０-９]{1,4})[ \u3000]*$/;
const SPACES_PAGE = /(?:[ \u3000]{2,}|\u3000)([0-9０-９]{1,4})[ \u3000]*$/;
const SPACE_PAGE = new RegExp(`(?<=[${HAN_CLASS}”’」』》）)])[ ]([0-9０-９]{1,4})[ \\u3000]*$`);
const NUMBER_PAGE = /^[ \u3000]*(\d{1,3})[ \t\u3000]+([0-9０-９]{1,4})[ \u3000]*$/;
const CELL_BREAK = new RegExp(`[ \\u3000]*(?:\\t|${LEADER})[ \\t\\u3000]*|[ \\u3000]{2,}`, 'g');
const NUMBERS: ReadonlyArray<[RowNumberStyle, RegExp]> = [
	['arabic', /^(\d{1,3}(?:[、．]|\.(?!\d)))[ \u3000]*/],
	// A number column set off by a TAB or a run of spaces (`1    抓学习 促发展    县农业局    3`).
	['arabic', /^(\d{1,3})(?:[ \u3000]*\t|[ \u3000]{2,})[ \t\u3000]*/],
	['paren', /^([（(][ \u3000]*\d{1,3}[ \u3000]*[)）])[ \u3000]*/],
	['cn', /^([一二三四五六七八九十]{1,3}、)[ \u3000]*/],
];

/** `12` or full-width `１２` → 12. */
function pageNumber(digits: string | undefined): number {
	return Number((digits ?? '').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/** The page at the end of a TOC line, and the rest. */
export function splitPage(
	text: string,
	singleSpace = false,
): { rest: string; page: number | null; via?: 'space' } {
	const bare = BARE_PAGE.exec(text);
	if (bare) return { rest: '', page: pageNumber(bare[1] ?? bare[2]) };
	for (const re of [TAB_PAGE, PAREN_PAGE, LEADER_PAGE, SPACES_PAGE]) {
		const m = re.exec(text);
		if (m) return { rest: text.slice(0, m.index).trim(), page: pageNumber(m[1]) };
	}
	// A row number and its page, the title in a cell on a line of its own (a table TOC): `1 4`.
	const pair = NUMBER_PAGE.exec(text);
	if (pair) return { rest: pair[1]!, page: pageNumber(pair[2]), via: 'space' };
	if (singleSpace && !/[，,。；;！？!?：:]/.test(text)) {
		const m = SPACE_PAGE.exec(text);
		if (m) return { rest: text.slice(0, m.index).trim(), page: pageNumber(m[1]), via: 'space' };
	}
	return { rest: text.trim(), page: null };
}

/**
 * @param text One TOC line.
 * @param singleSpace Read a number after a single space as the page (inside a TOC only).
 */
export function readTocRow(text: string, singleSpace = false): TocRow {
	const { rest, page, via } = splitPage(text, singleSpace);
	const row = readCells(rest, page, singleSpace);
	if (via === 'space') row.spacedPage = true;
	return row;
}

// Inside a TOC, a number column may be set off by a single space (PDF.js joins the cells so):
// `3 关于企业建设学习型组织的几点思考 6`.
const SPACED_NUMBER: [RowNumberStyle, RegExp] = [
	'arabic',
	new RegExp(`^(\\d{1,3}) (?=[${HAN_CLASS}])`),
];

function readCells(rest: string, page: number | null, singleSpace = false): TocRow {
	let body = rest;
	let number: TocRow['number'] = null;
	for (const [style, re] of singleSpace && page !== null ? [...NUMBERS, SPACED_NUMBER] : NUMBERS) {
		const m = re.exec(body);
		if (m && body.length > m[0].length) {
			number = { style, text: m[1]! };
			body = body.slice(m[0].length);
			break;
		}
	}
	// Only a row number before the page (`1        4`): the title is on a line of its own.
	if (page !== null && number === null && /^\d{1,3}$/.test(body))
		return { cells: [], page, number: { style: 'arabic', text: body }, ruled: false };
	if (body === '') return { cells: [], page, number, ruled: false };
	// A subtitle keeps its dashes; a letter-spaced word (`前　　言`) is one cell.
	if (isLetterSpaced(body)) return { cells: [body], page, number, ruled: false };
	const lead = isSubtitleLine(body) ? /^\s*(?:—{1,2}|－{1,2}|-{1,2})\s*/.exec(body)![0] : '';
	const parts = body
		.slice(lead.length)
		.split(CELL_BREAK)
		.map((c) => c.trim())
		.filter(Boolean);
	if (parts.length === 0)
		return { cells: [lead.trim()].filter(Boolean), page, number, ruled: false };
	parts[0] = lead + parts[0];
	CELL_BREAK.lastIndex = 0;
	const ruled = new RegExp(`\\t|${LEADER}`).test(body.slice(lead.length));
	return { cells: parts, page, number, ruled };
}

const HEADER_WORDS =
	/^(?:篇[ \u3000]*名|题[ \u3000]*目|标[ \u3000]*题|文[ \u3000]*章|材[ \u3000]*料|单[ \u3000]*位|作[ \u3000]*者|报送单位|页[ \u3000]*码|页[ \u3000]*次|页|序[ \u3000]*号)$/;

/** A column-header row or cell of a TOC table: `篇名 单位 页码`. */
export function isHeaderRow(text: string): boolean {
	const cells = text
		.trim()
		.split(/[ \t\u3000]{2,}|\t/)
		.map((c) => c.trim())
		.filter(Boolean);
	if (cells.length === 0) return false;
	if (cells.every((c) => HEADER_WORDS.test(c))) return true;
	// `篇 名 单 位 页 码` set with single spaces: its letters alone form header words.
	const letters = text.replace(/[ \t\u3000]/g, '');
	return (
		/^(?:序号)?(?:篇名|题目|标题)(?:单位|作者|报送单位)?(?:页码|页次)?$/.test(letters) &&
		letters.length > 2
	);
}
