import { defineConfig } from 'vitest/config';

// Three projects share one `vitest run`:
// - unit: pure functions and fixtures, no Astro, no Pagefind;
// - build: the real site, built ONCE per run by tests/setup/build-site.ts into a temp folder;
// - browser: that same build served on loopback and driven in Debian's Chromium.
// Build and browser suites run in one worker each, one file at a time (2-core machines).
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					// Property tests and CLI runs take well under a second alone, but several times the
					// 5 s default on a 2-core machine that is building a site at the same time.
					testTimeout: 30_000,
				},
			},
			{
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					globalSetup: ['tests/setup/build-site.ts'],
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 600_000,
				},
			},
			{
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/setup/build-site.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 600_000,
				},
			},
		],
	},
});
