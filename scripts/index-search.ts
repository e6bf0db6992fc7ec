/**
 * `node scripts/index-search.ts --site DIR [--catalog FILE]`: build the search index of a built
 * site (catalog defaults to `$HUIBIAN_REPORTS_DIR/catalog.json`, else content/reports/).
 * Prints one line: `search: N reports + M 正文未收录 indexed, X MiB index (?)` (the caller fills
 * in the time). Tuning (measurements in docs/scale/tuning.md): the
 * `HUIBIAN_SEARCH_*` variables (src/lib/config.ts, the README's “Configuration”).
 */
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { dirBytes } from './lib/dir-stats.ts';
import { buildSearchIndex } from './lib/search-index.ts';
import { config } from './lib/config.ts';
import { CATALOG_FILE, PATHS } from '../src/lib/config.ts';

const args = parseArgs(process.argv.slice(2), ['site', 'catalog']);
const site = path.resolve(args.values.get('site') ?? PATHS.site);
const catalog = path.resolve(args.values.get('catalog') ?? path.join(config.reportsDir, CATALOG_FILE));
const { env } = config;
const gram = env.HUIBIAN_SEARCH_GRAM;
const lookahead = env.HUIBIAN_SEARCH_LOOKAHEAD;
const language = env.HUIBIAN_SEARCH_LANGUAGE;
const shardReports = env.HUIBIAN_SEARCH_SHARD_REPORTS;
const chunkBytes = env.HUIBIAN_SEARCH_CHUNK_BYTES;
const stats = await buildSearchIndex(site, catalog, { gram, lookahead, language, shardReports, chunkBytes });
const mib = ((await dirBytes(path.join(site, 'pagefind'))) / 2 ** 20).toFixed(2);
console.log(`search: ${stats.pages} reports + ${stats.tocOnly} 正文未收录 indexed (${stats.shards} shards merged in ${stats.mergeS.toFixed(1)} s, ${stats.chunks} chunks), ${mib} MiB index (?)`);
