/**
 * The page stage on its own and through the whole ingest of small hand-written texts: folio
 * forms, Kangxi radicals, letter-spaced lines, running heads and folios removed from `.txt` as
 * any extractor writes it (with or without form feeds), sentences cut by a page break joined.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { readRunInputs } from '../../scripts/lib/read-sources.ts';
import { pageRanges } from '../../src/lib/ingest/formats/extract.ts';
import { unifyRadicals } from '../../src/lib/ingest/formats/radicals.ts';
import { htmlToText } from '../../src/lib/ingest/formats/html.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { folioOf } from '../../src/lib/ingest/pages/folio.ts';
import { collapseLetterSpaced } from '../../src/lib/ingest/pages/letter-spaced.ts';
import { createRepairLog } from '../../src/lib/ingest/lines/repair-log.ts';

const vocab = parseVocabulary(
	readFileSync(path.resolve(import.meta.dirname, '../../content/vocabulary.yaml'), 'utf8'),
);
const encode = (text: string) => new TextEncoder().encode(text);

describe('folioOf', () => {
	test.each([
		['5', '5'],
		['- 5 -', '5'],
		['— 5 —', '5'],
		['—12—', '12'],
		['－5－', '5'],
		['· 5 ·', '5'],
		['·6·', '6'],
		['第5页', '5'],
		['第 12 页', '12'],
		['第5页 共24页', '5'],
		['5/24', '5'],
		['5 / 24', '5'],
		['\f— 7 —', '7'],
	])('%j is the folio %j', (line, folio) => {
		expect(folioOf(line)).toBe(folio);
	});

	test.each(['（7）', '(12)', '2011年', '一、', '第一页', '5.', '共5页', '12 人', '第5页的内容'])(
		'%j is not a folio',
		(line) => {
			expect(folioOf(line)).toBeNull();
		},
	);
});

describe('unifyRadicals', () => {
	test('maps Kangxi and supplement radicals to unified ideographs, and counts them', () => {
		expect(unifyRadicals('⼯作⽉报：⼀⼆⼩组，⻅⻔⻢')).toEqual({
			text: '工作月报：一二小组，见门马',
			count: 8,
		});
	});

	test('leaves everything else alone (no NFKC: full-width punctuation stays)', () => {
		expect(unifyRadicals('（一）学习，“十个一”！ＡＢ１')).toEqual({
			text: '（一）学习，“十个一”！ＡＢ１',
			count: 0,
		});
	});
});

describe('collapseLetterSpaced', () => {
	const run = (texts: string[], pages?: number[]) => {
		const lines = texts.map((text, i) => ({ no: i + 1, text }));
		const log = createRepairLog();
		collapseLetterSpaced(lines, log, new Map(), pages ?? texts.map(() => 1));
		return { texts: lines.map((l) => l.text), spaces: log.counts['layout-space'] ?? 0 };
	};

	test.each([
		['前 言', '前言'],
		['目　　录', '目录'],
		['第 一 部 分', '第一部分'],
		['二 〇 一 一 年 六 月', '二〇一一年六月'],
		['二 〇一 一 年 六 月', '二〇一一年六月'],
		['  二 〇 一 一   年 六   月', '二〇一一年六月'],
	])('%j → %j', (line, want) => {
		expect(run([line]).texts).toEqual([want]);
	});

	test.each(['强素质 促发展', '第一部分 学习型企业', '市委 市政府 区委', '二〇一一年六月'])(
		'%j is not letter-spaced',
		(line) => {
			expect(run([line])).toEqual({ texts: [line], spaces: 0 });
		},
	);

	test('pieces an extractor wrote on lines of their own are joined on the last piece’s line', () => {
		expect(run(['和平里街道北街社区居委会', '二', '', '〇', '一 一 年', '', '六 月'])).toEqual({
			texts: ['和平里街道北街社区居委会', '', '', '', '', '', '二〇一一年六月'],
			spaces: 3,
		});
	});

	test('pieces are not joined across a page break', () => {
		expect(run(['二 〇 一 一', '年 六 月'], [1, 2]).texts).toEqual(['二〇一一', '年六月']);
	});
});

describe('page furniture in text sources', () => {
	// A book as pdftotext writes it: a form feed before each page, a two-line running head on top,
	// a folio at the bottom, a sentence cut by the page break.
	const body = (n: number) =>
		`第${n}段的正文写在这里，内容是关于创建学习型机关的一些具体做法和体会`;
	const pages = [
		'学习型机关建设文集',
		'区委宣传部 编',
		'',
		'强化理论武装 建设学习型机关',
		'——区财政局创建学习型机关自评报告',
		`${body(1)}，我们组织干部到兄弟区县考察学`,
		'',
		'— 2 —',
		'',
		'\f学习型机关建设文集',
		'区委宣传部 编',
		'',
		'习，开办了机关学习网站。',
		`${body(2)}。`,
		'',
		'— 3 —',
		'',
		'\f学习型机关建设文集',
		'区委宣传部 编',
		'',
		`${body(3)}。`,
		'区财政局',
		'二 〇 一 一 年 六 月',
		'',
		'— 4 —',
		'',
		'\f',
	];
	const pdftotext = pages.join('\n');
	// The same book with a cover page before it (no folio on the cover).
	const withCover = ['学习型机关建设文集', '', `\f${pages.join('\n')}`].join('\n');

	test('running heads (two lines) and folios are removed and counted; the cut sentence is whole', () => {
		const result = ingestAll([{ file: 'book.txt', bytes: encode(pdftotext) }], vocab, {});
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const source = result.catalog.sources[0]!;
		expect([source.repairs['running-head'], source.repairs.folio]).toEqual([6, 3]);
		const page = result.pages.find((p) => p.frontmatter.title === '强化理论武装 建设学习型机关')!;
		expect(page.text).toContain('我们组织干部到兄弟区县考察学习，开办了机关学习网站。');
		expect(page.text).not.toContain('学习型机关建设文集');
		expect(page.text).not.toContain('区委宣传部');
		expect(page.text).not.toMatch(/—\s*\d\s*—/);
		expect(page.frontmatter.date).toBe('2011-06');
		// A .txt keeps LF line numbers (form feeds are not line breaks) and has no PDF pages.
		expect(page.frontmatter.lines).toEqual([4, 23]);
		expect(page.frontmatter.pdfPages).toBeUndefined();
	});

	test('the cover keeps the book title the running heads repeat', () => {
		const result = ingestAll([{ file: 'book.txt', bytes: encode(withCover) }], vocab, {});
		expect(result.catalog.sources[0]!.repairs['running-head']).toBe(6);
		// The cover line is still there: the header reader takes it as the start of the title
		// (a two-line title), which is the header reader's call, not the page stage's.
		expect(result.pages[0]!.frontmatter.title).toMatch(/^学习型机关建设文集/);
		expect(result.pages.some((p) => p.text.includes('学习型机关建设文集'))).toBe(false);
	});

	test('without form feeds, decorated folios mark the pages (a running head at the bottom)', () => {
		const text = [
			'和谐家园 书香社区',
			'——北街社区创建学习型社区经验材料',
			`${body(1)}，社区还与辖区中学、图书馆签订了资源共享`,
			'东城区学习型组织建设资料',
			'第1页',
			'协议，居民可以凭学习卡借阅图书。',
			`${body(2)}。`,
			'东城区学习型组织建设资料',
			'第2页',
			`${body(3)}。`,
			'北街社区居委会',
			'2011年6月',
			'东城区学习型组织建设资料',
			'第3页',
		].join('\n');
		const result = ingestAll([{ file: 'article.txt', bytes: encode(text) }], vocab, {});
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect([
			result.catalog.sources[0]!.repairs['running-head'],
			result.catalog.sources[0]!.repairs.folio,
		]).toEqual([3, 3]);
		const [page] = result.pages;
		expect(page!.text).toContain(
			'社区还与辖区中学、图书馆签订了资源共享协议，居民可以凭学习卡借阅图书。',
		);
		expect(page!.text).not.toContain('建设资料');
		expect(page!.frontmatter.date).toBe('2011-06');
	});

	test('a bare number between paragraphs without page evidence is left to the block stage', () => {
		const text = ['标题', '', `${body(1)}，继续`, '', '12', '', '写完。'].join('\n');
		const result = ingestAll([{ file: 'a.txt', bytes: encode(text) }], vocab, {});
		expect(result.catalog.sources[0]!.repairs).toEqual({ 'page-number-at-break': 1 });
	});
});

describe('web page frame', () => {
	test('nav, footer and pager elements become marked frame lines; tables become TAB rows; pictures placeholders', () => {
		const html =
			'<html><head><title>T</title><style>p{}</style></head><body><nav>首页 &gt; 范文</nav><h1>标题</h1><p>正文。</p><table><tr><td>项目</td><td>2010年</td></tr><tr><td>人数</td><td>12</td></tr></table><img alt="学习园地"><div class="page-footer">Copyright © 2022</div></body></html>';
		const out = htmlToText(html);
		const lines = out.text.split('\n');
		expect(lines.filter((l) => l.trim() !== '')).toEqual([
			'首页 > 范文',
			'标题',
			'正文。',
			'项目\t2010年',
			'人数\t12',
			'［图：学习园地］',
			'Copyright © 2022',
		]);
		expect(out.frameLines.map((i) => lines[i])).toEqual(['首页 > 范文', 'Copyright © 2022']);
	});
});

describe('source kinds', () => {
	test('compilations are read, others named in a warning, a legacy Word file refused with advice', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'huibian-kinds-'));
		try {
			for (const name of [
				'notes.md',
				'a.txt',
				'b.PDF',
				'c.docx',
				'd.htm',
				'e.html',
				'old.doc',
				'f.wps',
			])
				writeFileSync(path.join(dir, name), 'x');
			const inputs = await readRunInputs(
				dir,
				path.join(dir, 'none.yaml'),
				path.join(dir, 'none.yaml'),
			);
			expect(inputs.sources.map((s) => s.file)).toEqual([
				'a.txt',
				'b.PDF',
				'c.docx',
				'd.htm',
				'e.html',
			]);
			expect(
				inputs.issues
					.filter((i) => i.ruleId.startsWith('input:'))
					.map((i) => `${i.severity} ${i.ruleId}: ${i.message}`),
			).toMatchInlineSnapshot(`
				[
				  "error input:legacy-format: f.wps: expected a compilation (.txt, .pdf, .docx, .html, .htm), found a legacy .wps file. Save it as .docx or PDF.",
				  "warning input:skipped: notes.md: not a compilation (.txt, .pdf, .docx, .html, .htm); skipped.",
				  "error input:legacy-format: old.doc: expected a compilation (.txt, .pdf, .docx, .html, .htm), found a legacy .doc file. Save it as .docx or PDF.",
				]
			`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('page ranges', () => {
		expect(pageRanges([1, 2, 3, 24])).toBe('1–3, 24');
		expect(pageRanges([5])).toBe('5');
	});
});
