/**
 * The TypeScript parts of one source file, parsed with the compiler API: a `.ts`/`.mjs`/`.js`
 * file whole; an `.astro` file's frontmatter (between the `---` fences) and each `<script>`
 * element; its template as text, for the URLs it spells in attributes.
 *
 * Pure: the caller reads the files (`scripts/house-counts.ts`).
 */
import ts from 'typescript';

/** One file of the tree, as read: a repository-relative path with `/` separators. */
export interface SourceFile {
	path: string;
	text: string;
}

/** A piece of TypeScript inside a file, with the line its first character is on (1-based). */
export interface CodePiece {
	source: ts.SourceFile;
	firstLine: number;
}

/** The file's TypeScript pieces and, for `.astro`, its template text (else ''). */
export interface ParsedFile {
	path: string;
	pieces: CodePiece[];
	template: string;
}

const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

function piece(path: string, text: string, firstLine: number): CodePiece {
	const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	return { source, firstLine };
}

function lineOf(text: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/**
 * Parse one file. An `.astro` file without frontmatter has only its scripts as pieces.
 * @returns its pieces (possibly none) and its template text.
 */
export function parseSourceFile(file: SourceFile): ParsedFile {
	if (!file.path.endsWith('.astro')) {
		return { path: file.path, pieces: [piece(file.path, file.text, 1)], template: '' };
	}
	const pieces: CodePiece[] = [];
	let template = file.text;
	const fence = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(file.text);
	if (fence) {
		pieces.push(piece(`${file.path}.frontmatter.ts`, fence[1] ?? '', 2));
		template = file.text.slice(fence[0].length);
	}
	const offset = file.text.length - template.length;
	for (const m of template.matchAll(SCRIPT)) {
		const body = m[1] ?? '';
		const start = offset + (m.index ?? 0) + m[0].indexOf('>') + 1;
		pieces.push(piece(`${file.path}.script.ts`, body, lineOf(file.text, start)));
	}
	return { path: file.path, pieces, template: template.replace(SCRIPT, '') };
}

/** The 1-based line, in the whole file, of a node of one of its pieces. */
export function nodeLine(p: CodePiece, pos: number): number {
	return p.source.getLineAndCharacterOfPosition(pos).line + p.firstLine;
}

/** Every node of a piece, depth first. */
export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
	visit(node);
	node.forEachChild((child) => walk(child, visit));
}
