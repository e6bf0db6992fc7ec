import { describe, expect, test } from 'vitest';
import { heatmapLayout, barLayout } from '../../src/lib/knowledge/chart-layout.ts';
import {
	themeByCategory,
	themeCooccurrence,
	topUnits,
	yearByCategory,
} from '../../src/lib/knowledge/corpus-stats.ts';
import { bigramCounts } from '../../src/lib/knowledge/bigrams.ts';
import { relatedByContent } from '../../src/lib/knowledge/related-by-content.ts';
import type { ListItem } from '../../src/lib/site/list-item.ts';

const item = (
	id: string,
	date: string | null,
	category: string,
	themes: string[],
	unit: string | null = null,
): ListItem => ({
	kind: 'report',
	id,
	title: id,
	subtitle: null,
	unit,
	unitSlug: unit && `u-${unit.length}`,
	date,
	dateSource: 'report',
	category: { slug: category, label: category },
	themes: themes.map((t) => ({ slug: t, label: t })),
	excerpt: '',
	url: null,
	sourceSlug: 's',
	compilationTitle: 'c',
	order: 0,
	tocPage: null,
});
const items = [
	item('a', '2010-01', '机关', ['读书', '制度'], '甲'),
	item('b', '2010', '机关', ['读书'], '甲'),
	item('c', '2011-05-01', '社区', ['读书', '培训'], '乙乙'),
	item('d', null, '社区', ['制度', '读书', '培训']),
];

describe('corpus statistics', () => {
	test('year × category, years ascending, undated last', () => {
		expect(yearByCategory(items)).toEqual({
			rows: ['2010', '2011', '未注明'],
			cols: ['机关', '社区'],
			counts: [
				[2, 0],
				[0, 1],
				[0, 1],
			],
		});
	});

	test('theme × category, most frequent theme first', () => {
		const m = themeByCategory(items);
		expect(m.rows[0]).toBe('读书');
		expect(m.cols).toEqual(['社区', '机关']);
		expect(m.counts[m.rows.indexOf('培训')]).toEqual([2, 0]);
		expect(m.counts[m.rows.indexOf('读书')]).toEqual([2, 2]);
		expect(themeByCategory(items, 1).rows).toEqual(['读书']);
	});

	test('theme co-occurrence is symmetric with counts on the diagonal', () => {
		const m = themeCooccurrence(items);
		const at = (r: string, c: string) => m.counts[m.rows.indexOf(r)]![m.cols.indexOf(c)];
		expect(at('读书', '读书')).toBe(4);
		expect(at('读书', '制度')).toBe(2);
		expect(at('制度', '读书')).toBe(2);
		expect(at('制度', '培训')).toBe(1);
	});

	test('units with most items, anonymous/none skipped', () => {
		expect(topUnits(items)).toEqual([
			{ unit: '甲', unitSlug: 'u-1', count: 2 },
			{ unit: '乙乙', unitSlug: 'u-2', count: 1 },
		]);
	});

	test('heat-map geometry: one cell per count, opacity by count, zero transparent', () => {
		const h = heatmapLayout({ rows: ['r1', 'r2'], cols: ['c1'], counts: [[4], [0]] }, 30);
		expect(h.cells.map((c) => [c.count, c.opacity])).toEqual([
			[4, 1],
			[0, 0],
		]);
		expect(h.cells[1]!.y - h.cells[0]!.y).toBe(30);
		expect(h.height).toBe(h.headerHeight + 60);
		const b = barLayout(
			[
				{ label: 'a', count: 2 },
				{ label: 'b', count: 1 },
			],
			100,
		);
		expect(b.bars.map((x) => x.width)).toEqual([100, 50]);
	});
});

describe('related by content', () => {
	test('bigrams break at punctuation and spaces', () => {
		expect([...bigramCounts('读书，读书 ab').entries()].length).toBe(2);
		expect(bigramCounts('读书，读书').get('读'.charCodeAt(0) * 65536 + '书'.charCodeAt(0))).toBe(2);
	});

	const reading = [
		'开展读书活动，建设书香机关，职工读书月读好书',
		'读书月活动丰富，书香社区读好书讲好书',
		'机关读书活动与读书月，书香浓厚读好书',
	];
	const safety = [
		'安全生产检查，排查隐患，消防演练常态化',
		'消防安全培训，隐患排查整改，安全生产责任',
		'安全生产月，隐患排查，消防演练与应急预案',
	];
	const docs = [...reading, ...safety].map((text, k) => ({
		id: `d${k}`,
		text: `${text}。${'公共文字段落'.repeat(k % 2)}`,
	}));

	test('finds the documents on the same subject, never itself', () => {
		const related = relatedByContent(docs, { limit: 2 });
		for (const [id, ids] of related) {
			expect(ids).not.toContain(id);
			const group = Number(id.slice(1)) < 3 ? ['d0', 'd1', 'd2'] : ['d3', 'd4', 'd5'];
			expect(ids.length).toBeGreaterThan(0);
			for (const other of ids) expect(group).toContain(other);
		}
	});

	test('small posting lists and signatures still rank by cosine among the candidates found', () => {
		const related = relatedByContent(docs, {
			limit: 1,
			signatureTerms: 4,
			queryTerms: 4,
			postingCap: 2,
		});
		expect(related.get('d3')!.every((id) => ['d4', 'd5'].includes(id))).toBe(true);
	});

	test('a document sharing no bigram has no related document', () => {
		expect(relatedByContent([...docs, { id: 'x', text: 'zzzz qqqq' }]).get('x')).toEqual([]);
	});
});
