/**
 * `node scripts/index-search.ts --site DIR [--catalog FILE]`: build the search index of a built
 * site (catalog defaults to `$HUIBIAN_REPORTS_DIR/catalog.json`, else content/reports/).
 * Prints one line: `search: N reports + M 正文未收录 indexed, X MiB index (?)` (the caller fills
 * in the time). Tuning (docs/scale/): HUIBIAN_SEARCH_GRAM (longest n-gram word, default `GRAM` in
 * src/lib/search/tokens.ts), HUIBIAN_SEARCH_LOOKAHEAD (pages read ahead, default 8),
 * HUIBIAN_SEARCH_CHUNK_BYTES (CBOR bytes per index chunk), HUIBIAN_SEARCH_RANGE_CHARS (corpus
 * characters whose words are built at once: the memory bound), defaults in scripts/lib/search-index.ts.
 */
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { dirBytes } from './lib/dir-stats.ts';
import { buildSearchIndex } from './lib/search-index.ts';

const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
// read the arguments and the tuning variables
const args = parseArgs(process.argv.slice(2), ['site', 'catalog']);
const site = path.resolve(args.values.get('site') ?? 'dist');
const reportsDir = path.resolve(process.env.HUIBIAN_REPORTS_DIR ?? 'content/reports');
const catalog = path.resolve(args.values.get('catalog') ?? path.join(reportsDir, 'catalog.json'));
// build the index
const stats = await buildSearchIndex(site, catalog, {
	gram: number('HUIBIAN_SEARCH_GRAM'),
	lookahead: number('HUIBIAN_SEARCH_LOOKAHEAD'),
	chunkBytes: number('HUIBIAN_SEARCH_CHUNK_BYTES'),
	rangeChars: number('HUIBIAN_SEARCH_RANGE_CHARS'),
});
// say what was written
const mib = ((await dirBytes(path.join(site, 'pagefind'))) / 2 ** 20).toFixed(2);
console.log(`search: ${stats.pages} reports + ${stats.tocOnly} 正文未收录 indexed (${stats.ranges} word ranges written in ${stats.writeS.toFixed(1)} s, ${stats.chunks} chunks), ${mib} MiB index (?)`);
