// @ts-check
/**
 * ESLint: a small, explicit rule set (each rule below is on because it has caught, or would
 * catch, a real mistake in this tree). Formatting is Prettier's (`.prettierrc.json`), not ESLint's.
 * TypeScript's own checks run in `npm run typecheck`; the rules here are the ones tsc has none for.
 */
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** @type {import('eslint').Linter.RulesRecord} */
const houseRules = {
	// Correctness
	eqeqeq: ['error', 'always', { null: 'ignore' }],
	'no-var': 'error',
	'prefer-const': ['error', { destructuring: 'all' }],
	'no-debugger': 'error',
	'no-dupe-keys': 'error',
	'no-duplicate-case': 'error',
	'no-self-compare': 'error',
	'no-unreachable': 'error',
	'no-unsafe-finally': 'error',
	'no-fallthrough': 'error',
	'no-cond-assign': ['error', 'except-parens'],
	'no-constant-binary-expression': 'error',
	'no-sparse-arrays': 'error',
	// An empty catch is how best-effort code says so (localStorage may be denied); an empty block is not.
	'no-empty': ['error', { allowEmptyCatch: true }],
	// TypeScript
	'@typescript-eslint/no-unused-vars': [
		'error',
		{
			args: 'after-used',
			argsIgnorePattern: '^_',
			varsIgnorePattern: '^_',
			caughtErrors: 'none',
			// `({ body, ...rest }) => rest` drops a field on purpose
			ignoreRestSiblings: true,
		},
	],
	'@typescript-eslint/no-explicit-any': 'error',
	'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
	'@typescript-eslint/no-non-null-asserted-optional-chain': 'error',
	'@typescript-eslint/no-unnecessary-type-constraint': 'error',
	'@typescript-eslint/prefer-as-const': 'error',
};

export default defineConfig(
	{
		ignores: [
			'dist/',
			'.astro/',
			'.tmp/',
			'node_modules/',
			'content/',
			'bench-out/',
			'test-results/',
			'tests/fixtures/',
			'**/*.building/',
			'**/*.old/',
		],
	},
	{
		// Off: a directive for a rule this set leaves off (no-control-regex: the ingest matches
		// control characters on purpose) is not stale.
		linterOptions: { reportUnusedDisableDirectives: 'off' },
	},
	{
		files: ['**/*.{ts,mjs,js}'],
		languageOptions: {
			parser: tseslint.parser,
			ecmaVersion: 'latest',
			sourceType: 'module',
			globals: { ...globals.node, ...globals.browser },
		},
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: houseRules,
	},
	...astro.configs['flat/base'],
	{
		files: ['**/*.astro'],
		languageOptions: { parserOptions: { parser: tseslint.parser } },
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: {
			...houseRules,
			'astro/no-conflict-set-directives': 'error',
			'astro/no-unused-define-vars-in-style': 'error',
			'astro/no-deprecated-astro-canonicalurl': 'error',
			'astro/no-deprecated-astro-fetchcontent': 'error',
			'astro/no-deprecated-astro-resolve': 'error',
			'astro/valid-compile': 'error',
		},
	},
	{
		// The pure core: no file system, no processes (STYLE.md): those belong in scripts/.
		files: ['src/lib/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: ['node:fs', 'node:fs/promises', 'node:child_process', 'fs', 'child_process'].map(
						(name) => ({ name, message: 'src/lib is pure: read and write files in scripts/.' }),
					),
				},
			],
		},
	},
);
