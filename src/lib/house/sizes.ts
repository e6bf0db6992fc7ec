/**
 * Sizes a reader feels: files over a number of lines, functions over a number of lines (every
 * function-like node of the TypeScript AST: declarations, methods, arrows, function expressions,
 * accessors, constructors), lines over a number of characters (code points: 汉 is one).
 */
import ts from 'typescript';
import { nodeLine, walk, type ParsedFile, type SourceFile } from './source-code.ts';
import type { Finding } from './spelled.ts';

function lines(text: string): string[] {
	const all = text.split(/\r?\n/);
	return all.at(-1) === '' ? all.slice(0, -1) : all;
}

/** Files longer than `max` lines; `what` is the line count. */
export function longFiles(files: readonly SourceFile[], max: number): Finding[] {
	return files
		.map((f) => ({ path: f.path, line: lines(f.text).length, what: '' }))
		.filter((f) => f.line > max)
		.map((f) => ({ path: f.path, line: 1, what: `${f.line} lines` }));
}

/** Lines longer than `max` code points. */
export function longLines(file: SourceFile, max: number): Finding[] {
	const found: Finding[] = [];
	lines(file.text).forEach((line, i) => {
		const n = [...line].length;
		if (n > max) found.push({ path: file.path, line: i + 1, what: `${n} characters` });
	});
	return found;
}

function functionName(node: ts.SignatureDeclaration): string {
	if (node.name) return node.name.getText();
	const parent = node.parent;
	if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
		return parent.name.getText();
	return '(anonymous)';
}

/** Functions longer than `max` lines, from their first line to their last. */
export function longFunctions(file: ParsedFile, max: number): Finding[] {
	const found: Finding[] = [];
	for (const p of file.pieces) {
		walk(p.source, (node) => {
			if (!ts.isFunctionLike(node) || !('body' in node) || node.body === undefined) return;
			const first = nodeLine(p, node.getStart());
			const last = nodeLine(p, node.getEnd());
			if (last - first + 1 > max) {
				found.push({
					path: file.path,
					line: first,
					what: `${functionName(node)}: ${last - first + 1} lines`,
				});
			}
		});
	}
	return found;
}
