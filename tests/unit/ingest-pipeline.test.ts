import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as barrel from '../../src/lib/ingest/index.ts';
import { ingestAll } from '../../src/lib/ingest/index.ts';
import { checkNoLoss } from '../../src/lib/ingest/output/check-no-loss.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { keyOf } from '../../src/lib/ingest/lines/line-kinds.ts';
import { createRepairLog } from '../../src/lib/ingest/lines/repair-log.ts';
import { hash8, sourceSlug, uniqueIds } from '../../src/lib/ingest/output/slug.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const vocab = parseVocabulary(readFileSync(path.join(repo, 'content/vocabulary.yaml'), 'utf8'));
const samples = readdirSync(path.join(repo, 'content/sources'))
	.filter((f) => f.endsWith('.txt'))
	.map((file) => ({
		file,
		bytes: new Uint8Array(readFileSync(path.join(repo, 'content/sources', file))),
	}));
const utf8 = (s: string) => new TextEncoder().encode(s);

test('the barrel exports ingestAll and the named steps', () => {
	expect(Object.keys(barrel).sort()).toEqual([
		'applyOverrides',
		'assembleOutputs',
		'assignHeadings',
		'buildBlocks',
		'buildSourceOutput',
		'checkNoLoss',
		'createRepairLog',
		'decodeSource',
		'detectShape',
		'draftSource',
		'hash8',
		'ingestAll',
		'isPlausibleText',
		'locateReports',
		'normaliseSpaces',
		'parseToc',
		'readReportHead',
		'readSignOff',
		'repairRules',
		'sourceSlug',
		'toSourceLines',
	]);
});

describe('the five samples', () => {
	const result = ingestAll(samples, vocab, {});

	test('16 reports with a body, 87 TOC entries without, no error', () => {
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(result.catalog.reports).toHaveLength(16);
		expect(result.catalog.tocOnly).toHaveLength(87);
		expect(
			result.catalog.sources.map((s) => [
				s.file.slice(0, 3),
				s.shape,
				s.counts.reports,
				s.counts.tocOnly,
			]),
		).toEqual([
			['000', 'toc-compilation', 2, 54],
			['001', 'single-article', 1, 0],
			['002', 'web-collection', 9, 0],
			['003', 'toc-compilation', 3, 33],
			['004', 'single-article', 1, 0],
		]);
	});

	test('ids are ASCII, unique, and each page links to its TOC entry', () => {
		const ids = result.catalog.reports.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		const linked = result.catalog.sources
			.flatMap((s) => s.toc.map((t) => t.reportId))
			.filter(Boolean);
		expect(linked.sort()).toEqual(
			result.catalog.reports
				.filter((r) => r.tocPage !== null)
				.map((r) => r.id)
				.sort(),
		);
	});

	test('ids stay the same when other sources are added, removed or reordered', () => {
		const byFile = (r: ReturnType<typeof ingestAll>) =>
			Object.fromEntries(r.catalog.reports.map((x) => [`${x.source}:${x.title}:${x.order}`, x.id]));
		const all = byFile(result);
		const subset = byFile(ingestAll([...samples].reverse().slice(1, 4), vocab, {}));
		const extra = byFile(
			ingestAll([...samples, { file: 'zzz.txt', bytes: utf8('另一篇文章\n\n正文。') }], vocab, {}),
		);
		for (const [key, id] of Object.entries(subset)) expect(all[key]).toBe(id);
		for (const [key, id] of Object.entries(all)) expect(extra[key]).toBe(id);
	});

	test('two builds give byte-identical pages and catalog', () => {
		const again = ingestAll(samples, vocab, {});
		expect(JSON.stringify(again.catalog)).toBe(JSON.stringify(result.catalog));
		expect(again.pages.map((p) => p.mdx)).toEqual(result.pages.map((p) => p.mdx));
	});
});

describe('encodings ingest to identical records', () => {
	test('UTF-8, UTF-8 with BOM, CRLF and UTF-16 LE give the same catalog and pages', () => {
		const text = new TextDecoder().decode(samples[4]!.bytes);
		const variants = [
			utf8(text),
			new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]),
			utf8(text.replace(/\n/g, '\r\n')),
			(() => {
				const out = new Uint8Array(2 + text.length * 2);
				const view = new DataView(out.buffer);
				view.setUint16(0, 0xfeff, true);
				for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), true);
				return out;
			})(),
		];
		const results = variants.map((bytes) => ingestAll([{ file: 'x.txt', bytes }], vocab, {}));
		for (const r of results.slice(1)) {
			expect(r.pages.map((p) => p.mdx)).toEqual(results[0]!.pages.map((p) => p.mdx));
			expect(r.catalog.reports).toEqual(results[0]!.catalog.reports);
		}
	});
});

describe('errors and overrides', () => {
	test('an unreadable source is an error naming the file; other sources still ingest', () => {
		const result = ingestAll(
			[{ file: 'empty.txt', bytes: new Uint8Array() }, samples[1]!],
			vocab,
			{},
		);
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([
			{
				file: 'empty.txt',
				line: 1,
				column: 1,
				ruleId: 'decode:empty',
				severity: 'error',
				message: 'empty.txt: the file is empty. Remove it or add the text.',
			},
		]);
		expect(result.pages).toHaveLength(1);
	});

	test('an override replaces fields (slug follows label); an unknown id is a warning', () => {
		const first = ingestAll([samples[4]!], vocab, {});
		const id = first.pages[0]!.id;
		const result = ingestAll([samples[4]!], vocab, {
			[id]: { unit: '上海市闸北区委宣传部', category: '学习型党组织', date: '2004' },
			'no-such-id': { unit: 'X' },
		});
		const fm = result.pages[0]!.frontmatter;
		expect([
			fm.unit,
			fm.category,
			fm.categorySlug,
			fm.date,
			fm.datePrecision,
			fm.dateSource,
		]).toEqual(['上海市闸北区委宣传部', '学习型党组织', 'dangzuzhi', '2004', 'year', 'report']);
		expect(result.issues).toEqual([
			{
				file: 'content/overrides.yaml',
				line: 1,
				column: 1,
				ruleId: 'override:unknown-id',
				severity: 'warning',
				message:
					'Override for unknown report id “no-such-id”: no report has this id any more. Remove or update the entry.',
			},
		]);
	});

	test('an override that breaks the schema is an error with the zod path, and the page is not produced', () => {
		const first = ingestAll([samples[4]!], vocab, {});
		const id = first.pages[0]!.id;
		const result = ingestAll([samples[4]!], vocab, {
			[id]: { date: '2004年', datePrecision: 'year', dateSource: 'report' },
		});
		expect(result.pages).toEqual([]);
		expect(result.issues.map((i) => [i.file, i.line, i.ruleId, i.message])).toEqual([
			[
				'004_83e701237cf79c63.txt',
				1,
				'frontmatter:invalid',
				'Invalid frontmatter of report “深入开展学习型机关创建活动，切实提高机关干部综合素质和执政能力”: **date**: Expected YYYY, YYYY-MM or YYYY-MM-DD',
			],
		]);
	});
});

test('a placeholder sign-off date is not a date and is reported as unparsed', () => {
	const result = ingestAll(
		[
			{
				file: 'p.txt',
				bytes: utf8(
					'某单位创建学习型机关自评报告\n\n我们开展了学习活动。\n\n***街道工委\n\n***年***月',
				),
			},
		],
		vocab,
		{},
	);
	const fm = result.pages[0]!.frontmatter;
	expect([fm.date, fm.datePrecision, fm.dateSource]).toEqual([null, 'none', 'none']);
	expect(result.issues.map((i) => [i.line, i.ruleId, i.severity])).toEqual([
		[7, 'date:unparsed', 'warning'],
	]);
});

describe('checkNoLoss', () => {
	const rawLines = ['标题', '', '第一句话。第二句话。', '', '第三句 12', '', '话。'];
	test('accepts a page that differs only by named repairs', () => {
		const log = createRepairLog();
		log.cuts.push({ line: 5, rule: 'page-number-at-break', text: ' 12' });
		const blocks = [
			{ type: 'paragraph' as const, text: '第一句话。第二句话。', line: 3 },
			{ type: 'paragraph' as const, text: '第三句话。', line: 5 },
		];
		expect(
			checkNoLoss({
				file: 'a.txt',
				title: '标题',
				rawLines,
				lines: [1, 7],
				log,
				head: [{ no: 1, text: '标题' }],
				blocks,
			}),
		).toBeNull();
	});

	test('reports a lost character with its line', () => {
		const log = createRepairLog();
		log.cuts.push({ line: 5, rule: 'page-number-at-break', text: ' 12' });
		const blocks = [
			{ type: 'paragraph' as const, text: '第一句话。第二句话。', line: 3 },
			{ type: 'paragraph' as const, text: '第三话。', line: 5 },
		];
		expect(
			checkNoLoss({
				file: 'a.txt',
				title: '标题',
				rawLines,
				lines: [1, 7],
				log,
				head: [{ no: 1, text: '标题' }],
				blocks,
			}),
		).toEqual({
			file: 'a.txt',
			line: 5,
			column: 1,
			ruleId: 'text:lost',
			severity: 'error',
			message:
				'Report “标题”: its page differs from the source at line 5: expected "句话。", found "话。". Only named repairs may change the text.',
		});
	});

	test('an unlogged page number is not a repair', () => {
		const blocks = [
			{ type: 'paragraph' as const, text: '第一句话。第二句话。', line: 3 },
			{ type: 'paragraph' as const, text: '第三句话。', line: 5 },
		];
		expect(
			checkNoLoss({
				file: 'a.txt',
				title: '标题',
				rawLines,
				lines: [1, 7],
				log: createRepairLog(),
				head: [{ no: 1, text: '标题' }],
				blocks,
			})?.ruleId,
		).toBe('text:lost');
	});
});

describe('checkNoLoss without cuts (the one-pass comparison)', () => {
	const rawLines = [
		'标题 一',
		'\uE003页眉',
		'第一句话。 第二\u200B句话。',
		'',
		'  第三句',
		'话。\u3000',
	];
	const check = (head: string[], texts: string[], dropped: number[] = []) => {
		const log = createRepairLog();
		for (const no of dropped) log.droppedLines.set(no, 'boilerplate-line');
		const blocks = texts.map((text, i) => ({ type: 'paragraph' as const, text, line: 3 + i }));
		return checkNoLoss({
			file: 'a.txt',
			title: '标题',
			rawLines,
			lines: [1, 6],
			log,
			head: head.map((text, i) => ({ no: 1 + i, text })),
			blocks,
		});
	};

	test('white space on either side, invisible characters of the source and dropped lines are not text', () => {
		expect(check(['标题一', '页眉'], ['第一句话。第二句话。', '第三句话。'])).toBeNull();
		expect(check(['标 题一'], ['第一句话。第二句话。第三句', '话。'], [2])).toBeNull();
		// Pieces may split the text anywhere, and may be empty.
		expect(check([], ['标题一页', '', '眉第一句话。第二句话。第', '三句话。'])).toBeNull();
	});

	test.each([
		['a character more at the end', ['标题一', '页眉'], ['第一句话。第二句话。', '第三句话。！']],
		['a character less at the end', ['标题一', '页眉'], ['第一句话。第二句话。', '第三句话']],
		['a changed character', ['标题一', '页眉'], ['第一句话。第二句话。', '第三句活。']],
		[
			'an invisible character on the page',
			['标题一', '页眉'],
			['第一句话。第二句话。', '第三\u200B句话。'],
		],
		[
			'a dropped line still on the page',
			['标题一', '页眉'],
			['第一句话。第二句话。', '第三句话。'],
		],
	])('%s is a loss', (name, head, texts) => {
		expect(check(head, texts, name.startsWith('a dropped') ? [2] : [])?.ruleId).toBe('text:lost');
	});
});

describe('slugs', () => {
	test.each([
		['000_072d85c6eac7fde3.txt', '000-072d85c6eac7fde3'],
		['Report 2019 Q1.TXT', 'report-2019-q1'],
		['建设学习型组织.txt', `source-${hash8('建设学习型组织')}`],
	])('sourceSlug(%s) → %s', (file, slug) => {
		expect(sourceSlug(file)).toBe(slug);
	});

	test('two records with the same title and unit get different ids', () => {
		const ids = uniqueIds('s', [
			{ parts: ['同题', ''], salt: 'a' },
			{ parts: ['同题', ''], salt: 'b' },
			{ parts: ['另题', ''], salt: 'a' },
		]);
		expect(new Set(ids).size).toBe(3);
		expect(ids[0]).toBe(`s-${hash8('同题\u0000')}`);
	});

	test('hash8 is the last 8 hex digits of the 53-bit cyrb53 hash (ids stay stable)', () => {
		// cyrb53 as published, written independently of slug.ts.
		const cyrb53 = (text: string): number => {
			let h1 = 0xdeadbeef;
			let h2 = 0x41c6ce57;
			for (const ch of text.split('')) {
				h1 = Math.imul(h1 ^ ch.charCodeAt(0), 2654435761);
				h2 = Math.imul(h2 ^ ch.charCodeAt(0), 1597334677);
			}
			h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
			h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
			return 4294967296 * (2097151 & h2) + (h1 >>> 0);
		};
		const texts = [
			'',
			'a',
			'强素质 促发展',
			'同题\u0000',
			'𠮷',
			...Array.from({ length: 300 }, (_, i) => `标题${i}\u0000——单位${i * 7919}`),
		];
		for (const text of texts)
			expect(hash8(text)).toBe(cyrb53(text).toString(16).padStart(14, '0').slice(-8));
	});
});

describe('keyOf', () => {
	const reference = (text: string) => text.replace(/[^\p{L}\p{N}*]/gu, '').toLowerCase();
	test('keeps letters, digits and * of any script, as the Unicode-property regex does', () => {
		const pieces = [
			'学',
			'，',
			'。',
			' ',
			'\u3000',
			'A',
			'z',
			'İ',
			'Σ',
			'5',
			'٣',
			'*',
			'-',
			'𠮷',
			'\ud800',
			'—',
			'（',
			'ǅ',
			'ß',
			'\u0301',
			'Ⅻ',
			'①',
			'\uE003',
		];
		let seed = 7;
		const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		for (let n = 0; n < 3000; n++) {
			const text = Array.from(
				{ length: Math.floor(random() * 10) },
				() => pieces[Math.floor(random() * pieces.length)],
			).join('');
			expect(keyOf(text)).toBe(reference(text));
		}
		expect(keyOf('创建学习型机关，促进（二）发展 ABC')).toBe('创建学习型机关促进二发展abc');
	});
});
