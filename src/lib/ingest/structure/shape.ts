/**
 * Recognise the shape of a source (docs/ingest-spec.md §1).
 *
 * - `toc-compilation`: a `目录` line followed by entries with page numbers;
 * - `web-collection`: at least two `第N篇:label` item lines;
 * - `single-article`: anything else.
 *
 * Doesn’t split the source; the splitters for each shape do that.
 */
import type { SourceRecord } from '../types.ts';
import type { SourceLine } from '../lines/source-lines.ts';
import { parseToc, type ParsedToc } from './parse-toc.ts';

export type Shape = SourceRecord['shape'];

/** `第3篇:街道办事处创建学习型党组织总结` → its number and label. */
export const WEB_ITEM =
	/^[ \u3000]*第[ \u3000]*(\d{1,4})[ \u3000]*篇[ \u3000]*[:：][ \u3000]*(.*?)[ \u3000]*$/;

/**
 * @param lines All lines of the source.
 * @param unitWords Unit words from the vocabulary (for a TOC's unit column).
 * @returns The shape, and the parsed TOC for a compilation.
 */
export function detectShape(
	lines: readonly SourceLine[],
	unitWords: readonly string[] = [],
): { shape: Shape; toc: ParsedToc | null } {
	const toc = parseToc(lines, unitWords);
	if (toc && toc.items.filter((i) => i.kind === 'report' && i.page !== null).length >= 2) {
		return { shape: 'toc-compilation', toc };
	}
	let items = 0;
	for (const line of lines) if (WEB_ITEM.test(line.text)) items++;
	if (items >= 2) return { shape: 'web-collection', toc: null };
	return { shape: 'single-article', toc: null };
}
