/**
 * The opening excerpt of a rendered report body: the text of its paragraphs, in order, cut
 * to about `max` characters.
 *
 * Works on the HTML the site's own renderer produces (`<p>` and `<h2>`…): skips headings,
 * strips tags and decodes the entities rehype-stringify emits. Doesn’t sanitise for HTML
 * output: the result is plain text, to be rendered as text (escaped by Astro).
 */

const named: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

/** Decode HTML character references (`&#x3C;`, `&#60;`, `&amp;` …). Unknown names stay as they are. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code =
				ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
		}
		return named[ref.toLowerCase()] ?? whole;
	});
}

/**
 * @param html Rendered body HTML.
 * @param max Characters to keep (code points), default 80; `…` is added when text was cut.
 * @returns Plain text, '' when the body has no paragraph.
 */
export function excerptFromHtml(html: string, max = 80): string {
	const parts: string[] = [];
	let length = 0;
	for (const match of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)) {
		const text = decodeEntities((match[1] ?? '').replace(/<[^>]*>/g, ''))
			.replace(/\s+/g, ' ')
			.trim();
		if (!text) continue;
		parts.push(text);
		length += [...text].length;
		if (length > max) break;
	}
	const chars = [...parts.join(' ')];
	return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
