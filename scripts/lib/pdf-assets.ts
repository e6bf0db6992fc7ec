/**
 * Where PDF.js's bundled CMaps and standard fonts are on this machine (inside `pdfjs-dist`), so
 * CJK fonts in a PDF decode offline.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PdfAssets } from '../../src/lib/ingest/formats/read-pdf.ts';

const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export const pdfAssets: PdfAssets = {
	cMapUrl: `${path.join(root, 'cmaps')}/`,
	standardFontDataUrl: `${path.join(root, 'standard_fonts')}/`,
};
