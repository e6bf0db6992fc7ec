// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { astroStageResult } from './scripts/lib/astro-stage-result.ts';
import { CATALOG_FILE, PATHS } from './src/lib/config.ts';
// Astro 7 imports an .mjs config with Node itself (Node 22 strips the types of the .ts modules
// it imports; Vite only when that fails): a bad HUIBIAN_* variable ends `astro` with its line.
import { config } from './scripts/lib/config.ts';

// Set by scripts/build.ts from its flags (--base, --site, --out); the defaults serve `dist/` at `/`.
// Without --site there is no site: pages then use site-relative URLs and leave out what needs an
// absolute one (canonical, Open Graph, the sitemap), never a made-up host (README, "Deploy").
const { env } = config;
const base = env.HUIBIAN_BASE ?? '/';
const site = env.HUIBIAN_SITE;

// Pages that are not canonical stay out of the sitemap: a retired id's old URL (ids.yaml) and a
// reprint (its canonical copy is listed). Read from the catalog the ingest wrote.
function notInSitemap() {
	const file = path.join(config.reportsDir, CATALOG_FILE);
	// No catalog yet (e.g. `astro sync` before an ingest): the loaders say so; nothing to leave out.
	if (!existsSync(file)) return new Set();
	const catalog = JSON.parse(readFileSync(file, 'utf8'));
	const ids = [
		...(catalog.retired ?? []).map((/** @type {{ id: string }} */ r) => r.id),
		...catalog.reports
			.filter((/** @type {{ reprintOf?: string }} */ r) => r.reprintOf)
			.map((/** @type {{ id: string }} */ r) => r.id),
	];
	return new Set(ids.map((id) => `reports/${id}/`));
}

function sitemapFilter() {
	const skip = notInSitemap();
	const root = new URL(base, site).pathname;
	return (/** @type {string} */ page) => !skip.has(new URL(page).pathname.slice(root.length));
}

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	outDir: env.HUIBIAN_OUT ?? PATHS.site,
	cacheDir: env.HUIBIAN_CACHE ?? PATHS.astroCache,
	// No inline <style> or <script>: the site runs under a strict Content-Security-Policy
	// (README), so every stylesheet and script is a file of its own.
	// concurrency: pages render one at a time by default, and the main thread then waits for each
	// page's mkdir + write; 4 in flight overlap that I/O with rendering (docs/scale/code-figures.md).
	// Output files are the same.
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
	vite: { build: { assetsInlineLimit: 0 } },
	// Text must reach the page unchanged: no smart quotes or dashes in any Markdown/MDX page.
	// (Report bodies do not go through Astro's Markdown at all: src/loaders/ renders them.)
	markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
	// A sitemap lists absolute URLs only (sitemaps.org), so it is written only with a site.
	// astroStageResult: what the stage did (pages, rendered, reused), for scripts/build.ts.
	integrations: [
		mdx(),
		...(site ? [sitemap({ filter: sitemapFilter() })] : []),
		astroStageResult(),
	],
	// A page whose cache key (src/lib/site/cache-key.ts) and module graph are unchanged is copied
	// from the previous build (kept in cacheDir); scripts/build.ts forces a full build when code,
	// vocabulary or options changed (scripts/lib/build-digest.ts). Output is the same either way
	// (tests/build/incremental-build.test.ts).
	experimental: { incrementalBuild: true },
	devToolbar: { enabled: false },
});
