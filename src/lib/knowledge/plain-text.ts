/**
 * Plain text for Windows and every other editor: a UTF-8 byte-order mark (so Notepad and older
 * editors pick UTF-8 for Chinese text), CRLF line ends, groups of lines separated by one blank
 * line, a final line end.
 *
 * The serializer of the `.txt` downloads: a line is data, never markup, and can't break the
 * layout: any CR, LF, U+2028/9 or tab inside it becomes a space, and a line that is empty after
 * trimming is left out (so a group never holds a blank line). Doesn’t wrap long lines.
 */
const LINE_BREAKS = /[\r\n\u2028\u2029\t]+/g;

/**
 * @param groups Groups of lines (a heading block, a paragraph, a metadata block), in order;
 *   empty groups are skipped.
 * @returns The text, starting with U+FEFF.
 */
export function toPlainText(groups: ReadonlyArray<readonly string[]>): string {
	const blocks = groups
		.map((lines) => lines.map((l) => l.replace(LINE_BREAKS, ' ').trim()).filter((l) => l !== ''))
		.filter((lines) => lines.length > 0)
		.map((lines) => lines.join('\r\n'));
	return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
