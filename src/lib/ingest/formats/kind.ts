/**
 * What kind of source a file is, by its name: a compilation huibian reads (`.txt`, `.pdf`,
 * `.docx`, `.html`/`.htm`), a legacy Word or WPS file it refuses with advice, or anything else
 * (skipped with a warning). `.yaml` files are metadata and not sources at all.
 *
 * Doesn’t look at the bytes: a `.txt` that is really a PDF is read as text (and refused by the
 * decoder as garbage).
 */
export type SourceKind = 'txt' | 'pdf' | 'docx' | 'html';

const KINDS: Readonly<Record<string, SourceKind>> = {
	'.txt': 'txt',
	'.pdf': 'pdf',
	'.docx': 'docx',
	'.html': 'html',
	'.htm': 'html',
};
const LEGACY = new Set(['.doc', '.wps', '.rtf']);

/** The lower-cased extension of a file name (`.PDF` → `.pdf`), '' when it has none. */
function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * @returns the source kind; `legacy` for `.doc`/`.wps`/`.rtf`; `metadata` for `.yaml`/`.yml`;
 *   `other` for anything else (including hidden files).
 */
export function sourceKind(name: string): SourceKind | 'legacy' | 'metadata' | 'other' {
	const ext = extensionOf(name);
	if (name.startsWith('.')) return 'other';
	if (ext === '.yaml' || ext === '.yml') return 'metadata';
	if (LEGACY.has(ext)) return 'legacy';
	return KINDS[ext] ?? 'other';
}
