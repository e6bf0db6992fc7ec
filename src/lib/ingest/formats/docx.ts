/**
 * A Word document (`.docx`) → HTML with mammoth (paragraphs, their heading styles as `h1`–`h6`,
 * tables as tables), read into the line model by `htmlToText`.
 *
 * Doesn’t read legacy `.doc`/`.wps` (refused earlier, with advice) and keeps no image bytes: a
 * picture becomes a placeholder line with its alt text (see `htmlToText`).
 */
import mammoth from 'mammoth';
import { htmlToText, type HtmlText } from './html.ts';

/** @throws when the bytes are not a Word document (the caller turns it into an issue). */
export async function docxToText(bytes: Uint8Array): Promise<HtmlText> {
	const { value } = await mammoth.convertToHtml(
		{ buffer: Buffer.from(bytes) },
		// A picture keeps its caption (alt text), not its bytes: `htmlToText` prints a placeholder.
		{
			convertImage: mammoth.images.imgElement(async (image) => ({
				src: '',
				alt: (image as { altText?: string }).altText ?? '',
			})),
		},
	);
	return htmlToText(`<body>${value}</body>`);
}
