/**
 * `node scripts/index-search.ts --site DIR [--catalog FILE]`: build the search index of a built
 * site (catalog defaults to `$HUIBIAN_REPORTS_DIR/catalog.json`, else content/reports/).
 * Prints one line: `search: N reports + M 正文未收录 indexed, X MiB index`; under `npm run build`
 * it writes its result to `$HUIBIAN_STAGE_RESULT` instead (scripts/lib/stage-result.ts), and the
 * build prints the line. Tuning (docs/scale/): HUIBIAN_SEARCH_GRAM (longest n-gram word, default `GRAM` in
 * src/lib/search/tokens.ts), HUIBIAN_SEARCH_LOOKAHEAD (pages read ahead, default 8),
 * HUIBIAN_SEARCH_CHUNK_BYTES (CBOR bytes per index chunk), HUIBIAN_SEARCH_RANGE_CHARS (corpus
 * characters whose words are built at once: the memory bound), defaults in scripts/lib/search-index.ts.
 * With HUIBIAN_CACHE (the build sets it), report records are cached there by the digest of each
 * page's HTML (`scripts/lib/search-record-cache.ts`), and the gzipped index files by the digest of
 * their bytes (`scripts/lib/search-gzip-cache.ts`), and the index's words, patched for the pages
 * whose text changed when the rest is as it was (`scripts/lib/search-words.ts`).
 */
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { config } from './lib/config.ts';
import { dirBytes } from './lib/dir-stats.ts';
import { buildSearchIndex } from './lib/search-index.ts';
import { searchStageLine, type SearchStageResult } from './lib/search-stage-line.ts';
import { writeStageResult } from './lib/stage-result.ts';

const { env } = config;
// read the arguments and the tuning variables
const args = parseArgs(process.argv.slice(2), ['site', 'catalog']);
const site = path.resolve(args.values.get('site') ?? 'dist');
const reportsDir = path.resolve(config.reportsDir);
const catalog = path.resolve(args.values.get('catalog') ?? path.join(reportsDir, 'catalog.json'));
// build the index
const stats = await buildSearchIndex(site, catalog, {
	gram: env.HUIBIAN_SEARCH_GRAM,
	lookahead: env.HUIBIAN_SEARCH_LOOKAHEAD,
	chunkBytes: env.HUIBIAN_SEARCH_CHUNK_BYTES,
	rangeChars: env.HUIBIAN_SEARCH_RANGE_CHARS,
	// under the build, the records of unchanged pages come from the last build's (Astro's cache folder)
	...(env.HUIBIAN_CACHE
		? {
				cacheFile: path.join(path.resolve(env.HUIBIAN_CACHE), 'huibian-search-records.v8'),
				gzipCacheFile: path.join(path.resolve(env.HUIBIAN_CACHE), 'huibian-search-gzip.bin'),
				postingsDir: path.join(path.resolve(env.HUIBIAN_CACHE), 'huibian-search-postings'),
			}
		: {}),
});
// say what was written
const indexMiB = (await dirBytes(path.join(site, 'pagefind'))) / 2 ** 20;
const result: SearchStageResult = {
	stage: 'search',
	reports: stats.pages,
	tocOnly: stats.tocOnly,
	ranges: stats.ranges,
	writeS: stats.writeS,
	chunks: stats.chunks,
	indexMiB,
	...(env.HUIBIAN_CACHE
		? {
				recordsReused: stats.recordsReused,
				recordsParsed: stats.recordsParsed,
				gzipReused: stats.gzipReused,
				gzipped: stats.gzipped,
				patchedPages: stats.patchedPages,
			}
		: {}),
};
if (env.HUIBIAN_STAGE_RESULT) await writeStageResult({ ...result });
else console.log(searchStageLine(result));
