/**
 * Step 1 of the offline edition (build-offline.ts): every page of the site rewritten for
 * `file://` through rehype (src/lib/offline/rehype-offline-page.ts), and what the pages link and
 * load, which the later steps need.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { OFFLINE_DIR, RUNTIME_PATH } from '../../../src/lib/offline/packaged-files.ts';
import { rehypeOfflinePage } from '../../../src/lib/offline/rehype-offline-page.ts';
import { write, type EditionDirs } from './edition-files.ts';

/** An inline module script: its code and the site path of its page. */
export interface InlineModule {
	code: string;
	page: string;
}

/** Whether a site path names a folder, or a file or page, of the site (`files`). */
export function siteShape(files: string[]): {
	isFolder: (sitePath: string) => boolean;
	exists: (sitePath: string) => boolean;
} {
	const present = new Set(files);
	const folders = new Set(
		files.flatMap((f) =>
			f
				.split('/')
				.slice(0, -1)
				.map((_, i, parts) => parts.slice(0, i + 1).join('/')),
		),
	);
	return {
		isFolder: (p) => folders.has(p),
		exists: (p) =>
			p === '' || p.endsWith('/')
				? present.has(`${p}index.html`)
				: present.has(p) || present.has(`${p}/index.html`),
	};
}

/** What the pages link and load, collected while they are rewritten. */
export interface PageLinks {
	/** Site paths of the scripts a page loads with `<script type="module" src>`. */
	modules: Set<string>;
	/** Site path of the classic file of each inline module script → its code and page. */
	inline: Map<string, InlineModule>;
	/** Site paths linked from inside elements left out (`data-offline="omit"`). */
	omitted: Set<string>;
	/** Site paths linked from the pages as written. */
	linked: Set<string>;
	/** `page → url` of every link or asset whose target is not in the site. */
	missing: string[];
}

/** Site path of the classic file for an inline module script, named by its code's hash. */
function inlineModulePath(code: string): string {
	const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
	return `${OFFLINE_DIR}/inline/${hash}.js`;
}

/** Step 1: each page → relative URLs, classic script tags, the runtime first; what they link. */
export async function rewritePages(
	dirs: EditionDirs,
	pages: string[],
	site: ReturnType<typeof siteShape>,
): Promise<PageLinks> {
	const links: PageLinks = {
		modules: new Set(),
		inline: new Map(),
		omitted: new Set(),
		linked: new Set(),
		missing: [],
	};
	for (const page of pages) {
		const processor = unified()
			.use(rehypeParse)
			.use(rehypeOfflinePage, {
				page,
				base: dirs.base,
				runtime: RUNTIME_PATH,
				isFolder: site.isFolder,
				inlineModule: (code: string) => {
					const sitePath = inlineModulePath(code);
					if (!links.inline.has(sitePath)) links.inline.set(sitePath, { code, page });
					return sitePath;
				},
				onModuleScript: (sitePath: string) => links.modules.add(sitePath),
				onOmittedTarget: (target: string) => links.omitted.add(target),
				onTarget: (target: string, url: string) => {
					links.linked.add(target);
					if (!site.exists(target)) links.missing.push(`${page} → ${url}`);
				},
			})
			.use(rehypeStringify);
		const html = await readFile(path.join(dirs.siteDir, page), 'utf8');
		await write(dirs.outDir, page, String(await processor.process(html)));
	}
	return links;
}
