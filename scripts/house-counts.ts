/**
 * `node scripts/house-counts.ts [--out FILE]`
 *
 * Prints the house counts of this checkout (issue 20, `src/lib/house/counts.ts`): routes spelled
 * outside `src/lib/site/routes.ts`, env reads outside the config module, files over 200 lines,
 * functions over 60 lines, lines over 100 characters, dead and test-only exports. With `--out`,
 * also writes them to FILE (`docs/house-counts-before.txt`, `…-after.txt`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { formatCounts, houseCounts } from '../src/lib/house/counts.ts';
import type { SourceFile } from '../src/lib/house/source-code.ts';

const ROOTS = ['src', 'scripts', 'tests', 'public/js'];
const ROOT_FILES = ['astro.config.mjs', 'vitest.config.ts'];
const SKIP = new Set(['tests/fixtures', 'node_modules']);
const CODE = /\.(ts|mjs|js|astro)$/;

function walkDir(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const rel = path.posix.join(dir, e.name);
		if (SKIP.has(rel)) return [];
		if (e.isDirectory()) return walkDir(rel);
		return e.isFile() && CODE.test(e.name) ? [rel] : [];
	});
}

const args = parseArgs(process.argv.slice(2), ['out']);
const files: SourceFile[] = [...ROOTS.flatMap(walkDir), ...ROOT_FILES].map((p) => ({
	path: p,
	text: readFileSync(p, 'utf8'),
}));
const text = formatCounts(
	houseCounts(files, {
		routesModule: 'src/lib/site/routes.ts',
		configModules: ['src/lib/config.ts', 'scripts/lib/config.ts'],
		// Exports a framework or a command line uses: pages and endpoints, config files, CLIs, workers.
		isEntry: (p) =>
			p.startsWith('src/pages/') ||
			ROOT_FILES.includes(p) ||
			p === 'src/content.config.ts' ||
			/^scripts\/[^/]+\.ts$/.test(p) ||
			p.endsWith('.d.ts') ||
			p.endsWith('-worker.ts') ||
			p.startsWith('public/'),
		isTest: (p) => p.startsWith('tests/'),
	}),
);
process.stdout.write(text);
const out = args.values.get('out');
if (out) writeFileSync(out, text);
