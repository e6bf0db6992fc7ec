import { describe, expect, test } from 'vitest';
import { formatCounts, houseCounts, type CountOptions } from '../../src/lib/house/counts.ts';
import type { SourceFile } from '../../src/lib/house/source-code.ts';

const options: CountOptions = {
	routesModule: 'src/lib/site/routes.ts',
	configModules: ['scripts/lib/config.ts'],
	isEntry: (p) => p.startsWith('src/pages/'),
	isTest: (p) => p.startsWith('tests/'),
};

function count(files: SourceFile[], label: string): string[] {
	const c = houseCounts(files, options).find((x) => x.label.startsWith(label));
	if (!c) throw new Error(`no count ${label}`);
	return c.findings.map((f) => `${f.path}:${f.line} ${f.what}`);
}

describe('routes spelled outside routes.ts', () => {
	const files: SourceFile[] = [
		{
			path: 'src/lib/site/routes.ts',
			text: 'export const reportPath = (id: string) => `/reports/${id}/`;\n',
		},
		{
			path: 'src/lib/a.ts',
			text: [
				'// a comment naming /reports/ is not a route',
				"const dir = 'content/reports';",
				'const url = `${base}/categories/${slug}/`;',
				"const anchor = '#entry-' + id;",
				'const id2 = `entry-${id}`;',
				"const kind = 'entry-point';",
				"const csv = '/data/reports.csv';",
			].join('\n'),
		},
		{
			path: 'src/pages/x.astro',
			text: '---\nconst a = 1;\n---\n<a href="/themes/">主题</a>\n<a href={`/units/${u}/`}>单位</a>\n<a href={withBase(base, \'/data/\')}>数据</a>\n',
		},
		{ path: 'tests/unit/x.test.ts', text: "expect(url).toBe('/reports/a/');\n" },
	];
	test('finds literals and template attributes, not comments, folders or tests', () => {
		expect(count(files, 'routes')).toEqual([
			'src/lib/a.ts:3 /categories/',
			'src/lib/a.ts:4 #entry-',
			'src/lib/a.ts:5 entry-',
			'src/lib/a.ts:7 /data/reports.csv',
			'src/pages/x.astro:4 /themes/',
			'src/pages/x.astro:5 /units/${u}/',
			'src/pages/x.astro:6 /data/',
		]);
	});
});

describe('env reads outside the config module', () => {
	test('named reads count, the config module and a spread environment do not', () => {
		const files: SourceFile[] = [
			{ path: 'scripts/lib/config.ts', text: 'const a = process.env.HUIBIAN_A;\n' },
			{
				path: 'scripts/b.ts',
				text: "const env = { ...process.env };\nconst b = Number(process.env.HUIBIAN_B);\nconst c = process.env['CI'];\n",
			},
		];
		expect(count(files, 'env')).toEqual(['scripts/b.ts:2 HUIBIAN_B', "scripts/b.ts:3 'CI'"]);
	});
});

describe('sizes', () => {
	test('a 61-line function and a 201-line file are over, 60 and 200 are not', () => {
		const body = (n: number) =>
			Array.from({ length: n - 2 }, (_, i) => `\tconst x${i} = ${i};`).join('\n');
		const files: SourceFile[] = [
			{
				path: 'src/f.ts',
				text: `function long() {\n${body(61)}\n}\nconst ok = () => {\n${body(60)}\n};\n`,
			},
			{ path: 'src/g.ts', text: 'x;\n'.repeat(200) },
			{ path: 'src/h.ts', text: 'x;\n'.repeat(201) },
		];
		expect(count(files, 'functions')).toEqual(['src/f.ts:1 long: 61 lines']);
		expect(count(files, 'files')).toEqual(['src/h.ts:1 201 lines']);
	});
	test('line length is in characters: 100 汉 is not over, 101 is', () => {
		const files: SourceFile[] = [
			{ path: 'src/l.ts', text: `${'汉'.repeat(100)}\n${'汉'.repeat(101)}\n` },
		];
		expect(count(files, 'lines')).toEqual(['src/l.ts:2 101 characters']);
	});
});

describe('dead exports', () => {
	const files: SourceFile[] = [
		{
			path: 'src/lib/m.ts',
			text: [
				'export function used() {}',
				'export function dead() {}',
				'export const onlyTests = 1;',
				'export interface Shape { a: number }',
				'export type Used = number;',
			].join('\n'),
		},
		{
			path: 'src/lib/barrel.ts',
			text: "export { used } from './m.ts';\nexport * from './n.ts';\n",
		},
		{ path: 'src/lib/n.ts', text: 'export const viaStar = 1;\n' },
		{
			path: 'src/lib/user.ts',
			text: "import { used as u } from './barrel.ts';\nimport type { Used } from './m';\n",
		},
		{
			path: 'src/pages/p.astro',
			text: "---\nimport { used } from '../lib/barrel.ts';\nexport const prerender = true;\n---\n",
		},
		{ path: 'tests/t.test.ts', text: "import { onlyTests } from '../src/lib/m.ts';\n" },
	];
	test('follows named, renamed, re-exported and star exports; entries are not checked', () => {
		expect(count(files, 'dead exports')).toEqual(['src/lib/m.ts:2 dead']);
		expect(count(files, 'exports used only by tests')).toEqual(['src/lib/m.ts:3 onlyTests']);
		expect(count(files, 'exported types')).toEqual(['src/lib/m.ts:4 Shape']);
	});
	test('a namespace import or import() uses every export', () => {
		const more = [...files, { path: 'src/lib/z.ts', text: "const m = await import('./m.ts');\n" }];
		expect(count(more, 'dead exports')).toEqual([]);
	});
});

test('formatCounts prints the summary, then each finding under its count', () => {
	const text = formatCounts([
		{ label: 'things', findings: [{ path: 'a.ts', line: 3, what: 'x\n y' }] },
	]);
	expect(text).toBe('things: 1\n\n## things\na.ts:3  x y\n');
});
