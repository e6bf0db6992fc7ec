/**
 * Plain `pdftotext` of pages wholly in two columns, in a book with no prose across the page
 * (issue 13): the lines written in turn are read column by column when the source's own n-grams
 * show it decisively (`pages/line-continuity.ts`). Expectations written by hand from
 * `tests/fixtures/formats/pdf-cases.ts` (pdf-columns-only, pdf-wide-spacing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { extractSource } from '../../src/lib/ingest/formats/extract.ts';
import { lineContinuity, weighReadings } from '../../src/lib/ingest/pages/line-continuity.ts';
import { pdfAssets } from '../../scripts/lib/pdf-assets.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/formats');
const vocab = parseVocabulary(
	readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
);
const ingest = async (dir: string, file: string) => {
	const bytes = new Uint8Array(readFileSync(path.join(root, dir, file)));
	const source = file.endsWith('.pdf')
		? await extractSource({ file, bytes }, pdfAssets)
		: { file, bytes };
	return ingestAll([source], vocab, {});
};

/** pdf-columns-only: title, unit, date, first and last body paragraph's start (by hand). */
const ONLY = [
	[
		'建好职工学校 培养技术能手',
		'市机床厂',
		'2015-03',
		'市机床厂有职工三千一百人，其中一线工人二千四百人。近几年来，厂党委把职工教育作为企业发展的基础工作来抓，建起了职工学校，每年投入培训经费二百多万元，职工队伍的技术素质有了很大提高。',
	],
	[
		'办好农民工夜校',
		'市建筑公司工会',
		'2015-04',
		'市建筑公司常年在岗的农民工有一千八百多人，他们文化程度不高，流动性大，学习的机会很少。公司工会从实际出发，在各个工地办起了农民工夜校，让农民工在工地上就能学到知识和技能。',
	],
	[
		'技能培训促进职工成才',
		'市化肥厂工会',
		'2015-05',
		'市化肥厂有职工一千九百人，厂工会把技能培训作为职工教育的重点，每年组织职工参加技能培训两千多人次，职工队伍的技术素质明显提高，涌现出一批技术能手。',
	],
	[
		'职工书屋成了学习的好地方',
		'市纺织厂工会',
		'2015-05-20',
		'市纺织厂有职工二千三百人，其中女职工一千六百人。厂工会在各车间建起了职工书屋，配备图书五千多册，职工下班以后都愿意到书屋来看书学习，职工书屋成了职工学习的好地方。',
	],
];
// Report 3's third paragraph runs from the foot of the left column to the head of the right one.
const THIRD =
	'我们每年举办一次职工技能比赛，对获得名次的职工给予奖励，并优先推荐参加全市的技能比赛。三年来，厂里有二十多名职工在全市技能比赛中获奖，三名职工被评为全市技术能手。';

describe(
	'pdf-columns-only: pages wholly in two columns, no prose across the page',
	{ timeout: 60_000 },
	() => {
		test.each(['book.pdf', 'book.layout.txt', 'book.txt'])(
			'%s gives the four reports of the book',
			async (file) => {
				const result = await ingest('pdf-columns-only', file);
				expect(result.issues.filter((i) => i.ruleId === 'text:column-order')).toEqual([]);
				expect(
					result.pages.map((p) => [
						p.frontmatter.title,
						p.frontmatter.unit,
						p.frontmatter.date,
						p.text.split('\n')[0],
					]),
				).toEqual(ONLY);
				expect(result.pages[2]!.text.split('\n')[2]).toBe(THIRD);
				if (file === 'book.txt')
					expect(result.catalog.sources[0]!.repairs['column-interleave']).toBeGreaterThan(0);
			},
		);
	},
);

describe('pdf-wide-spacing: one column with wide line spacing is not reordered', () => {
	test('the plain text keeps its order (the evidence is too thin to call it columns)', async () => {
		const result = await ingest('pdf-wide-spacing', 'book.txt');
		expect(result.catalog.sources[0]!.repairs['column-interleave']).toBeUndefined();
		expect(result.pages.map((p) => [p.frontmatter.title, p.frontmatter.date])).toEqual([
			['读书月活动的做法', '2015-05'],
			['社区合唱团的成长', '2015-06'],
			['老年人学电脑', '2015-07'],
		]);
		expect(result.pages[0]!.text.split('\n')[0]).toBe(
			'北城街道每年四月举办一次社区读书月活动，活动期间各社区组织读书讲座、图书漂流和读书征文等活动，居民踊跃参加，读书月已经成为社区的一个品牌。今年的读书月共举办读书讲座十二场，参加的居民有一千五百多人次，收到征文三百多篇，评出优秀征文三十篇。',
		);
	});
});

describe('weighReadings: decisive only by a wide margin', () => {
	const cont = lineContinuity(['学习型社区建设', '参加学习的人', '社区教育工作', '建设学习型组织']);
	const yes = [
		['参', '加学'],
		['社', '区教'],
		['学习', '型组'],
		['建', '设学'],
	] as const;
	const no = [
		['参', '区教'],
		['社', '加学'],
		['学习', '设学'],
		['建', '型组'],
	] as const;
	test('the reading whose joins are seen inside lines wins; the other side loses', () => {
		expect(weighReadings(yes, no, cont)).toBe(1);
		expect(weighReadings(no, yes, cont)).toBe(-1);
	});
	test('too few joins, or evidence on both sides alike: undecided', () => {
		expect(weighReadings(yes.slice(0, 3), no.slice(0, 3), cont)).toBe(0);
		expect(weighReadings(yes, yes, cont)).toBe(0);
	});
});
