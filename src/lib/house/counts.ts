/**
 * The house counts (issue 20): what makes the tree harder to change than it should be, counted
 * the same way before and after a cleanup.
 *
 * - routes spelled outside `src/lib/site/routes.ts`;
 * - environment reads outside the config module;
 * - files over 200 lines, functions over 60 lines, lines over 100 characters;
 * - exported values no file imports, exported values only tests import (and, apart, exported
 *   types no file imports).
 *
 * Sizes and routes are counted in the production code (everything but tests); tests count only as
 * importers.
 */
import { deadExports } from './dead-exports.ts';
import { parseSourceFile, type SourceFile } from './source-code.ts';
import { longFiles, longFunctions, longLines } from './sizes.ts';
import { envReads, spelledRoutes, type Finding } from './spelled.ts';

/** Where the one route module and the config modules are, and which files are entries or tests. */
export interface CountOptions {
	routesModule: string;
	configModules: readonly string[];
	isEntry: (path: string) => boolean;
	isTest: (path: string) => boolean;
}

/** One count: its label and every finding behind it. */
export interface Count {
	label: string;
	findings: Finding[];
}

const MAX_FILE_LINES = 200;
const MAX_FUNCTION_LINES = 60;
const MAX_LINE_CHARS = 100;

const byPlace = (a: Finding, b: Finding) =>
	a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line;

/** Count every measure over the tree; files are sorted by path first, so the order is stable. */
export function houseCounts(files: readonly SourceFile[], options: CountOptions): Count[] {
	const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const parsed = sorted.map(parseSourceFile);
	const production = parsed.filter((f) => !options.isTest(f.path));
	const productionText = sorted.filter((f) => !options.isTest(f.path));
	const dead = deadExports(parsed, options);
	const counts: Count[] = [
		{
			label: 'routes spelled outside routes.ts',
			findings: production.filter((f) => f.path !== options.routesModule).flatMap(spelledRoutes),
		},
		{
			label: 'env reads outside the config module',
			findings: production.filter((f) => !options.configModules.includes(f.path)).flatMap(envReads),
		},
		{
			label: `files over ${MAX_FILE_LINES} lines`,
			findings: longFiles(productionText, MAX_FILE_LINES),
		},
		{
			label: `functions over ${MAX_FUNCTION_LINES} lines`,
			findings: production.flatMap((f) => longFunctions(f, MAX_FUNCTION_LINES)),
		},
		{
			label: `lines over ${MAX_LINE_CHARS} characters`,
			findings: productionText.flatMap((f) => longLines(f, MAX_LINE_CHARS)),
		},
		{ label: 'dead exports (values imported nowhere)', findings: dead.dead },
		{ label: 'exports used only by tests (values)', findings: dead.testOnly },
		{ label: 'exported types imported nowhere', findings: dead.deadTypes },
	];
	return counts.map((c) => ({ label: c.label, findings: [...c.findings].sort(byPlace) }));
}

/**
 * The counts as text: a summary table, then every finding under its count as `path:line  what`.
 * @example
 *   routes spelled outside routes.ts: 12
 *   …
 *   ## routes spelled outside routes.ts
 *   src/pages/index.astro:14  /reports/
 */
export function formatCounts(counts: readonly Count[]): string {
	const summary = counts.map((c) => `${c.label}: ${c.findings.length}`);
	const details = counts.flatMap((c) => [
		'',
		`## ${c.label}`,
		...c.findings.map((f) => `${f.path}:${f.line}  ${f.what.replace(/\s+/g, ' ').slice(0, 80)}`),
	]);
	return [...summary, ...details, ''].join('\n');
}
