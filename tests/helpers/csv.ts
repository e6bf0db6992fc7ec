/**
 * A CSV reader for the tests (RFC 4180: quoted fields with `""`, CRLF or LF row ends, a leading
 * byte-order mark dropped), written apart from the site's writer (`src/lib/knowledge/csv.ts`) so
 * that the tests read the files the way a spreadsheet would, not the way the writer thinks.
 */

/** Parse CSV text (`toCsv`'s or any RFC 4180 text) into rows of strings. */
export function parseCsv(text: string): string[][] {
	const src = text.replace(/^\uFEFF/, '');
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < src.length; i++) {
		const c = src[i]!;
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') ((cell += '"'), i++);
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') (row.push(cell), (cell = ''));
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			(row.push(cell), rows.push(row), (row = []), (cell = ''));
		} else cell += c;
	}
	if (cell !== '' || row.length) (row.push(cell), rows.push(row));
	return rows;
}
