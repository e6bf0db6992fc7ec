/**
 * `node scripts/index-search.ts --site DIR`: build the Pagefind index of a built site.
 * Prints one line: `search: N pages indexed, X MiB index (?)` (the caller fills in the time).
 */
import path from 'node:path';
import { parseArgs } from './lib/args.ts';
import { dirBytes } from './lib/dir-stats.ts';
import { buildSearchIndex } from './lib/search-index.ts';

const args = parseArgs(process.argv.slice(2), ['site']);
const site = path.resolve(args.values.get('site') ?? 'dist');
const stats = await buildSearchIndex(site);
const mib = ((await dirBytes(path.join(site, 'pagefind'))) / 2 ** 20).toFixed(2);
console.log(`search: ${stats.pages} pages indexed, ${mib} MiB index (?)`);
