/**
 * Read the text layer of a PDF with PDF.js (the legacy build, which runs in Node): every page's
 * text items with their baseline position, advance width and font size, and the outline and
 * page labels when the book has them. Kangxi and supplement radicals are mapped to unified
 * ideographs (`radicals.ts`) and counted.
 *
 * Doesn’t read files: the caller passes the bytes and the folders of PDF.js's bundled CMaps and
 * standard fonts (so CJK fonts decode offline). Doesn’t render anything.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfItem, PdfPageText } from './pdf-lines.ts';
import { unifyRadicals } from './radicals.ts';

export interface PdfAssets {
	/** Folder URL or path of `pdfjs-dist/cmaps/`, ending in `/`. */
	cMapUrl: string;
	/** Folder URL or path of `pdfjs-dist/standard_fonts/`, ending in `/`. */
	standardFontDataUrl: string;
}

export interface PdfText {
	pages: PdfPageText[];
	/** Page labels (`i`, `ii`, `1`, …) when the PDF has them, else null. */
	labels: string[] | null;
	/** Top-level outline titles, when the PDF has an outline. */
	outline: string[];
	/** Radicals mapped to unified ideographs. */
	radicals: number;
	/** 1-based pages without text that paint a picture (a scanned page, not a blank one). */
	pictured: Set<number>;
}

const PICTURE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);

interface TextItemLike {
	str?: string;
	transform?: number[];
	width?: number;
}

/** @throws when PDF.js cannot open the file (the caller turns it into an issue). */
export async function readPdf(bytes: Uint8Array, assets: PdfAssets): Promise<PdfText> {
	// PDF.js takes ownership of the buffer it is given: pass a copy.
	const task = getDocument({ data: bytes.slice(), cMapUrl: assets.cMapUrl, cMapPacked: true, standardFontDataUrl: assets.standardFontDataUrl, useSystemFonts: false, verbosity: 0 });
	const doc = await task.promise;
	try {
		const pages: PdfPageText[] = [];
		let radicals = 0;
		const pictured = new Set<number>();
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			const items: PdfItem[] = [];
			for (const raw of content.items as TextItemLike[]) {
				if (typeof raw.str !== 'string' || !raw.transform) continue;
				const [a = 0, b = 0, , , x = 0, y = 0] = raw.transform;
				const mapped = unifyRadicals(raw.str);
				radicals += mapped.count;
				items.push({ str: mapped.text, x, y, w: raw.width ?? 0, size: Math.hypot(a, b) });
			}
			pages.push({ items });
			// Only a page without text is looked at again: does it paint a picture (a scan)?
			if (!items.some((i) => i.str.trim() !== '')) {
				const ops = await page.getOperatorList();
				if (ops.fnArray.some((fn) => PICTURE_OPS.has(fn))) pictured.add(n);
			}
			page.cleanup();
		}
		const labels = await doc.getPageLabels();
		const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
		return { pages, labels, outline, radicals, pictured };
	} finally {
		await task.destroy();
	}
}
