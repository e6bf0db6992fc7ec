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
import type { PdfItem, PdfPageText, PdfPicture } from './pdf-lines.ts';
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
	/** The outline (bookmarks), when the PDF has one: titles, their pages, their children. */
	outline: PdfOutlineEntry[];
	/** Radicals mapped to unified ideographs. */
	radicals: number;
	/** 1-based pages without text that paint a picture (a scanned page, not a blank one). */
	pictured: Set<number>;
}

export interface PdfOutlineEntry {
	title: string;
	/** 1-based page the entry points to, or null when its destination can't be resolved. */
	page: number | null;
	items: PdfOutlineEntry[];
}

interface RawOutline {
	title: string;
	dest: string | unknown[] | null;
	items: RawOutline[];
}

/** The outline with each entry's page (a named or explicit destination → page index). */
async function readOutline(
	doc: Awaited<ReturnType<typeof getDocument>['promise']>,
	raw: readonly RawOutline[],
): Promise<PdfOutlineEntry[]> {
	const out: PdfOutlineEntry[] = [];
	for (const o of raw) {
		let page: number | null = null;
		try {
			const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
			const ref = dest?.[0];
			if (typeof ref === 'number') page = ref + 1;
			else if (ref && typeof ref === 'object')
				page = (await doc.getPageIndex(ref as Parameters<typeof doc.getPageIndex>[0])) + 1;
		} catch {
			// A broken destination leaves the entry without a page: its title still counts.
		}
		out.push({ title: o.title.trim(), page, items: await readOutline(doc, o.items ?? []) });
	}
	return out;
}

const PICTURE_OPS = new Set<number>([
	OPS.paintImageXObject,
	OPS.paintInlineImageXObject,
	OPS.paintImageMaskXObject,
	OPS.paintImageXObjectRepeat,
]);

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
	m[0] * n[0] + m[2] * n[1],
	m[1] * n[0] + m[3] * n[1],
	m[0] * n[2] + m[2] * n[3],
	m[1] * n[2] + m[3] * n[3],
	m[0] * n[4] + m[2] * n[5] + m[4],
	m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * The boxes (PDF units, y upwards) of the pictures a page paints: each image is drawn into the
 * unit square under the current transform, which `save`/`restore`, `transform` and form
 * XObjects change.
 */
function pictureBoxes(fnArray: readonly number[], argsArray: readonly unknown[]): PdfPicture[] {
	const boxes: PdfPicture[] = [];
	const stack: Matrix[] = [];
	let ctm: Matrix = IDENTITY;
	for (let i = 0; i < fnArray.length; i++) {
		const fn = fnArray[i]!;
		const args = argsArray[i] as unknown[] | null;
		if (fn === OPS.save) stack.push(ctm);
		else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
		else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
		else if (fn === OPS.paintFormXObjectBegin) {
			stack.push(ctm);
			const m = args?.[0];
			if (Array.isArray(m) && m.length === 6) ctm = multiply(ctm, m as Matrix);
		} else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
		else if (PICTURE_OPS.has(fn)) {
			const xs = [ctm[4], ctm[4] + ctm[0], ctm[4] + ctm[2], ctm[4] + ctm[0] + ctm[2]];
			const ys = [ctm[5], ctm[5] + ctm[1], ctm[5] + ctm[3], ctm[5] + ctm[1] + ctm[3]];
			boxes.push({
				x: Math.min(...xs),
				y: Math.min(...ys),
				w: Math.max(...xs) - Math.min(...xs),
				h: Math.max(...ys) - Math.min(...ys),
			});
		}
	}
	return boxes;
}

interface TextItemLike {
	str?: string;
	transform?: number[];
	width?: number;
}

/** @throws when PDF.js cannot open the file (the caller turns it into an issue). */
export async function readPdf(bytes: Uint8Array, assets: PdfAssets): Promise<PdfText> {
	// PDF.js takes ownership of the buffer it is given: pass a copy.
	const task = getDocument({
		data: bytes.slice(),
		cMapUrl: assets.cMapUrl,
		cMapPacked: true,
		standardFontDataUrl: assets.standardFontDataUrl,
		useSystemFonts: false,
		verbosity: 0,
	});
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
			// The pictures it paints: a page without text that paints one is a scan; in a page of
			// text, a picture leaves a placeholder (pdf-lines.ts).
			const ops = await page.getOperatorList();
			const pictures = pictureBoxes(ops.fnArray, ops.argsArray);
			pages.push({ items, pictures });
			if (!items.some((i) => i.str.trim() !== '') && pictures.length > 0) pictured.add(n);
			page.cleanup();
		}
		const labels = await doc.getPageLabels();
		const outline = await readOutline(doc, ((await doc.getOutline()) ?? []) as RawOutline[]);
		return { pages, labels, outline, radicals, pictured };
	} finally {
		await task.destroy();
	}
}
