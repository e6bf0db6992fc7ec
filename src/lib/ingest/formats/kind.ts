/**
 * What kind of source a file is, by its name: a compilation huibian reads (`.txt`, `.pdf`,
 * `.docx`, `.html`/`.htm`), a legacy Word or WPS file it refuses with advice, or anything else
 * (skipped with a warning). `.yaml` files are metadata and not sources at all.
 *
 * Doesn’t look at the bytes: a `.txt` that is really a PDF is read as text (and refused by the
 * decoder as garbage).
 */
import type { IngestIssue } from '../types.ts';

export type SourceKind = 'txt' | 'pdf' | 'docx' | 'html';

/** The extensions of compilations, as printed in the “not a compilation” warning. */
export const compilationExtensions = ['.txt', '.pdf', '.docx', '.html'] as const;

const KINDS: Readonly<Record<string, SourceKind>> = { '.txt': 'txt', '.pdf': 'pdf', '.docx': 'docx', '.html': 'html', '.htm': 'html' };
const LEGACY = new Set(['.doc', '.wps', '.rtf']);

/** The lower-cased extension of a file name (`.PDF` → `.pdf`), '' when it has none. */
export function extensionOf(name: string): string {
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

/**
 * The compilations among a folder's file names, sorted; every other file is named in a warning
 * (`notes.md: not a compilation (.txt .pdf .docx .html); skipped`), a legacy `.doc`/`.wps` in an
 * error saying what to save it as. Metadata (`.yaml`) and hidden files are passed over silently.
 */
export function pickSources(names: readonly string[]): { sources: string[]; issues: IngestIssue[] } {
	const sources: string[] = [];
	const issues: IngestIssue[] = [];
	const list = compilationExtensions.join(' ');
	for (const name of [...names].sort()) {
		const kind = sourceKind(name);
		if (kind === 'metadata' || name.startsWith('.')) continue;
		const at = { file: name, line: 1, column: 1 };
		if (kind === 'legacy') issues.push({ ...at, ruleId: 'input:legacy-format', severity: 'error', message: `${name}: expected a compilation (${list}), found a legacy ${extensionOf(name)} file. Save it as .docx or PDF.` });
		else if (kind === 'other') issues.push({ ...at, ruleId: 'input:not-a-compilation', severity: 'warning', message: `${name}: not a compilation (${list}); skipped` });
		else sources.push(name);
	}
	return { sources, issues };
}
