/**
 * Merge Pagefind index folders (shards of one site, written one after the other to bound
 * Pagefind's memory) into one Pagefind index folder, so that a search loads each query word's
 * chunk once instead of once per shard. The merge streams: it holds one decoded chunk per shard.
 *
 * The merged folder is what Pagefind itself writes: the first shard's scripts and WebAssembly,
 * `pagefind-entry.json`, the meta file, `index/`, `filter/` and `fragment/` (moved, not copied,
 * out of the shards). Files are named `<lang>_<hex>` by the SHA-256 of their content, lengthened
 * until unique; fragments keep Pagefind's names unless two shards used the same one.
 *
 * The format is Pagefind 1.6's (`src/lib/search/pagefind-files.ts`); another version is refused.
 */
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback, gzipSync } from 'node:zlib';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);
import { CborReader, CborWriter } from '../../src/lib/search/cbor-bytes.ts';
import { PrefixUnion } from '../../src/lib/search/prefix-union.ts';
import { compareWords, decodeFilter, decodeMeta, encodeIndexChunk, encodeMeta, signed, unsigned, wrap, type IndexMeta, type MetaPage } from '../../src/lib/search/pagefind-files.ts';
import {
	ChunkBuilder,
	mergeFilter,
	mergeMetaFields,
	mergeSort,
	PageList,
	writeWord,
	type ShardMapping,
	type ShardPages,
	type ShardWord,
	type WordChunk,
} from '../../src/lib/search/pagefind-merge.ts';

export const PAGEFIND_FORMAT = '1.6.0';
/** CBOR bytes per merged index chunk (Pagefind's own chunks are 45–100 KB): see docs/scale. */
export const DEFAULT_CHUNK_BYTES = 48 * 1024;

export interface MergeShardsOptions {
	/** Pagefind output folders, in order. */
	shards: readonly string[];
	/** For each shard, the merged page number of each of its pages (in the order they were added). */
	pageMaps: ReadonlyArray<readonly number[]>;
	/** For each sort key, every merged page ascending by its value. */
	sortOrders: Readonly<Record<string, readonly number[]>>;
	/** The merged folder: must not exist or be empty. */
	out: string;
	chunkBytes?: number;
	/**
	 * Words that a shorter query reaches as a prefix (huibian's n-gram codes), and the length of
	 * that prefix (or the pattern's first group): every page of such a prefix is found in the
	 * chunk Pagefind loads for it.
	 */
	prefixes?: { words: RegExp; length: number } | null;
	/** Consecutive words never cut into two chunks (`ChunkBuilder`); default none. */
	keepTogether?: ((previous: string, next: string) => boolean) | null;
}

export interface MergeStats {
	pages: number;
	chunks: number;
	/** Fragments renamed because another shard used the same name. */
	renamed: number;
}

interface Entry {
	version: string;
	languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

async function readPagefindFile(file: string): Promise<Uint8Array> {
	return new Uint8Array(await gunzip(await readFile(file)));
}

/** Names unique within a folder: a preferred name if free, else `<lang>_<sha256 hex>`, 7+ digits. */
class Names {
	readonly #used = new Set<string>();
	readonly #lang: string;
	constructor(lang: string) {
		this.#lang = lang;
	}
	/** Whether `name` is free (and takes it if so). */
	take(name: string): boolean {
		if (this.#used.has(name)) return false;
		this.#used.add(name);
		return true;
	}
	name(content: Uint8Array, digits = 7): string {
		const hex = createHash('sha256').update(content).digest('hex');
		for (let n = digits; n <= hex.length; n++) {
			const name = `${this.#lang}_${hex.slice(0, n)}`;
			if (!this.#used.has(name)) {
				this.#used.add(name);
				return name;
			}
		}
		throw new Error(`two Pagefind files with the same content: ${this.#lang}_${hex}`);
	}
}

/** Reads a shard's words in order, one chunk at a time, without decoding positions. */
class Cursor {
	word: string | undefined;
	readonly entry: ShardWord;
	#pages = new PageList();
	#reader: CborReader | null = null;
	#wordsLeft = 0;
	#next = 0;
	readonly #dir: string;
	readonly #meta: IndexMeta;
	readonly #map: ShardMapping;
	readonly #fields: readonly number[] | null;
	constructor(dir: string, meta: IndexMeta, map: ShardMapping) {
		this.#dir = dir;
		this.#meta = meta;
		this.#map = map;
		this.#fields = map.fields.every((f, i) => f === i) ? null : map.fields;
		this.entry = { pages: { list: this.#pages, fields: this.#fields }, variants: [] };
	}
	#ahead: Promise<Uint8Array> | null = null;
	#file(i: number): string {
		return path.join(this.#dir, 'index', `${this.#meta.chunks[i]![2]}.pf_index`);
	}
	/** Moves to the shard's next word (`word` undefined at the end). */
	async advance(): Promise<void> {
		while (this.#wordsLeft === 0) {
			if (this.#next >= this.#meta.chunks.length) {
				this.word = undefined;
				return;
			}
			const file = this.#file(this.#next++);
			// the next chunk decompresses on libuv's threads while this one merges
			const bytes = await (this.#ahead ?? readPagefindFile(file));
			this.#ahead = this.#next < this.#meta.chunks.length ? readPagefindFile(this.#file(this.#next)) : null;
			this.#reader = new CborReader(unsigned(bytes, file));
			if (this.#reader.array() !== 1) throw new Error(`${file}: unexpected layout`);
			this.#wordsLeft = this.#reader.array();
		}
		const reader = this.#reader!;
		this.#wordsLeft--;
		if (reader.array() !== 3) throw new Error('index chunk: a word is not [word, pages, variants]');
		this.word = reader.text();
		this.#pages.read(reader, this.#map.pages);
		const variants: Array<{ word: string; pages: ShardPages }> = [];
		for (let n = reader.array(); n > 0; n--) {
			reader.array();
			const word = reader.text();
			variants.push({ word, pages: { list: new PageList().read(reader, this.#map.pages), fields: this.#fields } });
		}
		(this.entry as { variants: ShardWord['variants'] }).variants = variants;
	}
}

export async function mergeShards(options: MergeShardsOptions): Promise<MergeStats> {
	const { shards: allShards, pageMaps, sortOrders, out, chunkBytes = DEFAULT_CHUNK_BYTES, prefixes = null, keepTogether = null } = options;
	if (allShards.length === 0 || allShards.length !== pageMaps.length) throw new Error('mergeShards: one page map per shard, at least one shard');
	// 1. entries and metas: one language, Pagefind 1.6
	const entries = await Promise.all(allShards.map(async (dir) => JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8')) as Entry));
	// A shard without pages has an index without a language: left out (its page map must be
	// empty). No pages at all: the first shard is the merged index.
	const kept = entries.map((_, i) => i).filter((i) => Object.keys(entries[i]!.languages).length > 0);
	for (const [i, map] of pageMaps.entries()) {
		if (!kept.includes(i) && map.length > 0) throw new Error(`mergeShards: ${allShards[i]} has no pages, its page map ${map.length}`);
	}
	if (kept.length === 0) {
		await cp(allShards[0]!, out, { recursive: true });
		return { pages: 0, chunks: 0, renamed: 0 };
	}
	if (kept.length < allShards.length) {
		return mergeShards({ ...options, shards: kept.map((i) => allShards[i]!), pageMaps: kept.map((i) => pageMaps[i]!) });
	}
	const shards = allShards;
	const langs = Object.keys(entries[0]!.languages);
	if (langs.length !== 1) throw new Error(`mergeShards: expected one index language, found ${langs.join(', ') || 'none'}`);
	const lang = langs[0]!;
	const metas: IndexMeta[] = [];
	for (const [i, entry] of entries.entries()) {
		const info = entry.languages[lang];
		if (entry.version !== PAGEFIND_FORMAT || !info || Object.keys(entry.languages).length !== 1) {
			throw new Error(`mergeShards: ${shards[i]} is not a Pagefind ${PAGEFIND_FORMAT} index of language ${lang} only`);
		}
		const file = path.join(shards[i]!, `pagefind.${info.hash}.pf_meta`);
		metas.push(decodeMeta(await readPagefindFile(file), file));
	}
	const { fields, maps: fieldMaps } = mergeMetaFields(metas.map((m) => m.metaFields));
	const mappings: ShardMapping[] = metas.map((meta, i) => {
		const map = pageMaps[i]!;
		if (map.length !== meta.pages.length) throw new Error(`mergeShards: ${shards[i]} has ${meta.pages.length} pages, its page map ${map.length}`);
		if (map.some((page, j) => j > 0 && page <= map[j - 1]!)) throw new Error(`mergeShards: the page map of ${shards[i]} is not ascending`);
		return { pages: pageMaps[i]!, fields: fieldMaps[i]! };
	});
	await mkdir(out, { recursive: true });
	if ((await readdir(out)).length > 0) throw new Error(`mergeShards: ${out} is not empty`);
	for (const sub of ['index', 'filter', 'fragment']) await mkdir(path.join(out, sub));

	// 2. pages and their fragments (moved; renamed when another shard used the name)
	const total = pageMaps.reduce((sum, m) => sum + m.length, 0);
	const pages = new Array<MetaPage | undefined>(total);
	const fragmentNames = new Names(lang);
	let renamed = 0;
	for (const [i, meta] of metas.entries()) {
		const from = (name: string) => path.join(shards[i]!, 'fragment', `${name}.pf_fragment`);
		const to = (name: string) => path.join(out, 'fragment', `${name}.pf_fragment`);
		const pageNames = new Map<string, string>();
		for (const [hash, , group] of meta.pages) {
			let name = hash;
			if (!fragmentNames.take(hash)) {
				name = fragmentNames.name(group ? new TextEncoder().encode(`${group}/${hash}`) : await readFile(from(hash)));
				renamed++;
			}
			pageNames.set(hash, name);
			if (!group) await rename(from(hash), to(name));
		}
		const groupNames = new Map<string, string>();
		for (const group of new Set(meta.pages.map((p) => p[2]).filter(Boolean))) {
			const members = meta.pages.filter((p) => p[2] === group);
			const raw = await readPagefindFile(from(group));
			const json = JSON.parse(new TextDecoder().decode(unsigned(raw, group))) as Record<string, unknown>;
			const rewritten = Object.fromEntries(Object.entries(json).map(([hash, fragment]) => [pageNames.get(hash) ?? hash, fragment]));
			const unchanged = members.every((p) => pageNames.get(p[0]) === p[0]);
			const content = unchanged ? raw : signed(new TextEncoder().encode(JSON.stringify(rewritten)));
			const name = unchanged && fragmentNames.take(group) ? group : fragmentNames.name(content);
			groupNames.set(group, name);
			if (unchanged && name === group) await rename(from(group), to(name));
			else await writeFile(to(name), gzipSync(content));
		}
		meta.pages.forEach(([hash, words, group], local) => {
			const at = mappings[i]!.pages[local]!;
			if (!(at >= 0 && at < total)) throw new Error(`mergeShards: page ${at} of the page maps is not below the ${total} pages`);
			if (pages[at]) throw new Error(`mergeShards: two pages mapped to page ${at}`);
			pages[at] = [pageNames.get(hash)!, words, group ? groupNames.get(group)! : ''];
		});
	}
	for (let page = 0; page < total; page++) if (!pages[page]) throw new Error(`mergeShards: the page maps leave page ${page} out`);

	// 3. words, in order, from every shard at once
	const chunks: IndexMeta['chunks'] = [];
	const indexNames = new Names(lang);
	// Chunks are compressed on libuv's threads (the other core) while the next words merge.
	const writing: Array<Promise<void>> = [];
	const writeChunk = async (chunk: WordChunk | null) => {
		if (!chunk) return;
		const raw = encodeIndexChunk(chunk.words);
		const name = indexNames.name(raw);
		chunks.push([chunk.from, chunk.to, name]);
		writing.push(gzip(raw).then((bytes) => writeFile(path.join(out, 'index', `${name}.pf_index`), bytes)));
		if (writing.length >= 8) await writing.shift();
	};
	const cursors = metas.map((meta, i) => new Cursor(shards[i]!, meta, mappings[i]!));
	for (const cursor of cursors) await cursor.advance();
	const builder = new ChunkBuilder(chunkBytes, keepTogether);
	const writer = new CborWriter();
	// Words sharing a prefix (`prefixes`) are held back until the group is complete: a group that
	// would be cut across chunks gets its prefix word first (`prefix-union.ts`).
	const union = new PrefixUnion(total);
	let group: { prefix: string; words: Array<{ word: string; bytes: Uint8Array }>; bytes: number } | null = null;
	const endGroup = async () => {
		if (!group) return;
		const { prefix, words } = group;
		const split = builder.bytes + group.bytes - words.at(-1)!.bytes.length >= builder.targetBytes;
		if (split) {
			union.write(writer, prefix);
			await writeChunk(builder.add(prefix, writer.take()));
		}
		for (const { word, bytes } of words) {
			if (split && word === prefix) continue; // its pages are in the prefix word
			await writeChunk(builder.add(word, bytes, split ? word : prefix));
		}
		union.reset();
		group = null;
	};
	for (;;) {
		let least: string | undefined;
		for (const c of cursors) {
			if (c.word !== undefined && (least === undefined || compareWords(c.word, least) < 0)) least = c.word;
		}
		if (least === undefined) break;
		const here = cursors.filter((c) => c.word === least);
		const match = prefixes ? prefixes.words.exec(least) : null;
		// the pattern's first group, when it has one, is the prefix (`tokens.ts` prefixWords)
		const prefix = match ? (match[1] ?? least.slice(0, prefixes!.length)) : null;
		if (group && group.prefix !== prefix) await endGroup();
		writeWord(writer, least, here.map((c) => c.entry), prefix === null ? undefined : union);
		const bytes = writer.take();
		if (prefix === null) await writeChunk(builder.add(least, bytes));
		else {
			group ??= { prefix, words: [], bytes: 0 };
			group.words.push({ word: least, bytes });
			group.bytes += bytes.length;
		}
		for (const c of here) await c.advance();
	}
	await endGroup();
	await writeChunk(builder.flush());
	await Promise.all(writing);

	// 4. filters and sorts
	const filterNames = new Names(lang);
	const filters: IndexMeta['filters'] = [];
	for (const name of [...new Set(metas.flatMap((m) => m.filters.map((f) => f[0])))].sort(compareWords)) {
		const parts = [];
		for (const [i, meta] of metas.entries()) {
			const hash = meta.filters.find((f) => f[0] === name)?.[1];
			if (!hash) continue;
			const file = path.join(shards[i]!, 'filter', `${hash}.pf_filter`);
			parts.push({ chunk: decodeFilter(await readPagefindFile(file), file), map: mappings[i]! });
		}
		const raw = wrap(mergeFilter(parts));
		const hash = filterNames.name(raw);
		await writeFile(path.join(out, 'filter', `${hash}.pf_filter`), gzipSync(raw));
		filters.push([name, hash]);
	}
	const sorts: IndexMeta['sorts'] = [...new Set(metas.flatMap((m) => m.sorts.map((s) => s[0])))].map((name) => {
		const order = sortOrders[name];
		if (!order) throw new Error(`mergeShards: no merged order given for sort ${name}`);
		const parts = metas.flatMap((meta, i) => meta.sorts.filter((s) => s[0] === name).map((s) => ({ pages: s[1], map: mappings[i]! })));
		return [name, mergeSort(name, order, parts)];
	});

	// 5. meta, entry and the first shard's scripts
	const meta = encodeMeta({ version: metas[0]!.version, pages: pages as MetaPage[], chunks, filters, sorts, metaFields: fields });
	const metaHash = new Names(lang).name(meta, 11);
	await writeFile(path.join(out, `pagefind.${metaHash}.pf_meta`), gzipSync(meta));
	const first = entries[0]!;
	const entry = { ...first, languages: { [lang]: { ...first.languages[lang]!, hash: metaHash, page_count: total } } };
	await writeFile(path.join(out, 'pagefind-entry.json'), JSON.stringify(entry));
	for (const name of await readdir(shards[0]!)) {
		if (/^pagefind\..*\.pf_meta$/.test(name) || name === 'pagefind-entry.json' || !/\.(js|css|pagefind)$/.test(name)) continue;
		await copyFile(path.join(shards[0]!, name), path.join(out, name));
	}
	return { pages: total, chunks: chunks.length, renamed };
}
