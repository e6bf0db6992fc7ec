/**
 * huibian's configuration, in one place: the default paths of a checkout and every `HUIBIAN_*`
 * environment variable, parsed and checked with zod. The README's table “Configuration” lists
 * the same variables; a variable added here goes there.
 *
 * Pure: `readConfig(env)` takes the environment as a value. Scripts call it through
 * `scripts/lib/config.ts`, which prints the error and exits; Astro code (loaders, pages) calls
 * it with `process.env`.
 *
 * @example readConfig({ HUIBIAN_SEARCH_LOOKAHEAD: '0' }) throws
 *   `HUIBIAN_SEARCH_LOOKAHEAD=0: expected a whole number ≥ 1`
 */
import { z } from 'astro/zod';

/** Default folders and files, relative to the checkout. */
export const PATHS = {
	/** Compilations to ingest (`--sources`). */
	sources: 'content/sources',
	/** Ingest output: one MDX page per report and `catalog.json` (`--reports-dir`, `--out` of the ingest). */
	reports: 'content/reports',
	/** Built site (`--out`). */
	site: 'dist',
	/** Astro's cache folder (`HUIBIAN_CACHE`): content layer, rendered bodies, previous pages. */
	astroCache: 'node_modules/.astro',
	/** Corrections by report id. */
	overrides: 'content/overrides.yaml',
	/** Categories and themes. */
	vocabulary: 'content/vocabulary.yaml',
} as const;

/** The file of the ingest output that lists every record. */
export const CATALOG_FILE = 'catalog.json';

/** A whole number at least `min`, written in decimal digits. */
function wholeNumber(min: number) {
	const expected = `expected a whole number ≥ ${min}`;
	return z
		.string()
		.regex(/^\d+$/, expected)
		.transform(Number)
		.refine((n) => Number.isSafeInteger(n) && n >= min, expected);
}

/** A non-empty text (a path, a name). */
const text = (expected: string) => z.string().min(1, expected);

/** A path inside the site (`/downloads/x.zip`). */
const sitePath = z.string().startsWith('/', 'expected a path inside the site that starts with /');

/** A site root path (`/`, `/kb/`; Astro adds a missing final `/`). */
const basePath = z.string().regex(/^\/[^?#\s]*$/, 'expected a path that starts with / (/, /kb/)');

/** Every `HUIBIAN_*` variable: what it sets. Unset (or empty) means the default. */
const envSchema = z.object({
	/** Ingest output the site is built from (Astro's loaders, the search stage, dev). */
	HUIBIAN_REPORTS_DIR: text('expected a folder').optional(),
	/** Astro's output folder (set by the build; `--out`). */
	HUIBIAN_OUT: text('expected a folder').optional(),
	/** Site root path (set by the build; `--base`). */
	HUIBIAN_BASE: basePath.optional(),
	/** The site's absolute URL (set by the build; `--site`). */
	HUIBIAN_SITE: z
		.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
		.optional(),
	/** Astro's cache folder. */
	HUIBIAN_CACHE: text('expected a folder').optional(),
	/** Seconds a build waits for another build of the same checkout (default 1800). */
	HUIBIAN_LOCK_TIMEOUT: wholeNumber(1).optional(),
	/** Characters per search index word (default `GRAM`, src/lib/search/tokens.ts). */
	HUIBIAN_SEARCH_GRAM: wholeNumber(1).optional(),
	/** Report pages read ahead while the index words are built (default 8). */
	HUIBIAN_SEARCH_LOOKAHEAD: wholeNumber(1).optional(),
	/** CBOR bytes per index chunk (default 40 KiB, `DEFAULT_CHUNK_BYTES` of scripts/lib/search-index.ts). */
	HUIBIAN_SEARCH_CHUNK_BYTES: wholeNumber(1).optional(),
	/** Corpus characters per word range the index writer holds in memory at once (default 4,000,000). */
	HUIBIAN_SEARCH_RANGE_CHARS: wholeNumber(1).optional(),
	/** The offline zip's path inside the site, linked from /data/ (set by the build; `--zip`). */
	HUIBIAN_OFFLINE_ZIP: sitePath.optional(),
	/** Set by the build for each stage: the file the stage writes its JSON result to (scripts/lib/stage-result.ts). */
	HUIBIAN_STAGE_RESULT: text('expected a file').optional(),
	/** Tests only: the swap stops (and waits to be killed) after this many renames. */
	HUIBIAN_SWAP_PAUSE_AFTER: wholeNumber(0).optional(),
});

export type HuibianEnv = z.infer<typeof envSchema>;

/** The names of every variable, for the README table's test. */
export const ENV_NAMES = Object.keys(envSchema.shape) as Array<keyof HuibianEnv>;

/** The configuration: every variable (parsed), and the paths with the variables applied. */
export interface HuibianConfig {
	env: HuibianEnv;
	/** The ingest output folder: `HUIBIAN_REPORTS_DIR`, else `content/reports` (relative to cwd). */
	reportsDir: string;
}

/** A bad variable: its own line, `NAME=value: expected …`. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

/**
 * Parse the environment. Variables that aren't huibian's are ignored; an empty one counts as
 * unset (`HUIBIAN_SITE= npm run build` is a build without a site).
 * @throws ConfigError with one line per bad variable: `HUIBIAN_X=value: expected …`.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): HuibianConfig {
	const own: Record<string, string> = {};
	for (const name of ENV_NAMES) {
		const value = env[name];
		if (value !== undefined && value !== '') own[name] = value;
	}
	const parsed = envSchema.safeParse(own);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => {
			const name = String(issue.path[0]);
			return `${name}=${own[name] ?? ''}: ${issue.message}`;
		});
		throw new ConfigError([...new Set(lines)].join('\n'));
	}
	return { env: parsed.data, reportsDir: parsed.data.HUIBIAN_REPORTS_DIR ?? PATHS.reports };
}
