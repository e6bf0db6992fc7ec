/**
 * The fast path of `toMdx`: a block whose text `toMarkdown` writes out unchanged, but for a
 * backslash before each `[` and `*` (a link or emphasis could open at any of them, wherever they
 * stand: `\[1]`, `\*\*\*街道`), is written here in one scan of its code units.
 *
 * Such a text starts with a non-ASCII character (or digits and then one: `2008年`; or digits and
 * `.` and then one: `1.现代`; or `(`, as in `(一)`; or one of the two escaped characters; or an
 * ASCII letter, but not `import` or `export`: `XX街道`), so no line-start construct applies
 * (`# `, `- `, `1. `, `> `, an ESM block); after that it holds no other
 * ASCII character that Markdown or MDX reads as syntax in running text (`<`, `{`, `_`, `` ` ``,
 * `\\`, `&`, `/` of `http:/`, `|`, `~`, `#`), no line break, no trailing space and neither `](`
 * nor `![` (there `(` or `!` would be escaped: they could make a link or an image). `=` and `>`
 * are syntax only at a line start.
 *
 * Doesn’t write any other block (null: the caller takes the mdast path).
 * tests/unit/ingest-mdx-fast-path.test.ts checks this against the mdast path.
 */
import { unitTable } from '../ingest/lines/unit-table.ts';
import type { MdxBlock } from './to-mdx.ts';

// A first character that no line-start construct reads (a surrogate counts: so does a pair).
const NON_ASCII = unitTable(/[^\u0000-\u007f\u2028\u2029\u0085]/g);
// After the first character: anything but other ASCII syntax, control characters and line
// breaks (what is left of ASCII: digits, letters, space and `,%.:;()"?+-[]*!=>`).
const REST = unitTable(/[^\u0000-\u001f#$&'/<@\\^_`{|}~\u007f\u0085\u2028\u2029]/g);
const ESCAPED = /[[*]/g;

const isDigit = (unit: number) => unit >= 0x30 && unit <= 0x39;
const isLetter = (unit: number) => (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a;
// A paragraph that starts with these would be read as an ESM block (see to-mdx.ts).
const ESM_KEYWORD = /^(?:import|export)/i;

/** Where the text after its opening starts; -1 when the opening is not one of the above. */
function openingEnd(text: string): number {
	const first = text.charCodeAt(0);
	if (NON_ASCII[first] === 1 || text[0] === '(' || text[0] === '[' || text[0] === '*') return 1;
	if (isLetter(first)) return ESM_KEYWORD.test(text) ? -1 : 1;
	if (!isDigit(first)) return -1;
	let i = 1;
	while (isDigit(text.charCodeAt(i))) i++;
	if (NON_ASCII[text.charCodeAt(i)] === 1) return i + 1;
	return text[i] === '.' && NON_ASCII[text.charCodeAt(i + 1)] === 1 ? i + 2 : -1;
}

/** A block as `toMarkdown` writes it when its text is plain (see above); else null. */
export function plainMarkdown(block: MdxBlock): string | null {
	if (block.type === 'table') return null;
	const { text } = block;
	if (text.length === 0 || text[text.length - 1] === ' ') return null;
	const start = openingEnd(text);
	if (start < 0) return null;
	let escapes = text[0] === '[' || text[0] === '*';
	for (let i = start; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (REST[unit] === 0) return null;
		if (unit === 0x5b || unit === 0x2a) {
			escapes = true;
			if (unit === 0x5b && text.charCodeAt(i - 1) === 0x21) return null; // `![`
		} else if (unit === 0x28 && text.charCodeAt(i - 1) === 0x5d) return null; // `](`
	}
	const written = escapes ? text.replace(ESCAPED, '\\$&') : text;
	return block.type === 'heading' ? `${'#'.repeat(block.depth)} ${written}` : written;
}
