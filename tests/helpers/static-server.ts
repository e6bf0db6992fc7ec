/**
 * A plain static file server on loopback for browser tests (like any static host: no
 * rewrites, `dir/` serves `dir/index.html`, 404 page for missing files).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
};

export interface StaticServer {
	url: string;
	close: () => Promise<void>;
	/** Requests served so far (path and bytes), for transfer measurements. */
	log: Array<{ path: string; bytes: number }>;
}

/**
 * @param root Folder to serve.
 * @param mount URL prefix the site is deployed under (`/` or `/kb/`).
 * @param headers Extra response headers for HTML (e.g. a Content-Security-Policy).
 */
export async function serveStatic(
	root: string,
	mount = '/',
	headers: Record<string, string> = {},
): Promise<StaticServer> {
	const log: StaticServer['log'] = [];
	const server: Server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let rel = decodeURIComponent(url.pathname);
		if (!rel.startsWith(mount)) {
			res.writeHead(404).end();
			return;
		}
		rel = rel.slice(mount.length);
		let file = path.join(root, rel);
		if (!file.startsWith(root)) {
			res.writeHead(403).end();
			return;
		}
		let status = 200;
		let info = await stat(file).catch(() => null);
		if (info?.isDirectory()) {
			file = path.join(file, 'index.html');
			info = await stat(file).catch(() => null);
		}
		if (!info) {
			status = 404;
			file = path.join(root, '404.html');
			info = await stat(file).catch(() => null);
			if (!info) {
				res.writeHead(404).end();
				return;
			}
		}
		const type = types[path.extname(file)] ?? 'application/octet-stream';
		res.writeHead(status, {
			'content-type': type,
			'content-length': info.size,
			...(type.startsWith('text/html') ? headers : {}),
		});
		log.push({ path: url.pathname, bytes: info.size });
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${mount}`,
		log,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
