/**
 * Where a report is in a non-text source: its PDF pages and the folios printed on them, or its
 * paragraph range in a Word or HTML document. A `.txt` report has its line range only.
 *
 * Doesn’t compute line ranges (the splitter does) or change them.
 */
import type { ExtractedText } from '../types.ts';
import type { PageModel } from './furniture.ts';

export interface Provenance {
	pdfPages?: [number, number];
	folios?: [string | null, string | null];
	paragraphs?: [number, number];
}

/**
 * @param lines The report's [first, last] 1-based line of the extracted text.
 * @returns the fields to add to its frontmatter ({} for a `.txt`).
 */
export function provenance(
	lines: readonly [number, number],
	extracted: ExtractedText | undefined,
	pages: PageModel,
): Provenance {
	if (!extracted) return {};
	if (extracted.pageOfLine) {
		const first = extracted.pageOfLine[lines[0] - 1] ?? 1;
		const last = extracted.pageOfLine[lines[1] - 1] ?? first;
		// The folio printed on the page, else the page's label when the PDF has labels.
		const folio = (p: number) => pages.folios.get(p) ?? extracted.pageLabels?.[p - 1] ?? null;
		return { pdfPages: [first, last], folios: [folio(first), folio(last)] };
	}
	if (extracted.paragraphOfLine) {
		const first = extracted.paragraphOfLine[lines[0] - 1] ?? 1;
		return { paragraphs: [first, extracted.paragraphOfLine[lines[1] - 1] ?? first] };
	}
	return {};
}
