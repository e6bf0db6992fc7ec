import { describe, expect, test } from 'vitest';
import { compilationContents } from '../../src/lib/site/compilation-contents.ts';
import type { SourceRecord } from '../../src/lib/frontmatter.ts';
import { listingPaths } from '../../src/lib/site/listing-paths.ts';
import { groupByCategory } from '../../src/lib/site/group-items.ts';
import { reportItem } from '../../src/lib/site/list-item.ts';
import { report } from './site-fixtures.ts';

type TocEntry = SourceRecord['toc'][number];
const section = (title: string): TocEntry => ({
	kind: 'section',
	title,
	subtitle: null,
	unit: null,
	page: null,
	reportId: null,
});
const entry = (title: string, page: number, reportId: string | null): TocEntry => ({
	kind: 'report',
	title,
	subtitle: null,
	unit: '某单位',
	page,
	reportId,
});
const r = (id: string, order: number) => ({
	id,
	title: `题${id}`,
	subtitle: null,
	unit: '某单位',
	tocPage: null,
	order,
});

describe('compilationContents', () => {
	test('follows the printed TOC, linking reports present and marking the rest 正文未收录 (url null)', () => {
		const toc = [
			section('学习型机关'),
			entry('甲', 1, 'a'),
			entry('乙', 5, null),
			section('学习型社区'),
			entry('丙', 9, 'c'),
		];
		const rows = compilationContents({ toc }, [r('c', 2), r('a', 0)]);
		expect(rows).toEqual([
			{ kind: 'section', title: '学习型机关' },
			{ kind: 'entry', title: '甲', subtitle: null, unit: '某单位', page: 1, url: '/reports/a/' },
			{ kind: 'entry', title: '乙', subtitle: null, unit: '某单位', page: 5, url: null },
			{ kind: 'section', title: '学习型社区' },
			{ kind: 'entry', title: '丙', subtitle: null, unit: '某单位', page: 9, url: '/reports/c/' },
		]);
	});
	test('treats a TOC reportId without a report page as not included', () => {
		const rows = compilationContents({ toc: [entry('甲', 1, 'gone')] }, []);
		expect(rows).toEqual([
			{ kind: 'entry', title: '甲', subtitle: null, unit: '某单位', page: 1, url: null },
		]);
	});
	test('appends reports the TOC does not list, under one marker, so none is lost', () => {
		const rows = compilationContents({ toc: [entry('甲', 1, 'a')] }, [r('a', 0), r('z', 3)]);
		expect(rows.slice(1)).toEqual([
			{ kind: 'section', title: '目录未列出的篇目' },
			{
				kind: 'entry',
				title: '题z',
				subtitle: null,
				unit: '某单位',
				page: null,
				url: '/reports/z/',
			},
		]);
	});
	test('lists reports in source order when the source has no printed TOC', () => {
		const rows = compilationContents({ toc: [] }, [r('b', 1), r('a', 0)]);
		expect(rows.map((x) => (x.kind === 'entry' ? x.url : x.title))).toEqual([
			'/reports/a/',
			'/reports/b/',
		]);
	});
});

describe('listingPaths', () => {
	test('makes one path per page of every group, page 1 without a page param', () => {
		const items = Array.from({ length: 5 }, (_, i) =>
			reportItem(report({ id: `r${i}`, order: i }), ''),
		);
		const paths = listingPaths(groupByCategory(items), 2);
		expect(paths.map((p) => [p.params.slug, p.params.page, p.props.page.items.length])).toEqual([
			['jiguan', undefined, 2],
			['jiguan', '2', 2],
			['jiguan', '3', 1],
		]);
	});
});
