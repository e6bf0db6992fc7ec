/**
 * `node scripts/index-search.ts --site DIR [--catalog FILE]`: build the search index of a built
 * site (catalog defaults to `$HUIBIAN_REPORTS_DIR/catalog.json`, else content/reports/).
 * Prints one line: `search: N reports + M 正文未收录 indexed, X MiB index (?)` (the caller fills
 * in the time). Tuning (measurements in docs/scale/tuning.md): HUIBIAN_SEARCH_GRAM,
 * HUIBIAN_SEARCH_LOOKAHEAD (pages prepared ahead of the serial adds, default 8), HUIBIAN_SEARCH_LANGUAGE
 * (index language, default `und`), HUIBIAN_SEARCH_SHARD_REPORTS (report pages per index shard,
 * default `DEFAULT_SHARD_REPORTS` in src/lib/search/shards.ts: 500),
 * HUIBIAN_SEARCH_CHUNK_BYTES (CBOR bytes per chunk of the merged index, default
 * `DEFAULT_CHUNK_BYTES` in scripts/lib/merge-shards.ts).
 */
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { dirBytes } from './lib/dir-stats.ts';
import { buildSearchIndex } from './lib/search-index.ts';

const args = parseArgs(process.argv.slice(2), ['site', 'catalog']);
const site = path.resolve(args.values.get('site') ?? 'dist');
const reportsDir = path.resolve(process.env.HUIBIAN_REPORTS_DIR ?? 'content/reports');
const catalog = path.resolve(args.values.get('catalog') ?? path.join(reportsDir, 'catalog.json'));
const gram = process.env.HUIBIAN_SEARCH_GRAM ? Number(process.env.HUIBIAN_SEARCH_GRAM) : undefined;
const lookahead = process.env.HUIBIAN_SEARCH_LOOKAHEAD ? Number(process.env.HUIBIAN_SEARCH_LOOKAHEAD) : undefined;
const language = process.env.HUIBIAN_SEARCH_LANGUAGE || undefined;
const shardReports = process.env.HUIBIAN_SEARCH_SHARD_REPORTS ? Number(process.env.HUIBIAN_SEARCH_SHARD_REPORTS) : undefined;
const chunkBytes = process.env.HUIBIAN_SEARCH_CHUNK_BYTES ? Number(process.env.HUIBIAN_SEARCH_CHUNK_BYTES) : undefined;
const stats = await buildSearchIndex(site, catalog, { gram, lookahead, language, shardReports, chunkBytes });
const mib = ((await dirBytes(path.join(site, 'pagefind'))) / 2 ** 20).toFixed(2);
console.log(`search: ${stats.pages} reports + ${stats.tocOnly} 正文未收录 indexed (${stats.shards} shards merged in ${stats.mergeS.toFixed(1)} s, ${stats.chunks} chunks), ${mib} MiB index (?)`);
