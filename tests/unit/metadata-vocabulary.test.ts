import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';

describe('content/vocabulary.yaml', () => {
	const vocab = parseVocabulary(
		readFileSync(new URL('../../content/vocabulary.yaml', import.meta.url), 'utf8'),
	);

	test('holds the 11 categories of docs/ingest-spec.md §3 in slug order of the spec', () => {
		expect(vocab.categories.map((c) => `${c.slug}:${c.label}`)).toEqual([
			'jiguan:学习型机关',
			'xuexiao:学习型学校',
			'yiyuan:学习型医院',
			'shetuan:学习型社团',
			'shequ:学习型社区',
			'xiangzhen:学习型乡镇（街道）',
			'qiye:学习型企业',
			'dangzuzhi:学习型党组织',
			'chengshi:学习型城市（区县）',
			'jiating:学习型家庭',
			'tonglun:学习型组织（通论）',
		]);
	});

	test('holds the 28 themes of docs/ingest-spec.md §5, each with signals', () => {
		expect(vocab.themes.map((t) => t.label)).toEqual([
			'学习型组织理论',
			'五项修炼',
			'自我超越',
			'改善心智模式',
			'共同愿景',
			'团队学习',
			'系统思考',
			'领导带头',
			'组织保障',
			'学习制度',
			'读书活动',
			'培训讲座',
			'学历教育',
			'考核激励',
			'网络学习平台',
			'学用结合',
			'调查研究',
			'交流研讨',
			'文化建设',
			'理论武装',
			'法规学习',
			'实践锻炼',
			'宣传氛围',
			'学习阵地与经费',
			'创建规划',
			'终身教育与社区教育',
			'知识管理',
			'人文关怀',
		]);
		expect(vocab.themes.every((t) => t.signals.length > 0)).toBe(true);
	});
});

describe('parseVocabulary errors', () => {
	const minimal = (themes: string) =>
		`categories:\n  - { slug: jiguan, label: 学习型机关 }\nthemes:\n${themes}`;

	test('parses a minimal file and defaults the word lists', () => {
		expect(
			parseVocabulary(minimal('  - { slug: dushu, label: 读书活动, signals: [读书] }')),
		).toEqual({
			categories: [{ slug: 'jiguan', label: '学习型机关', unitWords: [], signals: [] }],
			themes: [{ slug: 'dushu', label: '读书活动', signals: ['读书'] }],
		});
	});

	test('a non-ASCII slug', () => {
		expect(() => parseVocabulary(minimal('  - { slug: 读书, label: 读书活动, signals: [读书] }')))
			.toThrowErrorMatchingInlineSnapshot(`
				[Error: Invalid vocabulary:
				themes.0.slug: Expected an ASCII slug (a-z, 0-9, single hyphens), e.g. \`gongtong-yuanjing\`, found "读书"]
			`);
	});

	test('a duplicate slug', () => {
		const text = minimal(
			'  - { slug: dushu, label: 读书活动, signals: [读书] }\n  - { slug: dushu, label: 读书月, signals: [读书月] }',
		);
		expect(() => parseVocabulary(text)).toThrowErrorMatchingInlineSnapshot(`
			[Error: Invalid vocabulary:
			themes: duplicate slug "dushu"; each slug must be unique]
		`);
	});

	test('a duplicate label', () => {
		const text = minimal(
			'  - { slug: a, label: 读书活动, signals: [读书] }\n  - { slug: b, label: 读书活动, signals: [好书] }',
		);
		expect(() => parseVocabulary(text)).toThrowErrorMatchingInlineSnapshot(`
			[Error: Invalid vocabulary:
			themes: duplicate label "读书活动"; each label must be unique]
		`);
	});

	test('a theme without signals and an unknown key', () => {
		expect(() =>
			parseVocabulary(minimal('  - { slug: a, label: 读书活动, signals: [], weight: 2 }')),
		).toThrowErrorMatchingInlineSnapshot(`
				[Error: Invalid vocabulary:
				themes.0.signals: Expected at least one signal word
				themes.0: Unrecognized key: "weight"]
			`);
	});

	test('broken YAML', () => {
		expect(() => parseVocabulary('categories: [')).toThrowErrorMatchingInlineSnapshot(
			`[Error: Invalid vocabulary: not valid YAML (unexpected end of the stream within a flow collection (1:14))]`,
		);
	});
});

test('the barrel exports exactly the metadata API', async () => {
	expect(Object.keys(await import('../../src/lib/ingest/report/metadata/index.ts')).sort()).toEqual(
		[
			'categoryByUnit',
			'classifyCategory',
			'declaredCategory',
			'detectReportType',
			'findDates',
			'findNamedPractices',
			'findReportDate',
			'parseDate',
			'parseVocabulary',
			'tagThemes',
		],
	);
});
