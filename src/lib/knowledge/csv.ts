/**
 * CSV text (RFC 4180) for spreadsheets: a UTF-8 byte-order mark so Excel reads Chinese text,
 * CRLF line ends, and every field that holds a comma, quote, CR or LF quoted with `""` doubling.
 *
 * Formula injection: a cell that starts with `=`, `+`, `-`, `@`, TAB or CR is what Excel, WPS and
 * LibreOffice run as a formula (`=HYPERLINK(…)`, `-2+3`, `@SUM(…)`), and titles come from
 * sources, metadata and overrides. Such a cell is written with a leading `'` (OWASP's advice),
 * which spreadsheets show as text (a reader gets the cell as written, `'` included).
 */
const NEEDS_QUOTES = /[",\r\n]/;
/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-looking text prefixed with `'`, then quoted when it must be. */
function csvCell(value: string): string {
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * @param columns Column names, in order (the header row).
 * @param rows One record per row; a missing value is ''.
 */
export function toCsv<K extends string>(
	columns: readonly K[],
	rows: ReadonlyArray<Record<K, string>>,
): string {
	const lines = [columns.map(csvCell).join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? '')).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
