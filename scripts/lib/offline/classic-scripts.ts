/**
 * Module scripts → classic scripts for the offline edition (Chromium runs no `type="module"`
 * script from `file://`). Each ES module of the built site is bundled by esbuild, from the
 * online build's files, into one IIFE that needs no `import`:
 *
 * - its static imports are inlined (Vite's shared chunks, root-absolute `/_astro/…` paths too);
 * - `import(url)` that esbuild can't resolve (Pagefind's `${base}pagefind/pagefind.js`) becomes
 *   `require(url)`, which the offline runtime answers (src/lib/offline/browser/runtime.ts);
 * - `import.meta.url` is the file's own `file://` URL (Pagefind derives its folder from it);
 * - its exports go to `__huibianOffline.modules[<site path>]`, where that `require` finds them.
 *
 * A script that no page loads as a module and that has no `import`/`export`
 * (`public/js/theme-init.js`) is left as it is. Whether a file has them is read from its syntax
 * (esbuild's stdin), never from a `package.json` `"type"` that happens to be above the site's
 * folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { RUNTIME_GLOBAL } from '../../../src/lib/offline/packaged-files.ts';

export interface ClassicScript {
	/** The classic script, or undefined when the file is not an ES module (copy it unchanged). */
	code: string | undefined;
}

/** Resolve root-absolute imports (`/_astro/x.js`, under `base`) to the built site's files. */
function siteRootPlugin(siteDir: string, base: string): Plugin {
	return {
		name: 'huibian-site-root',
		setup(b) {
			b.onResolve({ filter: /^\// }, (args) => {
				if (args.kind === 'entry-point') return undefined;
				if (!args.path.startsWith(base)) return { external: true };
				return { path: path.join(siteDir, args.path.slice(base.length).split(/[?#]/)[0] ?? '') };
			});
		},
	};
}

/**
 * Wrap `sitePath`'s module: `require` and `import.meta` are the runtime's, its exports
 * registered.
 */
function wrapper(sitePath: string): { banner: string; footer: string } {
	const g = RUNTIME_GLOBAL;
	const site = JSON.stringify(sitePath);
	return {
		banner: `(function(require,__huibianImportMeta){`,
		footer:
			`${g}.modules[${site}]=__huibianExports;})` +
			`(${g}.require,{url:new URL(${site},${g}.root).href});`,
	};
}

export interface ClassicScriptOptions {
	siteDir: string;
	base: string;
	/** Site path of the classic script (the module file itself, rewritten in place). */
	sitePath: string;
	/** An inline module script's code instead of the file, and the site path of its page. */
	inline?: { code: string; page: string };
	/** A page loads it with `<script type="module">`: rewrite it even without `import`/`export`. */
	module?: boolean;
}

/** The classic rewrite of the module script `sitePath` (or of an inline module script). */
export async function classicScript(options: ClassicScriptOptions): Promise<ClassicScript> {
	const { siteDir, base, sitePath, inline } = options;
	const file = path.join(siteDir, sitePath);
	const { banner, footer } = wrapper(sitePath);
	const contents = inline?.code ?? (await readFile(file, 'utf8'));
	const from = inline?.page ?? sitePath;
	const result = await build({
		stdin: {
			contents,
			resolveDir: path.dirname(path.join(siteDir, from)),
			sourcefile: from,
			loader: 'js',
		},
		bundle: true,
		write: false,
		outfile: file,
		format: 'iife',
		globalName: '__huibianExports',
		platform: 'browser',
		target: 'es2022',
		minify: true,
		charset: 'utf8',
		legalComments: 'inline',
		metafile: true,
		supported: { 'dynamic-import': false },
		define: { 'import.meta': '__huibianImportMeta' },
		banner: { js: banner },
		footer: { js: footer },
		plugins: [siteRootPlugin(siteDir, base)],
		logLevel: 'silent',
	});
	const formats = Object.values(result.metafile.inputs).map((input) => input.format);
	if (inline === undefined && !options.module && !formats.includes('esm'))
		return { code: undefined };
	const out = result.outputFiles.find((f) => f.path.endsWith('.js'));
	if (!out) throw new Error(`${sitePath}: esbuild wrote no script`);
	return { code: out.text };
}
