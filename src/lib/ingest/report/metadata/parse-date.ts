/**
 * Parse one date written in a Chinese report: Arabic (`2011年6月18日`, `2011-06-18`,
 * `2011.6.18`) or Chinese numerals with any zero glyph (`二〇〇九年一月十八日`, `二○一一年七月十四日`).
 */
import { datePrecisionOf, type DatedAs } from '../../../frontmatter.ts';

/** A parsed date: ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and its precision. */
export interface ParsedDate extends DatedAs {
	/** Index of the match in the text, and its length (for callers that check context). */
	index: number;
	length: number;
}

// Zero has many glyphs in PDF extractions: 〇 (U+3007), ○ (U+25CB), 零, Ｏ/O, ◯ (U+25EF).
const DIGIT: Record<string, number> = {
	〇: 0,
	'○': 0,
	'◯': 0,
	零: 0,
	Ｏ: 0,
	O: 0,
	一: 1,
	二: 2,
	两: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9,
};
const ZH_DIGIT = '〇○◯零ＯO一二三四五六七八九';
const ZH_SMALL = '(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';

const ARABIC_CJK = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?/gu;
const ARABIC_SEP = /(\d{4})([-./／])(\d{1,2})(?:\2(\d{1,2}))?/gu;
const CHINESE = new RegExp(
	`([${ZH_DIGIT}]{4})\\s*年(?:\\s*(${ZH_SMALL}|正)\\s*月(?:\\s*(${ZH_SMALL})\\s*[日号])?)?`,
	'gu',
);

// `2011年***月`, `2011年X月`: the rest of the date is a placeholder, so the whole is one.
const PLACEHOLDER_AFTER = /^\s*[xX*＊×Ｘ]+\s*[月日号]/u;

/** Value of a small Chinese numeral: `十` 10, `十八` 18, `二十` 20, `三十一` 31, `正` 1. */
function smallNumber(text: string): number {
	if (text === '正') return 1;
	const ten = text.indexOf('十');
	if (ten === -1) return DIGIT[text] ?? Number.NaN;
	const tens = ten === 0 ? 1 : (DIGIT[text[0]!] ?? Number.NaN);
	const units = ten === text.length - 1 ? 0 : (DIGIT[text[ten + 1]!] ?? Number.NaN);
	return tens * 10 + units;
}

function toIso(year: number, month?: number, day?: number): string | null {
	if (year < 1900 || year > 2100) return null;
	if (month === undefined) return String(year);
	if (!(month >= 1 && month <= 12)) return null;
	const mm = String(month).padStart(2, '0');
	if (day === undefined) return `${year}-${mm}`;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (!(day >= 1 && day <= last)) return null;
	return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

function candidate(iso: string | null, index: number, length: number): ParsedDate | null {
	if (iso === null) return null;
	return { date: iso, precision: datePrecisionOf(iso), index, length };
}

/** Full-width digits → ASCII, one char for one char (indexes stay valid). */
function asciiDigits(text: string): string {
	return text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

// Characters a date is written with: spaces between two of them are letter-spacing
// (`二 〇 一 一 年 六 月`, `2011 年 6 月 18 日`, full-width spaces), not a break in the date.
const DATE_CHAR = /[0-9〇○◯零ＯO一二三四五六七八九十两正年月日号]/u;

/**
 * `text` with the spaces between two date characters removed, and for each character of the
 * result its index in `text` (so a match can be mapped back).
 */
function squeezeDateSpaces(text: string): { text: string; at: number[] } {
	const chars: string[] = [];
	const at: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (/[\s\u3000]/u.test(c) && chars.length > 0 && DATE_CHAR.test(chars[chars.length - 1]!)) {
			let j = i;
			while (j < text.length && /[\s\u3000]/u.test(text[j]!)) j++;
			if (j < text.length && DATE_CHAR.test(text[j]!)) {
				i = j - 1;
				continue;
			}
		}
		chars.push(c);
		at.push(i);
	}
	return { text: chars.join(''), at };
}

/**
 * Every date in `text`, in order of appearance, each as precise as it is printed. A date set
 * with letter spaces (`二 〇 一 一 年 六 月`, `2011 年 6 月 18 日`) is one date; its `index` and
 * `length` cover it in `text` as given.
 *
 * Does NOT read placeholders (`20xx年`, `***年***月`, `XX年`): they yield nothing. Impossible
 * dates (`2011年2月30日`, month 13) yield nothing. A year needs `年` or a full `Y-M(-D)` form;
 * a four-digit number alone (`2008—2009`) is not a date. Does NOT judge ranges: `findReportDate`
 * does.
 */
export function findDates(text: string): ParsedDate[] {
	const original = asciiDigits(text);
	// Most texts have no space at all: nothing to squeeze or map back.
	const squeezed = /[\s\u3000]/u.test(original) ? squeezeDateSpaces(original) : null;
	const back = (d: ParsedDate): ParsedDate => {
		if (!squeezed) return d;
		const start = squeezed.at[d.index]!;
		return { ...d, index: start, length: squeezed.at[d.index + d.length - 1]! + 1 - start };
	};
	const source = squeezed ? squeezed.text : original;
	const found: ParsedDate[] = [];
	for (const m of source.matchAll(ARABIC_CJK)) {
		if (/\d/u.test(source[m.index - 1] ?? '')) continue;
		const month = m[2] === undefined ? undefined : Number(m[2]);
		const day = m[3] === undefined ? undefined : Number(m[3]);
		found.push(candidate(toIso(Number(m[1]), month, day), m.index, m[0].length)!);
	}
	for (const m of source.matchAll(ARABIC_SEP)) {
		if (/[\d.]/u.test(source[m.index - 1] ?? '') || /\d/u.test(source[m.index + m[0].length] ?? ''))
			continue;
		// `2011.6` alone is a decimal more often than a date: a dotted form needs its day.
		if (m[4] === undefined && m[2] === '.') continue;
		const day = m[4] === undefined ? undefined : Number(m[4]);
		found.push(candidate(toIso(Number(m[1]), Number(m[3]), day), m.index, m[0].length)!);
	}
	for (const m of source.matchAll(CHINESE)) {
		const year = Number([...m[1]!].map((c) => DIGIT[c]).join(''));
		const month = m[2] === undefined ? undefined : smallNumber(m[2]);
		const day = m[3] === undefined ? undefined : smallNumber(m[3]);
		found.push(candidate(toIso(year, month, day), m.index, m[0].length)!);
	}
	return found
		.filter((d) => d !== null)
		.filter((d) => !PLACEHOLDER_AFTER.test(source.slice(d.index + d.length)))
		.map(back)
		.sort((a, b) => a.index - b.index);
}

/**
 * Parse the first date in `text`: `2011年6月18日` → `{ date: '2011-06-18', precision: 'day' }`,
 * `2010年12月` → month, `2010年` → year, `二○一一年七月十四日` → day.
 *
 * Returns null when the text holds no readable date, including placeholders (`20xx`,
 * `***年***月`, `XX年`) and impossible dates. Does NOT decide whether the date is the
 * report's own date (see `findReportDate`).
 */
export function parseDate(text: string): ParsedDate | null {
	return findDates(text)[0] ?? null;
}
