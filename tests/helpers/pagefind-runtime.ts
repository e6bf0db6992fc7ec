/**
 * Pagefind's own browser runtime (the `pagefind.js` and WebAssembly of an index folder) run in
 * Node: each folder gets its own module instance (imported under its own URL), and `fetch` of a
 * `file:` URL reads the file, so the runtime loads its entry, meta, chunks and fragments as a
 * browser would from a static host. No worker (Node has no `window`): Pagefind runs on the main
 * thread, as it does in browsers without workers.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export interface RuntimeResult {
	id: string;
	score: number;
	words: number[];
	data: () => Promise<Record<string, unknown>>;
}
export interface Runtime {
	search: (
		term: string | null,
		options?: Record<string, unknown>,
	) => Promise<{
		results: RuntimeResult[];
		filters: unknown;
		totalFilters: unknown;
		unfilteredResultCount: number;
	}>;
	filters: () => Promise<unknown>;
	destroy?: () => Promise<void>;
}

let installed = false;
/** Files fetched, by URL, in the order asked (for the bytes a search loads). */
export const fetched: string[] = [];

function installFileFetch(): void {
	if (installed) return;
	installed = true;
	const real = globalThis.fetch;
	globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		if (!url.startsWith('file:')) return real(input, init);
		fetched.push(url);
		try {
			return new Response(await readFile(fileURLToPath(url)));
		} catch {
			return new Response(null, { status: 404 });
		}
	}) as typeof fetch;
}

let instances = 0;
/** Pagefind's runtime over the index in `dir`, initialised (meta loaded). */
export async function loadRuntime(
	dir: string,
	options: Record<string, unknown> = {},
): Promise<Runtime> {
	installFileFetch();
	const base = pathToFileURL(path.resolve(dir) + path.sep).href;
	const runtime = (await import(
		/* @vite-ignore */ `${base}pagefind.js?instance=${instances++}`
	)) as Runtime & {
		options: (o: Record<string, unknown>) => Promise<void>;
		init: () => Promise<void>;
	};
	await runtime.options({ basePath: base, baseUrl: '/', excerptLength: 0, ...options });
	await runtime.init();
	return runtime;
}
