/**
 * When may `astro build` reuse pages from its previous build? Astro's incremental build reuses a
 * page while its cache key (`src/lib/site/cache-key.ts`) and the hash of its module graph are
 * unchanged, and drops its whole cache when its config (base, site, …) or the lockfile change.
 * What it can't see, this module does: code outside a page's module graph (the content loaders
 * and the MDX renderer in their worker threads, the config's own imports), the vocabulary, and
 * the build options. Their digest is kept in the Astro cache folder; when it differs from the
 * last successful build's, the build runs `astro build --force` (a full build that also drops the
 * content layer's cache, so every report body is rendered again).
 *
 * Doesn’t decide per page, and deletes nothing but its own digest file.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Bump to force one full build everywhere (e.g. after a change in how pages are keyed). */
const BUILD_DIGEST_VERSION = '1';

/** What the site is built from besides the generated reports: folders (every file) and files. */
const CODE_DIRS = ['src'];
const CODE_FILES = [
	'astro.config.mjs',
	'package-lock.json',
	'tsconfig.json',
	'scripts/lib/astro-stage-result.ts',
	'content/vocabulary.yaml',
];

async function filesUnder(root: string, dir: string): Promise<string[]> {
	const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
	const nested = await Promise.all(
		entries.map((e) =>
			e.isDirectory()
				? filesUnder(root, path.join(dir, e.name))
				: Promise.resolve(e.isFile() ? [path.join(dir, e.name)] : []),
		),
	);
	return nested.flat();
}

/**
 * @param root The repository root.
 * @param options The build options that reach the pages (`base`, `site`, the offline zip's path …).
 * @returns A hex SHA-256 of the version, the options and every file above (path and bytes).
 */
export async function buildDigest(
	root: string,
	options: Record<string, string | undefined>,
): Promise<string> {
	const hash = createHash('sha256').update(
		`${BUILD_DIGEST_VERSION}\0${JSON.stringify(Object.entries(options).sort())}`,
	);
	const files = [
		...(await Promise.all(CODE_DIRS.map((d) => filesUnder(root, d)))).flat(),
		...CODE_FILES,
	].sort();
	for (const file of files)
		hash
			.update(`\0${file}\0`)
			.update(await readFile(path.join(root, file)).catch(() => Buffer.alloc(0)));
	return hash.digest('hex');
}

/** The file, in the Astro cache folder, that holds the digest of the last successful build. */
const digestFile = (astroCache: string) => path.join(astroCache, 'huibian-build-digest.txt');

/** The digest of the last successful build in this cache folder, or null (none yet). */
export async function previousDigest(astroCache: string): Promise<string | null> {
	return readFile(digestFile(astroCache), 'utf8').then(
		(t) => t.trim() || null,
		() => null,
	);
}

/**
 * Forget the digest while `astro build` runs: a build killed while Astro rewrites its cached
 * copies (its manifest is written only at the end) must make the next one a full build, or a
 * path whose input went back to the old key could be restored from a copy the killed build
 * overwrote.
 */
export async function clearDigest(astroCache: string): Promise<void> {
	await rm(digestFile(astroCache), { force: true });
}

/** Record `digest` after a successful `astro build` (atomically: a kill leaves the old one). */
export async function saveDigest(astroCache: string, digest: string): Promise<void> {
	const file = digestFile(astroCache);
	await writeFile(`${file}.tmp`, `${digest}\n`);
	await rename(`${file}.tmp`, file);
}
