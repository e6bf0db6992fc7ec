/**
 * A report’s span in the source, as found by the splitter of its source’s shape.
 */
import type { TocItem } from './parse-toc.ts';

export interface SpanDraft {
	/** Index in the source lines of the span’s first line (title, or first body line). */
	start: number;
	/** Index after the span’s last line. */
	end: number;
	/** Index of the title’s last line when the title was located by the TOC. */
	titleEnd?: number;
	tocItem?: TocItem;
	/** The TOC section of a report the TOC doesn't list (the section of the report before it). */
	section?: string | null;
	/** Position in the source (TOC order for a compilation). */
	order: number;
	/** A web collection item’s label (`第1篇:…`), which can lie. */
	webLabel: string | null;
	/** Source line of the web label, for issues about it. */
	labelLine?: number;
	/** The item is a bundle of documents: its label is its title, the body keeps everything. */
	bundle: boolean;
	/**
	 * Index ranges [from, to) of text before the span that belongs to no other place (see
	 * `account-lines.ts`): kept at the start of the body.
	 */
	lead?: Array<[number, number]>;
	/** Index ranges [from, to) of such text after the span, which now ends after them. */
	kept?: Array<[number, number]>;
}
