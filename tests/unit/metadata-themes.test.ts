import { describe, expect, test } from 'vitest';
import { parseVocabulary, tagThemes } from '../../src/lib/ingest/report/metadata/index.ts';
import type { IngestBlock } from '../../src/lib/ingest/types.ts';

// A small hand-written vocabulary, so these cases do not move when the site owner edits
// content/vocabulary.yaml.
const vocab = parseVocabulary(`
categories:
  - { slug: tonglun, label: 学习型组织（通论） }
themes:
  - { slug: dushu-huodong, label: 读书活动, signals: [读书, 好书, 读书笔记] }
  - { slug: peixun-jiangzuo, label: 培训讲座, signals: [培训, 讲座, 大讲堂] }
  - { slug: wangluo-xuexi-pingtai, label: 网络学习平台, signals: [网站, 远程教育] }
  - { slug: wuxiang-xiulian, label: 五项修炼, signals: [五项修炼, 自我超越+共同愿景+系统思考] }
`);

const h = (text: string, depth: 2 | 3 | 4 = 2): IngestBlock => ({
	type: 'heading',
	depth,
	text,
	line: 1,
});
const p = (text: string): IngestBlock => ({ type: 'paragraph', text, line: 1 });
const filler = (n: number) =>
	Array.from({ length: n }, (_, i) => p(`第${i}段讲的是工作目标和完成情况。`));

describe('tagThemes', () => {
	test('a theme’s own minScore: two paragraphs tag a specific theme, not a common one', () => {
		const withMin = parseVocabulary(`
categories:
  - { slug: tonglun, label: 学习型组织（通论） }
themes:
  - { slug: diaocha-yanjiu, label: 调查研究, signals: [调研课题], minScore: 2.5 }
  - { slug: peixun-jiangzuo, label: 培训讲座, signals: [培训] }
`);
		const blocks = [
			...filler(3),
			p('每人确定2个调研课题。'),
			p('组织培训2次。'),
			...filler(3),
			p('调研课题年底结题。'),
			p('培训由各科室组织。'),
		];
		const result = tagThemes(blocks, withMin);
		expect(result.scores.map((s) => [s.label, s.score])).toEqual([
			['调查研究', 2.5],
			['培训讲座', 2.5],
		]);
		expect(result.labels).toEqual(['调查研究']);
	});

	test.each([
		['（一）加强培训。', '（一）加强培训。每年组织三次，由各科室负责。'],
		['(2)办好讲座。', '(2)办好讲座。每季度一次，请专家主讲。'],
		['1.培训到人。', '1.培训到人。人人参加，个个过关。'],
		['三、抓好培训。', '三、抓好培训。年初定计划，年底有总结。'],
		['一是抓培训。', '一是抓培训。年初定计划，年底有总结。'],
	])('a numbered lead sentence %s acts as a heading: one paragraph scores 1 + 2', (_lead, text) => {
		const score = tagThemes([...filler(2), p(text), ...filler(2)], vocab).scores.find(
			(s) => s.label === '培训讲座',
		);
		expect(score?.score).toBe(3);
	});

	test('a signal later in a long paragraph is no run-in point', () => {
		const text =
			'（一）加强领导。按照上级的要求，我们结合本单位实际，认真研究制定了工作方案，并组织了培训。';
		expect(tagThemes([p(text)], vocab).scores.find((s) => s.label === '培训讲座')?.score).toBe(1);
	});

	test('a passing mention does not tag', () => {
		const blocks = [...filler(5), p('我们还利用网站发布了通知。'), ...filler(5)];
		expect(tagThemes(blocks, vocab).labels).toEqual([]);
	});

	test('a heading with its section tags', () => {
		const blocks = [h('二、开展读书活动'), p('每人每季度读一本好书，写读书笔记。'), ...filler(4)];
		expect(tagThemes(blocks, vocab).labels).toEqual(['读书活动']);
	});

	test('repeated measures in four paragraphs tag without a heading; three do not', () => {
		const three = [
			p('举办培训班三期。'),
			...filler(2),
			p('邀请专家开设讲座。'),
			p('选派骨干参加培训。'),
		];
		expect(tagThemes(three, vocab).slugs).toEqual([]);
		expect(tagThemes([...three, p('全员参加岗位培训。')], vocab).slugs).toEqual([
			'peixun-jiangzuo',
		]);
	});

	test('a number with a measure word makes a measure concrete', () => {
		const concrete = [p('全年举办培训班15期，培训干部500人次。'), ...filler(3)];
		const vague = [p('全年举办培训班多期，培训干部很多。'), ...filler(3)];
		expect(tagThemes(concrete, vocab).scores[0]).toMatchObject({ label: '培训讲座', score: 1.5 });
		expect(tagThemes(vague, vocab).scores[0]).toMatchObject({ label: '培训讲座', score: 1 });
	});

	test('many hits in one paragraph count as one paragraph (capped), not as many', () => {
		const blocks = [p('读书，读书，再读书；好书要读；读书笔记要写；读书会也要开。'), ...filler(3)];
		const result = tagThemes(blocks, vocab);
		expect(result.labels).toEqual([]);
		expect(result.scores[0]).toMatchObject({ label: '读书活动', score: 2, paragraphs: 1 });
	});

	test('a named programme counts more than a paragraph', () => {
		const blocks = [p('开办了“青春大讲堂”活动，每月一期。'), ...filler(3)];
		expect(tagThemes(blocks, vocab).scores[0]).toMatchObject({
			label: '培训讲座',
			score: 3,
			practices: 1,
		});
	});

	test('a run-in point counts like a heading, also inside a paragraph', () => {
		const opening = [p('一是开展读书活动。全局干部积极参与，效果良好。'), p('人人读好书。')];
		const inside = [
			p('我们的做法是：首先，加强领导。二是开展读书活动。人人参与。'),
			p('人人读好书。'),
		];
		expect(tagThemes(opening, vocab).scores[0]).toMatchObject({
			label: '读书活动',
			score: 4,
			headings: 1,
		});
		expect(tagThemes(inside, vocab).labels).toEqual(['读书活动']);
		expect(
			tagThemes(
				[p('我们积极开展了形式多样、内容丰富、群众喜闻乐见的读书活动。'), p('人人读好书。')],
				vocab,
			).labels,
		).toEqual([]);
	});

	test('a combined signal needs all its parts in one section', () => {
		const together = [
			h('（三）五子行动', 3),
			p('实现自我超越。'),
			p('建立共同愿景。'),
			p('学会系统思考。'),
			h('（四）其他', 3),
			...filler(2),
		];
		const apart = [
			h('（一）甲', 3),
			p('实现自我超越。'),
			h('（二）乙', 3),
			p('建立共同愿景。'),
			h('（三）丙', 3),
			p('学会系统思考。'),
		];
		expect(tagThemes(together, vocab).labels).toEqual(['五项修炼']);
		expect(tagThemes(apart, vocab).labels).toEqual([]);
	});

	test('strongest first, never padded, at most max', () => {
		const blocks = [
			h('一、读书'),
			p('读书。'),
			h('二、培训'),
			p('培训。'),
			h('三、网站'),
			p('网站。'),
			p('远程教育。'),
		];
		expect(tagThemes(blocks, vocab).labels).toEqual(['网络学习平台', '读书活动', '培训讲座']);
		expect(tagThemes(blocks, vocab, { max: 2 }).labels).toEqual(['网络学习平台', '读书活动']);
		expect(tagThemes(filler(10), vocab)).toEqual({ labels: [], slugs: [], scores: [] });
	});

	test('the title counts as a heading only when given', () => {
		const blocks = [p('每人读一本好书。'), ...filler(3)];
		expect(tagThemes(blocks, vocab).labels).toEqual([]);
		expect(tagThemes(blocks, vocab, { title: '涵养书卷气 营建读书校园' }).labels).toEqual([
			'读书活动',
		]);
	});
});
