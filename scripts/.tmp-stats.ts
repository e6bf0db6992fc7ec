// offline stats of an index: size, chunks, meta gz, chunk gz for query words
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { decodeMeta } from '/work/wt-index/src/lib/search/pagefind-files.ts';
import { pagefindQuery } from '/work/wt-index/src/lib/search/tokens.ts';
const dir = process.argv[2]!;
const gram = Number(process.argv[3] ?? 5);
const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8'));
const metaFile = path.join(dir, `pagefind.${entry.languages.und.hash}.pf_meta`);
const meta = decodeMeta(gunzipSync(readFileSync(metaFile)));
let total = 0; for (const sub of ['index', 'fragment', 'filter']) for (const f of readdirSync(path.join(dir, sub))) total += statSync(path.join(dir, sub, f)).size;
console.log(`index ${(total / 2 ** 20).toFixed(1)} MiB, chunks ${meta.chunks.length}, pages ${meta.pages.length}, meta ${(statSync(metaFile).size / 1024).toFixed(1)} KiB`);
for (const q of ['读书', '学习型社区', '学习型机关自评报告', '学']) {
	const words = pagefindQuery(q, gram)!.replace(/"/g, '').split(' ');
	const sizes = words.map((w) => { const c = meta.chunks.find(([f, t]) => w >= f && w <= t); return c ? statSync(path.join(dir, 'index', c[2] + '.pf_index')).size : -1; });
	console.log(q, sizes.map((s) => (s / 1024).toFixed(1)).join(' + '), '=', (sizes.reduce((a, b) => a + b, 0) / 1024).toFixed(1), 'KiB');
}
