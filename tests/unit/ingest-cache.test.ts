/**
 * Incremental ingest: an unchanged source is not re-ingested (its cached output is reused), a
 * changed source (or changed metadata, vocabulary or overrides) is, and the output is the same
 * as an ingest without cache.
 */
import {
	appendFileSync,
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runIngest } from '../../scripts/lib/run-ingest.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const samples = readdirSync(path.join(repo, 'content/sources'))
	.filter((f) => f.endsWith('.txt'))
	.sort();
let work: string;

beforeEach(() => {
	work = mkdtempSync(path.join(tmpdir(), 'huibian-cache-'));
	mkdirSync(path.join(work, 'sources'));
	for (const f of samples)
		copyFileSync(path.join(repo, 'content/sources', f), path.join(work, 'sources', f));
	copyFileSync(path.join(repo, 'content/vocabulary.yaml'), path.join(work, 'vocabulary.yaml'));
	writeFileSync(path.join(work, 'overrides.yaml'), '# none\n');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const run = (extra: Partial<Parameters<typeof runIngest>[0]> = {}) =>
	runIngest({
		sources: path.join(work, 'sources'),
		out: path.join(work, 'out'),
		vocabulary: path.join(work, 'vocabulary.yaml'),
		overrides: path.join(work, 'overrides.yaml'),
		cache: path.join(work, 'cache'),
		...extra,
	});

/** Every output file by name → text. */
function outputFiles(dir: string): Map<string, string> {
	return new Map(
		readdirSync(dir)
			.sort()
			.map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]),
	);
}

describe('incremental ingest', () => {
	test('a second run re-ingests no source and writes the same output', async () => {
		const first = await run();
		expect(first.ingested).toEqual(samples);
		const before = outputFiles(path.join(work, 'out'));
		const second = await run();
		expect(second.ingested).toEqual([]);
		expect(second.reused).toEqual(samples);
		expect(outputFiles(path.join(work, 'out'))).toEqual(before);
		expect(second.report.at(-2)).toBe(
			`cache: 0 sources ingested, 5 reused (${path.relative(process.cwd(), path.join(work, 'cache'))})`,
		);
	});

	test('changing one source re-ingests only that source; the output equals an uncached run', async () => {
		await run();
		appendFileSync(path.join(work, 'sources', samples[1]!), '\n\n补充的一段正文。\n');
		const changed = await run();
		expect(changed.ingested).toEqual([samples[1]]);
		expect(changed.reused).toHaveLength(samples.length - 1);
		const cached = outputFiles(path.join(work, 'out'));
		const fresh = await run({ out: path.join(work, 'fresh'), cache: false });
		expect(fresh.ingested).toEqual(samples);
		expect(outputFiles(path.join(work, 'fresh'))).toEqual(cached);
		expect([...cached.values()].some((text) => text.includes('补充的一段正文'))).toBe(true);
	});

	test('source metadata, the vocabulary and the overrides are part of the key', async () => {
		await run();
		writeFileSync(
			path.join(work, 'sources', samples[4]!.replace(/\.txt$/, '.yaml')),
			'title: 另一个标题\n',
		);
		expect((await run()).ingested).toEqual([samples[4]]);
		appendFileSync(path.join(work, 'vocabulary.yaml'), '\n# a comment changes the file\n');
		expect((await run()).ingested).toEqual(samples);
		writeFileSync(path.join(work, 'overrides.yaml'), 'no-such-id:\n  unit: X\n');
		expect((await run()).ingested).toEqual(samples);
		expect((await run()).ingested).toEqual([]);
	});

	test('a remembered id check does not hide a registry edit: that source is ingested again', async () => {
		await run();
		// The second run checked every cached output's ids and remembered it; the third used that.
		expect((await run()).ingested).toEqual([]);
		expect((await run()).ingested).toEqual([]);
		// Rename the registry's first id: its source's cached output no longer has the registry's ids.
		const ids = path.join(work, 'sources/ids.yaml');
		const text = readFileSync(ids, 'utf8');
		const first = /^reports:\n {2}([^:\s]+):\n {4}source: (\S+)$/m.exec(text)!;
		writeFileSync(ids, text.replace(`  ${first[1]}:\n`, `  ${first[1]}-renamed:\n`));
		const again = await run();
		expect(again.ingested).toEqual([first[2]]);
		expect(readdirSync(path.join(work, 'out'))).toContain(`${first[1]}-renamed.mdx`);
		expect(readdirSync(path.join(work, 'out'))).not.toContain(`${first[1]}.mdx`);
	});

	test('entries a run no longer uses are pruned; a corrupt entry is a miss', async () => {
		// Beside the entries: the memo of id checks and the record of the pages written (both
		// corrupted below too, which must make them misses as well).
		const entries = () =>
			readdirSync(path.join(work, 'cache')).filter((n) => /^[0-9a-f]{64}\.json$/.test(n));
		await run();
		expect(entries()).toHaveLength(samples.length);
		expect(
			readdirSync(path.join(work, 'cache'))
				.filter((n) => !entries().includes(n))
				.sort(),
		).toEqual(['ids-checked.json', 'pages-written.json']);
		rmSync(path.join(work, 'sources', samples[0]!));
		await run();
		expect(entries()).toHaveLength(samples.length - 1);
		for (const name of readdirSync(path.join(work, 'cache')))
			writeFileSync(path.join(work, 'cache', name), '{ not json');
		expect((await run()).ingested).toEqual(samples.slice(1));
	});

	test('an entry holding a report that fails the schema is a miss (the catalog check trusts entries)', async () => {
		await run();
		const before = outputFiles(path.join(work, 'out'));
		const names = readdirSync(path.join(work, 'cache'));
		const tampered = names.find(
			(n) => JSON.parse(readFileSync(path.join(work, 'cache', n), 'utf8')).reports.length > 0,
		)!;
		const entry = JSON.parse(readFileSync(path.join(work, 'cache', tampered), 'utf8'));
		entry.reports[0].date = '2010-13-45';
		writeFileSync(path.join(work, 'cache', tampered), JSON.stringify(entry));
		const again = await run();
		expect(again.ingested).toEqual([entry.file]);
		expect(outputFiles(path.join(work, 'out'))).toEqual(before);
	});
});

describe('overrides for unknown ids', () => {
	test('the warning points at the id’s own line of the overrides file', async () => {
		writeFileSync(
			path.join(work, 'overrides.yaml'),
			'# curator corrections\n\nfirst-unknown-id:\n  unit: 甲\n\n"second-unknown-id":\n  date: 2004\n',
		);
		const result = await run({ cache: false });
		const warnings = result.issues
			.filter((i) => i.ruleId === 'override:unknown-id')
			.map((i) => [i.file, i.line]);
		expect(warnings).toEqual([
			[path.join(work, 'overrides.yaml'), 3],
			[path.join(work, 'overrides.yaml'), 6],
		]);
	});
});
