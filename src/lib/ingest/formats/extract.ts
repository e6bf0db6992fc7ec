/**
 * Read a PDF, Word or HTML source into the line model the ingester works on (`ExtractedText` on
 * the `SourceInput`); a `.txt` passes through untouched (it is decoded by `decode.ts`).
 *
 * A PDF whose pages carry pictures but no text (a scan) is refused with its pages named; a file
 * the reader cannot open is refused with the reader's reason. Async only because PDF.js and
 * mammoth are; reads no files (the PDF.js asset folders come from the caller).
 */
import { decodeSource } from '../decode/decode.ts';
import type { ExtractedText, IngestIssue, SourceInput } from '../types.ts';
import { sourceKind } from './kind.ts';
import { pdfToText } from './pdf-lines.ts';
import type { PdfAssets } from './read-pdf.ts';

// The readers are loaded when a source needs them: PDF.js and mammoth are large, and a run of
// `.txt` sources should not wait for them.
const readers = {
	pdf: () => import('./read-pdf.ts'),
	docx: () => import('./docx.ts'),
	html: () => import('./html.ts'),
};

function refuse(file: string, ruleId: string, message: string): IngestIssue {
	return { file, line: 1, column: 1, ruleId, severity: 'error', message };
}

/** `[1, 2, 3, 7]` → `1–3, 7`. */
export function pageRanges(pages: readonly number[]): string {
	const out: string[] = [];
	for (let i = 0; i < pages.length; i++) {
		let j = i;
		while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
		out.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
		i = j;
	}
	return out.join(', ');
}

async function extractPdf(input: SourceInput, assets: PdfAssets): Promise<ExtractedText> {
	const pdf = await (await readers.pdf()).readPdf(input.bytes, assets);
	const { text, pageOfLine, sizeOfLine, empty, pictures } = pdfToText(pdf.pages);
	const scanned = empty.filter((p) => pdf.pictured.has(p));
	const errors: IngestIssue[] = [];
	if (scanned.length || empty.length === pdf.pages.length) {
		const pages = scanned.length ? scanned : empty;
		const what = pages.length === 1 ? `page ${pages[0]} has` : `pages ${pageRanges(pages)} have`;
		errors.push(
			refuse(
				input.file,
				'decode:no-text-layer',
				`${input.file}: ${what} no text layer (scanned?): run OCR first, or add the text as a .txt beside it.`,
			),
		);
	}
	const labels = pdf.labels ? { pageLabels: pdf.labels } : {};
	const outline = pdf.outline.length ? { outline: pdf.outline } : {};
	return {
		kind: 'pdf',
		text,
		pageOfLine,
		sizeOfLine,
		...labels,
		...outline,
		repairs: {
			...(pdf.radicals ? { 'kangxi-radical': pdf.radicals } : {}),
			...(pictures ? { 'picture-placeholder': pictures } : {}),
		},
		errors,
	};
}

/**
 * @returns the input with `extracted` set (PDF, DOCX, HTML), or the input itself (`.txt` and
 *   anything else: the shell does not pass other kinds).
 */
export async function extractSource(input: SourceInput, assets: PdfAssets): Promise<SourceInput> {
	const kind = sourceKind(input.file);
	try {
		if (kind === 'pdf') return { ...input, extracted: await extractPdf(input, assets) };
		if (kind === 'docx')
			return {
				...input,
				extracted: {
					kind: 'docx',
					...(await (await readers.docx()).docxToText(input.bytes)),
					repairs: {},
					errors: [],
				},
			};
		if (kind === 'html') {
			const decoded = decodeSource(input.file, input.bytes);
			if (!decoded.ok)
				return {
					...input,
					extracted: { kind: 'html', text: '', repairs: {}, errors: [decoded.issue] },
				};
			return {
				...input,
				extracted: {
					kind: 'html',
					...(await readers.html()).htmlToText(decoded.text),
					repairs: {},
					errors: [],
				},
			};
		}
	} catch (error) {
		const reason = (error as Error).message.split('\n')[0] ?? 'unreadable';
		const what = kind === 'pdf' ? 'a PDF' : 'a Word (.docx) document';
		return {
			...input,
			extracted: {
				kind: kind as 'pdf' | 'docx',
				text: '',
				repairs: {},
				errors: [
					refuse(
						input.file,
						'decode:unreadable',
						`${input.file}: expected ${what}, found a file its reader cannot open (${reason}). Save it again as ${kind === 'pdf' ? 'PDF' : '.docx'}.`,
					),
				],
			},
		};
	}
	return input;
}
