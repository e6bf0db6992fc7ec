/**
 * Reprint detection (issue 18): the hand-written pair of compilations in
 * tests/fixtures/reprints/sources share one report (a typo 养身/养生 and two folio lines apart),
 * ingested through the real pure pipeline (`ingestAll`); the canonical rule on explicit cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { load } from 'js-yaml';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { sourceMetaSchema } from '../../src/lib/frontmatter.ts';
import { findReprints, type ReprintCandidate } from '../../src/lib/knowledge/reprints.ts';
import { textSignature } from '../../src/lib/knowledge/text-signature.ts';
import { replaceFrontmatter } from '../../src/lib/mdx/replace-frontmatter.ts';
import { toMdx } from '../../src/lib/mdx/to-mdx.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, 'tests/fixtures/reprints/sources');
const vocab = parseVocabulary(readFileSync(path.join(root, 'content/vocabulary.yaml'), 'utf8'));
const inputs = readdirSync(dir)
	.filter((f) => f.endsWith('.txt'))
	.map((file) => ({
		file,
		bytes: new Uint8Array(readFileSync(path.join(dir, file))),
		meta: sourceMetaSchema.parse(
			load(readFileSync(path.join(dir, file.replace(/\.txt$/, '.yaml')), 'utf8')),
		),
	}));

describe('the fixture pair', () => {
	const result = ingestAll(inputs, vocab, {});
	const byTitle = (source: string, title: string) =>
		result.catalog.reports.find((r) => r.source === source && r.title === title)!;
	test('the shared report in the later compilation is a reprint of the one in the earlier; nothing else is', () => {
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const first = byTitle('county-2009.txt', '社区教育进万家 共建学习型社区');
		const second = byTitle('city-2010.txt', '社区教育进万家 共建学习型社区');
		expect(first.reprintOf).toBeUndefined();
		expect(second.reprintOf).toBe(first.id);
		expect(
			result.catalog.reports.filter((r) => r.reprintOf !== undefined).map((r) => r.id),
		).toEqual([second.id]);
		// Both compilations still list their copy.
		expect(
			result.catalog.sources.map((s) =>
				s.toc.filter((e) => e.kind === 'report').map((e) => e.reportId),
			),
		).toEqual([
			[byTitle('city-2010.txt', '终身学习 服务市民').id, second.id],
			[first.id, byTitle('county-2009.txt', '岗位成才 创建学习型企业').id],
		]);
		const page = result.pages.find((p) => p.id === second.id)!;
		expect(page.mdx).toContain(`\nreprintOf: ${first.id}\n---\n`);
		expect(page.frontmatter.reprintOf).toBe(first.id);
	});
});

describe('findReprints', () => {
	const body =
		'东关街道辖八个社区，常住人口四万一千人。街道成立社区教育中心，八个社区各建一所社区学校，每所学校配备专职管理员一名。我们每年开展一次需求调查，按居民的意见设置课程。';
	const other =
		'水泥厂始建于1970年，现有职工六百二十人。工厂建立三级培训体系，厂级抓管理人员培训，车间抓岗位技能培训，班组抓安全操作培训。';
	const c = (
		id: string,
		source: string,
		order: number,
		compilationDate: string | null,
		text: string,
	): ReprintCandidate => ({ id, source, order, compilationDate, text: textSignature(text) });
	test.each([
		[
			'the earliest compilation is canonical',
			[c('b', 'b.txt', 0, '2010-12', body), c('a', 'a.txt', 3, '2011', body)],
			[['a', 'b']],
		],
		[
			'an undated compilation comes after a dated one',
			[c('a', 'a.txt', 0, null, body), c('b', 'b.txt', 0, '2012-01-05', body)],
			[['a', 'b']],
		],
		[
			'same date: the source file name decides',
			[c('z', 'z.txt', 0, '2010', body), c('y', 'y.txt', 5, '2010', body)],
			[['z', 'y']],
		],
		[
			'three copies: one canonical, two reprints of it',
			[
				c('c', 'c.txt', 0, '2011', body),
				c('a', 'a.txt', 0, '2009', body),
				c('b', 'b.txt', 1, '2010', `${body}（略有删节）`),
			],
			[
				['b', 'a'],
				['c', 'a'],
			],
		],
		[
			'copies within one source are not reprints',
			[c('a1', 'a.txt', 0, '2009', body), c('a2', 'a.txt', 1, '2009', body)],
			[],
		],
		[
			'different reports are not',
			[c('a', 'a.txt', 0, '2009', body), c('b', 'b.txt', 0, '2010', other)],
			[],
		],
	])('%s', (_, reports, expected) => {
		expect([...findReprints(reports)].sort()).toEqual(expected);
	});
});

test('replaceFrontmatter gives the file toMdx makes of the new frontmatter', () => {
	const blocks = [
		{ type: 'heading' as const, depth: 2 as const, text: '一、做法' },
		{ type: 'paragraph' as const, text: '正文 --- 不是分隔线' },
	];
	const before = { id: 'a-1', title: '标题', reprintOf: undefined };
	const after = { id: 'a-1', title: '标题', reprintOf: 'b-2' };
	expect(replaceFrontmatter(toMdx({ id: 'a-1', title: '标题' }, blocks), after)).toBe(
		toMdx(after, blocks),
	);
	expect(replaceFrontmatter(toMdx({ id: 'a-1', title: '---' }, blocks), before)).toBe(
		toMdx({ id: 'a-1', title: '标题' }, blocks),
	);
	expect(() => replaceFrontmatter('no frontmatter', after)).toThrowErrorMatchingInlineSnapshot(
		`[Error: Expected a generated MDX file starting with --- frontmatter ---]`,
	);
});
