/**
 * CSV text (RFC 4180) for spreadsheets: a UTF-8 byte-order mark so Excel reads Chinese text,
 * CRLF line ends, and every field that holds a comma, quote, CR or LF quoted with `""` doubling.
 *
 * Doesn’t guard against formula injection beyond quoting: values are the reports' own text.
 */
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: string): string {
	return NEEDS_QUOTES.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * @param columns Column names, in order (the header row).
 * @param rows One record per row; a missing value is ''.
 */
export function toCsv<K extends string>(columns: readonly K[], rows: ReadonlyArray<Record<K, string>>): string {
	const lines = [columns.map(field).join(',')];
	for (const row of rows) lines.push(columns.map((c) => field(row[c] ?? '')).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Parse CSV text written by `toCsv` (or any RFC 4180 text) into rows of strings. */
export function parseCsv(text: string): string[][] {
	const src = text.replace(/^\uFEFF/, '');
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < src.length; i++) {
		const c = src[i]!;
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') (cell += '"'), i++;
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(cell), (cell = '');
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			row.push(cell), rows.push(row), (row = []), (cell = '');
		} else cell += c;
	}
	if (cell !== '' || row.length) row.push(cell), rows.push(row);
	return rows;
}
