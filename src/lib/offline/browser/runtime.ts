/**
 * The offline edition's runtime: the first script of every page opened from `file://`
 * (`_offline/runtime.js`, a classic script built from this file by scripts/lib/offline/).
 *
 * - `fetch()` of a file of the site (Pagefind's index, wasm, fragments; `search-config.json`)
 *   is answered from its packaged script (`_offline/files/<path>.js`, added on demand), because
 *   browsers refuse `fetch()` of `file://` URLs;
 * - `require(url)`, which the classic rewrite of a module script calls where it had `import(url)`,
 *   loads the classic rewrite of that module (`<script src>`) and resolves to its exports;
 * - links that scripts add later (search results) get relative URLs like the built pages;
 * - whatever cannot work offline says so on the page, in Chinese, instead of failing silently.
 *
 * Doesn’t answer requests to other hosts: those fail as they would with no network, with the
 * notice.
 */
import { packagedScriptPath, RUNTIME_GLOBAL } from '../packaged-files.ts';
import { toOfflineUrl } from '../relative-url.ts';

declare const __HUIBIAN_BASE__: string;

interface OfflineRuntime {
	/** The edition's root folder, as a `file://` URL ending in `/`. */
	root: string;
	/** Base64 bytes of packaged files, by site path (filled by the packaged scripts). */
	files: Record<string, string>;
	/** Exports of the classic rewrites of module scripts, by site path. */
	modules: Record<string, unknown>;
	put(sitePath: string, base64: string): void;
	require(url: string): {
		then(resolve: (exports: unknown) => void, reject?: (error: Error) => void): void;
	};
	notice(message: string): void;
}

const BASE = __HUIBIAN_BASE__;
const self = document.currentScript as HTMLScriptElement;
const root = new URL('../', self.src).href;
const page =
	decodeURIComponent(new URL(location.href).pathname.slice(new URL(root).pathname.length)) ||
	'index.html';

/** Site path of `url` (decoded), or undefined when it is not a file of this edition. */
function sitePathOf(url: string): string | undefined {
	const u = new URL(url, location.href);
	if (u.protocol !== 'file:') return undefined;
	const rootPath = new URL(root).pathname;
	let rel: string;
	if (u.pathname.startsWith(rootPath)) rel = u.pathname.slice(rootPath.length);
	else if (u.pathname.startsWith(BASE))
		rel = u.pathname.slice(BASE.length); // a root-absolute URL of the online site
	else return undefined;
	return decodeURIComponent(rel);
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

const shown = new Set<string>();
function notice(message: string): void {
	if (shown.has(message)) return;
	shown.add(message);
	const show = () => {
		const box = document.createElement('p');
		box.setAttribute('role', 'alert');
		box.className = 'offline-notice';
		box.dataset.offlineNotice = '';
		Object.assign(box.style, {
			border: '2px solid #b45309',
			padding: '0.5rem 0.75rem',
			margin: '0.75rem auto',
			maxWidth: '60rem',
			background: '#fff7ed',
			color: '#7c2d12',
		});
		box.textContent = message;
		(document.querySelector('main') ?? document.body).prepend(box);
	};
	if (document.body) show();
	else document.addEventListener('DOMContentLoaded', show, { once: true });
}

const loading = new Map<string, Promise<void>>();
/** Add the classic script `sitePath` of the edition once; resolves when it has run. */
function addScript(sitePath: string): Promise<void> {
	let done = loading.get(sitePath);
	if (!done) {
		done = new Promise<void>((resolve, reject) => {
			const script = document.createElement('script');
			script.src = root + encodePath(sitePath);
			script.onload = () => resolve();
			script.onerror = () => reject(new Error(`离线版中没有这个文件：${sitePath}`));
			document.head.append(script);
		});
		loading.set(sitePath, done);
	}
	return done;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
	const text = atob(base64);
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
	return bytes;
}

const types: Record<string, string> = {
	json: 'application/json',
	js: 'text/javascript',
	css: 'text/css',
	wasm: 'application/wasm',
	csv: 'text/csv',
	txt: 'text/plain',
};
const typeOf = (p: string) =>
	types[p.slice(p.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';

const nativeFetch = window.fetch.bind(window);
const runtime: OfflineRuntime = {
	root,
	files: {},
	modules: {},
	put(sitePath, base64) {
		runtime.files[sitePath] = base64;
	},
	require(url) {
		const sitePath = sitePathOf(url);
		const load = async () => {
			if (sitePath === undefined) throw new Error(`离线版无法加载站外脚本：${url}`);
			await addScript(sitePath);
			if (!(sitePath in runtime.modules))
				throw new Error(`离线版中的脚本 ${sitePath} 没有转换为离线格式`);
			return runtime.modules[sitePath];
		};
		// A thenable: the rewrite's `import(url)` became `Promise.resolve().then(() => require(url))`,
		// which adopts it; the module's exports (no `then` of their own) are what `await import()` gives.
		return {
			then(resolve, reject) {
				load().then(resolve, (error: Error) => {
					notice(`本页的部分功能无法在离线版中使用：${error.message}`);
					reject?.(error);
				});
			},
		};
	},
	notice,
};
(window as unknown as Record<string, unknown>)[RUNTIME_GLOBAL] = runtime;

window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
	const url = input instanceof Request ? input.url : String(input);
	const sitePath = sitePathOf(url);
	if (sitePath === undefined) {
		return nativeFetch(input, init).catch((error: unknown) => {
			notice(
				`本页的部分功能需要联网，离线版中无法使用（${new URL(url, location.href).host || url}）。`,
			);
			throw error;
		});
	}
	try {
		if (!(sitePath in runtime.files)) await addScript(packagedScriptPath(sitePath));
		const base64 = runtime.files[sitePath];
		if (base64 === undefined) throw new Error(`离线版中没有这个文件：${sitePath}`);
		return new Response(bytesOf(base64), {
			status: 200,
			headers: { 'Content-Type': typeOf(sitePath) },
		});
	} catch (error) {
		notice(`本页的部分功能无法在离线版中使用：${(error as Error).message}`);
		throw error;
	}
};

// Links that scripts add after the page was built (search results, pagination) point at the
// online site's paths: rewrite them as the build rewrote the page's own links.
const attributes = ['href', 'action'];
function relink(element: Element): void {
	for (const name of attributes) {
		const value = element.getAttribute(name);
		if (value === null) continue;
		const next = toOfflineUrl(value, { from: page, base: BASE });
		if (next !== value) element.setAttribute(name, next);
	}
}
new MutationObserver((records) => {
	for (const record of records) {
		if (record.type === 'attributes' && record.target instanceof Element) relink(record.target);
		for (const node of record.addedNodes) {
			if (!(node instanceof Element)) continue;
			relink(node);
			for (const inner of node.querySelectorAll('[href], [action]')) relink(inner);
		}
	}
}).observe(document.documentElement, {
	subtree: true,
	childList: true,
	attributes: true,
	attributeFilter: attributes,
});

window.addEventListener('unhandledrejection', (event) => {
	const reason = event.reason instanceof Error ? event.reason.message : String(event.reason);
	notice(`本页的部分功能在离线版中未能运行：${reason}`);
});
window.addEventListener('error', (event) => {
	if (event.message) notice(`本页的部分功能在离线版中未能运行：${event.message}`);
});
