/**
 * YAML of a report's frontmatter, byte for byte what js-yaml's
 * `dump(data, { lineWidth: -1, noRefs: true, sortKeys: false })` writes, without running js-yaml
 * for the values whose form is certain: `null`, booleans, safe integers, strings of CJK text
 * (plain scalars, also with ASCII letters, digits and inner spaces), ASCII slugs, ids and file
 * names, dates (single-quoted: YAML would read them as timestamps), CJK text behind `*` (quoted:
 * `'***街道工委'`), and lists of those. Any other key/value pair is written by
 * js-yaml itself, one pair at a time (a top-level pair does not depend on its neighbours).
 *
 * tests/unit/ingest-mdx-fast-path.test.ts checks it against js-yaml on every sample report and on
 * random values. Doesn’t validate anything.
 */
import { dump } from 'js-yaml';

const OPTIONS = { lineWidth: -1, noRefs: true, sortKeys: false } as const;
// Non-ASCII characters js-yaml writes plain: printable, not invisible (U+007F–U+00A0, U+2028,
// U+2029, U+FEFF, U+FFFE, U+FFFF), no surrogates. YAML's own white space is only space and tab.
const CJK = '\\u00a1-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd';
const CJK_PLAIN = new RegExp(`^[${CJK}]+$`);
// CJK text with ASCII letters, digits and single inner spaces (`强素质 促发展`, `职工37人`): one
// non-ASCII character keeps YAML from reading it as a number, date, bool or null.
const CJK_MIXED = new RegExp(`^(?=.*[${CJK}])[${CJK}0-9A-Za-z]+(?: [${CJK}0-9A-Za-z]+)*$`);
const ALL_SPACE = /^\s+$/u;
// A hyphenated lower-case ASCII token with a letter (`002-62392ed754955828-d9840f6e`): a hyphen
// inside rules out a number, a bool and null; a letter rules out a date (`2010-08-01`); no `e-`
// rules out an exponent.
const HYPHENATED = /^[0-9a-z]+(?:-[0-9a-z]+)+$/;
// A lower-case ASCII slug (`xuexiao`, `peixun-jiangzuo`) that YAML cannot read as null or a bool.
const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
// An ASCII file name (`000_072d85c6eac7fde3.txt`, `bench-0001.txt`): a letter that no YAML number,
// timestamp or infinity holds (not a–f, i, n, o, p, x: hex, `.inf`, `.nan`, `0o`) rules those
// out, as the missing `:` and space rule out sexagesimals and times; a digit, `.`, `_` or `-`
// rules out the words of bools and null.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NON_NUMERIC_LETTER = /[g-hj-mq-wyzG-HJ-MQ-WYZ]/;
const NOT_A_WORD = /[0-9._-]/;
// Dates YAML reads as a timestamp (`2009-01-18`, when it is a real day) or an integer (`2009`):
// js-yaml single-quotes them. `2009-01` is no timestamp: plain.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^[1-9]\d{3}$/;
const MONTH = /^\d{4}-\d{2}$/;
// CJK text that starts with a YAML indicator (an anonymised `***街道工委`): never plain, single-quoted.
const INDICATOR_CJK = new RegExp(`^\\*[*${CJK}]*$`);
const KEY = /^[A-Za-z][A-Za-z0-9]*$/;
const RESERVED = /^(?:null|true|false|yes|no|on|off|y|n)$/i;

/** A real day of the proleptic Gregorian calendar (year 0000 included), as js-yaml checks it. */
function isDay(year: number, month: number, day: number): boolean {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return days !== undefined && day >= 1 && day <= days;
}

/** The scalar as js-yaml writes it, when that is certain; else null. */
function knownScalar(value: unknown): string | null {
	if (value === null) return 'null';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number')
		return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : null;
	if (typeof value !== 'string') return null;
	if (CJK_PLAIN.test(value) && !ALL_SPACE.test(value)) return value;
	if (SLUG.test(value) && !RESERVED.test(value)) return value;
	if (CJK_MIXED.test(value) && !ALL_SPACE.test(value)) return value;
	if (HYPHENATED.test(value) && /[a-z]/.test(value) && !value.includes('e-')) return value;
	if (FILE_NAME.test(value) && NON_NUMERIC_LETTER.test(value) && NOT_A_WORD.test(value))
		return value;
	const day = DAY.exec(value);
	if (day) return isDay(Number(day[1]), Number(day[2]), Number(day[3])) ? `'${value}'` : null;
	if (YEAR.test(value)) return `'${value}'`;
	if (MONTH.test(value)) return value;
	if (INDICATOR_CJK.test(value)) return `'${value}'`;
	return null;
}

function pair(key: string, value: unknown): string | null {
	if (!KEY.test(key) || RESERVED.test(key)) return null;
	if (Array.isArray(value)) {
		if (value.length === 0) return `${key}: []\n`;
		let out = `${key}:\n`;
		for (const item of value) {
			const scalar = knownScalar(item);
			if (scalar === null) return null;
			out += `  - ${scalar}\n`;
		}
		return out;
	}
	const scalar = knownScalar(value);
	return scalar === null ? null : `${key}: ${scalar}\n`;
}

// String pairs js-yaml wrote, by key and value: the reports of one source repeat most of them
// (`source`, `sourceSlug`, `compilationTitle`, `date`). Bounded: cleared when full.
const DUMPED = new Map<string, string>();
const DUMPED_MAX = 4096;

function dumpPair(key: string, value: unknown): string {
	if (typeof value !== 'string') return dump({ [key]: value }, OPTIONS);
	const memo = `${key}\u0000${value}`;
	let text = DUMPED.get(memo);
	if (text === undefined) {
		if (DUMPED.size >= DUMPED_MAX) DUMPED.clear();
		DUMPED.set(memo, (text = dump({ [key]: value }, OPTIONS)));
	}
	return text;
}

/** The YAML text of `data` (a flat-ish JSON object), as js-yaml would dump it. */
export function serializeFrontmatter(data: Record<string, unknown>): string {
	let out = '';
	for (const key of Object.keys(data)) {
		const value = data[key];
		if (value === undefined) return dump(data, OPTIONS);
		const text =
			pair(key, value) ?? (KEY.test(key) ? dumpPair(key, value) : dump({ [key]: value }, OPTIONS));
		// A pair dumped alone that ends in a kept block scalar (`|+`) closes its document with
		// `...`: in the middle of the mapping that would end it, so the whole is dumped at once.
		if (text.endsWith('\n...\n')) return dump(data, OPTIONS);
		out += text;
	}
	return out === '' ? dump(data, OPTIONS) : out;
}
