/**
 * Files the offline edition's pages would `fetch()` (Pagefind's index, wasm, fragments, filters;
 * `search/search-config.json`), packaged as classic scripts, because browsers refuse `fetch()` of
 * `file://` URLs but load a `<script src>` from the file system. The offline runtime
 * (`browser/runtime.ts`) adds the script of a file when a page fetches it and answers the fetch
 * with its bytes.
 *
 * @example
 * packagedScriptPath('pagefind/index/und_1.pf_index')
 *   → '_offline/files/pagefind/index/und_1.pf_index.js'
 * packagedFileScript('search/search-config.json', bytes)
 *   → '__huibianOffline.put("search/search-config.json","eyJncmFtIjoy…");'
 *
 * Doesn’t compress: Pagefind's files are gzip already; base64 adds a third to their size.
 */

/** Folder of the offline edition's own files (runtime, packaged files). */
export const OFFLINE_DIR = '_offline';

/** Site path of the offline runtime script. */
export const RUNTIME_PATH = `${OFFLINE_DIR}/runtime.js`;

/** The runtime's global object (`window.__huibianOffline`). */
export const RUNTIME_GLOBAL = '__huibianOffline';

/** Site path of the script that carries the site file `sitePath`. */
export function packagedScriptPath(sitePath: string): string {
	return `${OFFLINE_DIR}/files/${sitePath}.js`;
}

/** The classic script that hands the bytes of `sitePath` to the runtime. */
export function packagedFileScript(sitePath: string, bytes: Uint8Array): string {
	const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
	return `${RUNTIME_GLOBAL}.put(${JSON.stringify(sitePath)},${JSON.stringify(base64)});\n`;
}

/**
 * Whether the site file `sitePath` is packaged: every data file of the Pagefind bundle (not its
 * own scripts and styles), and any other file whose path a client script names (`mentioned`).
 * HTML pages are never packaged: they are opened, not fetched.
 */
export function isPackaged(sitePath: string, mentioned: (sitePath: string) => boolean): boolean {
	if (/\.html?$/i.test(sitePath)) return false;
	if (sitePath.startsWith('pagefind/')) return !/\.(m?js|css)$/i.test(sitePath);
	return mentioned(sitePath);
}
