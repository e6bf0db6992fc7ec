/**
 * The shapes of a text extraction of pages set in two columns that can be read column by column
 * (issue 13): prose side by side on each line (`pdftotext -layout`, `two-columns.ts`), a TOC in
 * two columns side by side (`two-column-toc.ts`), lines in turn (plain `pdftotext`,
 * `interleaved-columns.ts`) and a TOC's entries in turn (`interleaved-toc.ts`). Read once, in that
 * order.
 */
import type { RepairLog } from '../lines/repair-log.ts';
import type { SourceLine } from '../lines/source-lines.ts';
import type { IngestIssue } from '../types.ts';
import { unweaveColumns } from './interleaved-columns.ts';
import { unweaveToc } from './interleaved-toc.ts';
import { splitColumns } from './two-columns.ts';
import { splitTocColumns } from './two-column-toc.ts';

/**
 * @param file The source's file name.
 * @param lines Source lines after the page stage (furniture removed: blank).
 * @param pageOfLine 1-based page of each line.
 * @param dropped Line numbers removed as furniture.
 * @param log Receives the repairs' counts (`column-split`, `column-interleave`).
 * @returns The lines in reading order with their pages (null when nothing was read anew), and
 *   the pages already named in a warning (with those warnings).
 */
export function readTextColumns(
	file: string,
	lines: readonly SourceLine[],
	pageOfLine: readonly number[],
	dropped: ReadonlyMap<number, unknown>,
	log: RepairLog,
): {
	read: { lines: SourceLine[]; pageOfLine: number[] } | null;
	named: ReadonlySet<number>;
	issues: IngestIssue[];
} {
	const prose = splitColumns(lines, pageOfLine, dropped, log);
	const toc = splitTocColumns(prose?.lines ?? lines, prose?.pageOfLine ?? pageOfLine, log) ?? prose;
	const woven = unweaveColumns(
		file,
		toc?.lines ?? lines,
		toc?.pageOfLine ?? pageOfLine,
		dropped,
		log,
	);
	const read = woven.read ?? toc;
	const tocInTurn = unweaveToc(read?.lines ?? lines, read?.pageOfLine ?? pageOfLine, log);
	return { read: tocInTurn ?? read, named: woven.named, issues: woven.issues };
}
