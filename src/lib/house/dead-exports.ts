/**
 * Exports nobody imports: a module's exported names that no other file imports (dead), and those
 * only tests import (test-only). Imports are read from the AST: named, default, namespace (`* as`
 * uses every export), dynamic `import()` (likewise), re-exports (`export { a } from`, `export *`).
 * Only relative specifiers are followed (`./x.ts`, `../y`, `./z/index.ts`).
 */
import path from 'node:path';
import ts from 'typescript';
import { nodeLine, walk, type ParsedFile } from './source-code.ts';
import type { Finding } from './spelled.ts';

/** Which files are entry points (their exports are used by a framework) and which are tests. */
export interface DeadExportOptions {
	isEntry: (path: string) => boolean;
	isTest: (path: string) => boolean;
}

/**
 * What is dead and what only tests use, values (functions, constants, classes) apart from types
 * (interfaces, type aliases): an exported type that names a parameter of an exported function is
 * documentation, not dead code.
 */
export interface DeadExports {
	dead: Finding[];
	testOnly: Finding[];
	deadTypes: Finding[];
}

interface Export extends Finding {
	isType: boolean;
}

interface Use {
	target: string;
	name: string;
	from: string;
}

const EXTENSIONS = ['', '.ts', '.mjs', '.js', '/index.ts'];

function resolve(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
	const candidates = EXTENSIONS.map((e) => base + e);
	if (base.endsWith('.js')) candidates.push(base.replace(/\.js$/, '.ts'));
	return candidates.find((c) => known.has(c));
}

function hasExport(node: ts.Node): boolean {
	return (
		ts.canHaveModifiers(node) &&
		(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
	);
}

function declaredNames(node: ts.Statement): string[] {
	if (ts.isVariableStatement(node))
		return node.declarationList.declarations.map((d) => d.name.getText());
	const isDefault = (ts.getModifiers(node as ts.HasModifiers) ?? []).some(
		(m) => m.kind === ts.SyntaxKind.DefaultKeyword,
	);
	if (isDefault) return ['default'];
	const name = (node as { name?: ts.Node }).name;
	return name ? [name.getText()] : [];
}

function isTypeDeclaration(node: ts.Node): boolean {
	return ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
}

function fileExports(file: ParsedFile): Export[] {
	const found: Export[] = [];
	for (const p of file.pieces) {
		for (const st of p.source.statements) {
			const line = nodeLine(p, st.getStart());
			const isType = isTypeDeclaration(st);
			if (hasExport(st))
				for (const what of declaredNames(st)) found.push({ path: file.path, line, what, isType });
			if (ts.isExportAssignment(st))
				found.push({ path: file.path, line, what: 'default', isType: false });
			if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
				for (const el of st.exportClause.elements) {
					found.push({
						path: file.path,
						line,
						what: el.name.text,
						isType: st.isTypeOnly || el.isTypeOnly,
					});
				}
			}
		}
	}
	return found;
}

function fileUses(file: ParsedFile, known: ReadonlySet<string>): Use[] {
	const uses: Use[] = [];
	const add = (specifier: string, names: string[]) => {
		const target = resolve(file.path, specifier, known);
		if (target) for (const name of names) uses.push({ target, name, from: file.path });
	};
	for (const p of file.pieces) {
		walk(p.source, (node) => {
			if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
				const clause = node.importClause;
				const names: string[] = [];
				if (clause?.name) names.push('default');
				const bindings = clause?.namedBindings;
				if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
				if (bindings && ts.isNamedImports(bindings)) {
					for (const el of bindings.elements) names.push((el.propertyName ?? el.name).text);
				}
				add(node.moduleSpecifier.text, names);
			}
			if (
				ts.isExportDeclaration(node) &&
				node.moduleSpecifier &&
				ts.isStringLiteral(node.moduleSpecifier)
			) {
				const clause = node.exportClause;
				const names =
					clause && ts.isNamedExports(clause)
						? clause.elements.map((el) => (el.propertyName ?? el.name).text)
						: ['*'];
				add(node.moduleSpecifier.text, names);
			}
			if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
				const arg = node.arguments[0];
				if (arg && ts.isStringLiteralLike(arg)) add(arg.text, ['*']);
			}
		});
	}
	return uses;
}

/**
 * Find the dead and test-only exports of every non-entry, non-test file.
 * @returns findings sorted by path and line; `what` is the exported name.
 */
export function deadExports(files: readonly ParsedFile[], options: DeadExportOptions): DeadExports {
	const known = new Set(files.map((f) => f.path));
	const users = new Map<string, Set<string>>();
	for (const file of files) {
		for (const use of fileUses(file, known)) {
			if (use.target === use.from) continue;
			const key = `${use.target}\0${use.name}`;
			users.set(key, (users.get(key) ?? new Set()).add(use.from));
		}
	}
	const dead: Finding[] = [];
	const testOnly: Finding[] = [];
	const deadTypes: Finding[] = [];
	for (const file of files) {
		if (options.isEntry(file.path) || options.isTest(file.path)) continue;
		for (const ex of fileExports(file)) {
			const from = [
				...(users.get(`${file.path}\0${ex.what}`) ?? []),
				...(users.get(`${file.path}\0*`) ?? []),
			];
			const finding = { path: ex.path, line: ex.line, what: ex.what };
			if (from.length === 0) (ex.isType ? deadTypes : dead).push(finding);
			else if (!ex.isType && from.every(options.isTest)) testOnly.push(finding);
		}
	}
	return { dead, testOnly, deadTypes };
}
