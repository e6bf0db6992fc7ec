/**
 * What a folder holds, to compare before and after a run: every file below it (relative POSIX
 * path, sorted) with the SHA-256 of its bytes. Links are listed as links (their target), not
 * followed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** `[path, digest]` pairs, sorted by path: `['ids.yaml', 'sha256:…']`, `['x', 'link:…']`. */
export type TreeDigest = Array<[string, string]>;

export function treeDigest(dir: string): TreeDigest {
	const out: TreeDigest = [];
	const walk = (rel: string) => {
		for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
			const p = rel ? `${rel}/${e.name}` : e.name;
			const abs = path.join(dir, p);
			if (e.isDirectory()) walk(p);
			else if (e.isSymbolicLink()) out.push([p, `link:${readlinkSync(abs)}`]);
			else out.push([p, `sha256:${createHash('sha256').update(readFileSync(abs)).digest('hex')}`]);
		}
	};
	walk('');
	return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
