/**
 * rehype plugin: one page of the built site as the offline edition serves it from `file://`.
 *
 * - every URL into the site (`href`, `src`, `action`, `srcset`, `poster`,
 *   `<meta http-equiv=refresh>`…) becomes relative to the page, a folder link with its
 *   `index.html`;
 * - `<script type="module" src>` becomes a classic deferred `<script src>` (Chromium loads no
 *   module script from `file://`; the offline build rewrites the file itself into a classic
 *   script), an inline module script points to the classic file `inlineModule` names;
 * - `<link rel="modulepreload">` and `crossorigin` (a CORS request, refused on `file://`) go;
 * - elements marked `data-offline="omit"` (online-only links) go;
 * - the offline runtime script comes first in `<head>`.
 *
 * @example
 * <a href="/categories/">       on reports/x/index.html → <a href="../../categories/index.html">
 * <script type="module" src="/_astro/a.js"> → <script src="../../_astro/a.js" defer>
 *
 * Doesn’t read files: `isFolder` and `inlineModule` come from the caller. Doesn’t touch URLs
 * that leave the site, nor URLs inside text, JSON-LD or inline styles.
 */
import type { Element, Properties, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { sitePathOf, toOfflineUrl, type OfflineUrlOptions } from './relative-url.ts';

export interface OfflinePageOptions {
	/** Site path of the page: `reports/x/index.html`. */
	page: string;
	/** The site's base (`/` or `/kb/`). */
	base: string;
	/** Site path of the offline runtime script. */
	runtime: string;
	/** Whether a site path without a trailing slash is a folder. */
	isFolder?: (sitePath: string) => boolean;
	/** Site path of the classic script that replaces an inline module script with this code. */
	inlineModule?: (code: string) => string;
	/** Called with the site path of every link or asset of the page (to check it exists). */
	onTarget?: (sitePath: string, url: string) => void;
	/** Called with the site path of every link inside an element left out (data-offline="omit"). */
	onOmittedTarget?: (sitePath: string) => void;
	/** Called with the site path of every `<script type="module" src>` (its file becomes classic). */
	onModuleScript?: (sitePath: string) => void;
}

/** hast property names whose value is one URL. */
const urlProperties = [
	'href',
	'src',
	'action',
	'formAction',
	'poster',
	'cite',
	'data',
	'xLinkHref',
	'background',
];

const has = (value: Properties[string], token: string): boolean =>
	Array.isArray(value)
		? value.some((v) => String(v).toLowerCase() === token)
		: String(value ?? '').toLowerCase() === token;

function textOf(element: Element): string {
	return element.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}

/** Whether the offline edition leaves the element out: online-only, or a module preload. */
function isDropped(node: Element): boolean {
	const p = node.properties;
	return p.dataOffline === 'omit' || (node.tagName === 'link' && has(p.rel, 'modulepreload'));
}

/** Report the site path of every link inside an element that is left out. */
function reportOmittedTargets(
	node: Element,
	urlOptions: OfflineUrlOptions,
	onOmittedTarget: ((sitePath: string) => void) | undefined,
): void {
	visit(node, 'element', (inner) => {
		for (const name of urlProperties) {
			const value = inner.properties[name];
			const target = typeof value === 'string' ? sitePathOf(value, urlOptions) : undefined;
			if (target !== undefined) onOmittedTarget?.(target);
		}
	});
}

/** Every URL of the element (its URL properties, `srcset`, a meta refresh) through `rewrite`. */
function rewriteUrls(node: Element, rewrite: (url: string) => string): void {
	const p = node.properties;
	for (const name of urlProperties) {
		if (typeof p[name] === 'string') p[name] = rewrite(p[name]);
	}
	if (typeof p.srcSet === 'string' || Array.isArray(p.srcSet)) {
		const candidates = Array.isArray(p.srcSet) ? p.srcSet.map(String) : p.srcSet.split(',');
		p.srcSet = candidates.map((c) => c.trim().replace(/^\S+/, (url) => rewrite(url))).join(', ');
	}
	if (node.tagName === 'meta' && has(p.httpEquiv, 'refresh') && typeof p.content === 'string') {
		p.content = p.content.replace(
			/(url\s*=\s*['"]?)([^'"\s]+)/i,
			(_, head: string, url: string) => head + rewrite(url),
		);
	}
}

/**
 * A `<script type="module">` → a classic deferred script: its file reported to become classic,
 * or, inline, its code moved to the classic file `inlineModule` names.
 */
function makeClassic(
	node: Element,
	urlOptions: OfflineUrlOptions,
	options: OfflinePageOptions,
): void {
	const p = node.properties;
	delete p.type;
	const src = typeof p.src === 'string' ? sitePathOf(p.src, urlOptions) : undefined;
	if (src !== undefined) options.onModuleScript?.(src);
	if (p.src === undefined && options.inlineModule) {
		p.src = toOfflineUrl(`/${options.inlineModule(textOf(node))}`, { ...urlOptions, base: '/' });
		node.children = [];
	}
	p.defer = true;
}

/** The offline runtime's script first in `<head>`, right after `<meta charset>` if any. */
function insertRuntime(tree: Root, runtime: string, urlOptions: OfflineUrlOptions): void {
	const head = findHead(tree);
	if (!head) return;
	const src = toOfflineUrl(`/${runtime}`, { ...urlOptions, base: '/' });
	// After <meta charset>, which must come first, before any other element.
	const charset = head.children.findIndex(
		(c) => c.type === 'element' && c.tagName === 'meta' && c.properties.charSet !== undefined,
	);
	head.children.splice(charset + 1, 0, {
		type: 'element',
		tagName: 'script',
		properties: { src },
		children: [],
	});
}

export function rehypeOfflinePage(options: OfflinePageOptions) {
	const urlOptions: OfflineUrlOptions = {
		from: options.page,
		base: options.base,
		isFolder: options.isFolder,
	};
	const rewrite = (url: string): string => {
		const target = sitePathOf(url, urlOptions);
		if (target !== undefined) options.onTarget?.(target, url);
		return toOfflineUrl(url, urlOptions);
	};
	return (tree: Root): void => {
		visit(tree, 'element', (node, index, parent) => {
			if (isDropped(node) && parent && index !== undefined) {
				reportOmittedTargets(node, urlOptions, options.onOmittedTarget);
				parent.children.splice(index, 1);
				return [SKIP, index];
			}
			rewriteUrls(node, rewrite);
			if (node.tagName === 'script' || node.tagName === 'link') delete node.properties.crossOrigin;
			if (node.tagName === 'script' && has(node.properties.type, 'module'))
				makeClassic(node, urlOptions, options);
			return undefined;
		});
		insertRuntime(tree, options.runtime, urlOptions);
	};
}

function findHead(tree: Root): Element | undefined {
	let head: Element | undefined;
	visit(tree, 'element', (node) => {
		if (node.tagName !== 'head') return undefined;
		head = node;
		return false;
	});
	return head;
}
