/**
 * Folios: the printed page numbers on a line of their own, in their common forms.
 *
 * `5`, `- 5 -`, `— 5 —`, `－5－`, `· 5 ·`, `·6·`, `• 5 •`, `第5页`, `第 5 页`, `5/24`, `5 / 24`,
 * `第5页 共24页`, `第5页/共24页`. Doesn’t accept a bracketed number (`（7）` is a TOC page number on
 * its own line) or a number with other text.
 */
const DASH = '[-‐‑–—―－~～]';
const DOT = '[·•・∙⋅]';
const FORMS = [
	new RegExp(`^(\\d{1,4})$`),
	new RegExp(`^${DASH}{1,2}\\s*(\\d{1,4})\\s*${DASH}{1,2}$`),
	new RegExp(`^${DOT}\\s*(\\d{1,4})\\s*${DOT}$`),
	/^第\s*(\d{1,4})\s*页(?:\s*[/／,，]?\s*共\s*\d{1,4}\s*页)?$/,
	/^(\d{1,4})\s*[/／]\s*\d{1,4}$/,
];

/** A folio line's page number as printed (`— 5 —` → `5`), or null when the line is not a folio. */
export function folioOf(text: string): string | null {
	// (Most lines are long text: don't look further at them.)
	if (text.length > 64) return null;
	const t = text.replace(/[\s\u3000\f]+/g, ' ').trim();
	if (t.length === 0 || t.length > 16) return null;
	for (const form of FORMS) {
		const m = form.exec(t);
		if (m) return m[1]!;
	}
	return null;
}

/** True for a folio form that cannot be a number in the text (`— 5 —`, `第5页`, `5/24`): not bare digits. */
export function isDecoratedFolio(text: string): boolean {
	return folioOf(text) !== null && !/^\s*\d+\s*$/.test(text.replace(/\f/g, ''));
}
