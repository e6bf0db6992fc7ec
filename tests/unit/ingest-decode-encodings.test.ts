/**
 * Issue 14, attacks 11 and 13: Japanese text (EUC-JP, Shift_JIS) is refused instead of being
 * published as GB18030/Big5 mojibake, while real Chinese text in GBK/GB18030 still decodes;
 * and every decode error gives the line and column of the first bad byte.
 *
 * The corpus is made with iconv-lite (an independent encoder) from the committed sample sources
 * and fixtures (compilations, web collections, single articles, hostile text) and from short
 * texts of other styles; the expected text is iconv-lite's own reading of the bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../src/lib/ingest/decode/decode.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repo, 'tests/fixtures');
const files = [
	...readdirSync(path.join(repo, 'content/sources'))
		.filter((f) => f.endsWith('.txt'))
		.map((f) => path.join(repo, 'content/sources', f)),
	...readdirSync(fixtures)
		.map((d) => path.join(fixtures, d, 'input.txt'))
		.filter((f) => {
			try {
				return readFileSync(f).length > 0;
			} catch {
				return false;
			}
		}),
	...readdirSync(path.join(fixtures, 'robust-site/sources')).map((f) =>
		path.join(fixtures, 'robust-site/sources', f),
	),
];
const short: Array<[string, string]> = [
	['a title and one sentence', '学习型组织建设\n\n我们坚持学习。\n'],
	[
		'a news item with numbers and Latin',
		'2010年3月，北京市朝阳区召开“学习型城区”建设推进会，全区120个单位参加，会议由区委书记主持。\n',
	],
	[
		'a table-like list',
		'序号　单位名称　　得分\n1　　区教委　　　95\n2　　区卫生局　　92\n3　　区财政局　　90\n',
	],
	['classical style', '学而时习之，不亦说乎？有朋自远方来，不亦乐乎？人不知而不愠，不亦君子乎？\n'],
	[
		'punctuation-heavy',
		'一、指导思想（试行）：以“三个代表”重要思想为指导——全面落实《纲要》；坚持“学习工作化、工作学习化”！\n',
	],
	[
		'rare characters',
		'闫妍、邝氏、亓官、仉督、鄢陵、黟县、郯城、邗江、睢宁、盱眙的同志们参加了培训。\n',
	],
];

describe('11. real Chinese text in GBK and GB18030 still decodes', () => {
	test.each(files.map((f) => [path.relative(repo, f), f]))('%s in GBK', (_name, file) => {
		const bytes = new Uint8Array(iconv.encode(readFileSync(file, 'utf8'), 'gbk'));
		const result = decodeSource('a.txt', bytes);
		expect(result.ok, result.ok ? '' : result.issue.message).toBe(true);
		expect(result.ok && result.text).toBe(
			iconv
				.decode(Buffer.from(bytes), 'gbk')
				.replace(/\r\n?/g, '\n')
				.replace(/^\uFEFF/, ''),
		);
	});

	// The same texts in traditional characters (opencc-js) and Big5: the Japanese and Korean checks run first.
	// 〇 is left out: iconv-lite writes it as ETEN 0xC6D9, which Node's WHATWG Big5 decoder reads as
	// U+F6F2 (private use), a difference of the two Big5 tables, not of the encoding check.
	const traditional = (
		OpenCC as unknown as { Converter(o: { from: string; to: string }): (t: string) => string }
	).Converter({ from: 'cn', to: 'tw' });
	test.each(files.map((f) => [path.relative(repo, f), f]))(
		'%s in traditional characters, Big5',
		(_name, file) => {
			const bytes = new Uint8Array(
				iconv.encode(traditional(readFileSync(file, 'utf8')).replaceAll('〇', '零'), 'big5'),
			);
			const result = decodeSource('a.txt', bytes);
			expect(result.ok, result.ok ? '' : result.issue.message).toBe(true);
			expect(result.ok && [result.encoding, result.text]).toEqual([
				'big5',
				iconv
					.decode(Buffer.from(bytes), 'big5')
					.replace(/\r\n?/g, '\n')
					.replace(/^\uFEFF/, ''),
			]);
		},
	);

	test.each(short)('%s in GBK and GB18030', (_name, text) => {
		for (const encoding of ['gbk', 'gb18030']) {
			const result = decodeSource('a.txt', new Uint8Array(iconv.encode(text, encoding)));
			expect(result).toEqual({ ok: true, text, encoding: 'gb18030' });
		}
	});
});

const japanese: Array<[string, string]> = [
	[
		'prose',
		'学習型組織の構築に関する報告\n当社は二〇一〇年に学習型組織の建設を開始しました。社員の皆さんは毎週勉強会に参加しています。\n',
	],
	[
		'kanji-heavy',
		'学習型組織建設報告\n東京都港区役所\n平成二十二年度の学習型組織建設について報告する。\n',
	],
	[
		'katakana-heavy',
		'ナレッジマネジメント・システムの導入\nグループウェアとイントラネットを活用したチーム学習のプログラムを実施。\n',
	],
];

describe('11. Japanese text is refused, not published as mojibake', () => {
	test.each(
		japanese.flatMap(([name, text]) => [
			[`${name}, EUC-JP`, text, 'euc-jp', 'EUC-JP'],
			[`${name}, Shift_JIS`, text, 'shift_jis', 'Shift_JIS'],
		]),
	)('%s', (_name, text, encoding, label) => {
		const result = decodeSource('jp.txt', new Uint8Array(iconv.encode(text, encoding)));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.issue.ruleId).toBe('decode:japanese');
		expect(!result.ok && result.issue.message).toBe(
			`jp.txt: reads as Japanese text in ${label}: expected Chinese text (UTF-8, GB18030/GBK, Big5 or UTF-16 with a BOM), and reading it as GB18030 or Big5 would publish mojibake. Save it as UTF-8 if it belongs here.`,
		);
	});

	const korean = [
		'학습형 조직 건설에 관한 보고서',
		'우리 회사는 2010년부터 학습형 조직 건설을 시작했습니다. 직원들은 매주 공부 모임에 참가하고 있습니다. 회사의 모든 부서는 학습 계획을 세우고 정기적으로 평가를 실시합니다.',
		'첫째, 지도부가 솔선수범하여 학습에 참여하였습니다. 사장과 임원들은 매달 독서 토론회를 열고 새로운 경영 지식을 공유하였습니다.',
		'앞으로도 우리는 학습형 조직 건설을 계속 추진하여 회사의 경쟁력을 높이고 직원들의 성장을 지원할 것입니다.',
	].join('\n');
	test.each([
		['a short', korean.split('\n').slice(0, 2).join('\n')],
		['a long', korean.repeat(5)],
	])('Korean (EUC-KR), %s text, is refused, not published as GB18030 Han', (_name, text) => {
		// Before: the long text was accepted as GB18030 (“切嚼屈 炼流 扒汲俊 …”).
		const result = decodeSource('ko.txt', new Uint8Array(iconv.encode(text, 'euc-kr')));
		expect(!result.ok && result.issue.ruleId).toBe('decode:korean');
		expect(!result.ok && result.issue.message).toBe(
			'ko.txt: reads as Korean text in EUC-KR: expected Chinese text (UTF-8, GB18030/GBK, Big5 or UTF-16 with a BOM), and reading it as GB18030 would publish mojibake. Save it as UTF-8 if it belongs here.',
		);
	});
});

describe('13. decode errors point at the first bad byte', () => {
	test('a byte that is not UTF-8 (nor GB18030/Big5) on line 3 is reported at line 3 and its column', () => {
		const bytes = new Uint8Array([
			...new TextEncoder().encode('第一行\n第二行\n第三行'),
			0xff,
			0xff,
			0x0a,
		]);
		const result = decodeSource('bad.txt', bytes);
		expect(!result.ok && [result.issue.ruleId, result.issue.line, result.issue.column]).toEqual([
			'decode:invalid',
			3,
			4,
		]);
		expect(!result.ok && result.issue.message).toBe(
			'bad.txt: not valid UTF-8, GB18030 or Big5 text (first byte that is not UTF-8: 0xFF at line 3, column 4). Save it as UTF-8.',
		);
	});

	test('a NUL byte is reported at its line and column', () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('标题\n正文ab'), 0x00, 0x41]);
		const result = decodeSource('nul.txt', bytes);
		expect(!result.ok && [result.issue.ruleId, result.issue.line, result.issue.column]).toEqual([
			'decode:binary',
			2,
			5,
		]);
	});

	test('implausible text is reported at its first implausible character', () => {
		const bytes = new TextEncoder().encode(
			`${'学习型组织建设的经验和做法。'.repeat(3)}\n第二行：${'\uE000\uE001'.repeat(40)}\n`,
		);
		const result = decodeSource('pua.txt', bytes);
		expect(!result.ok && [result.issue.ruleId, result.issue.line, result.issue.column]).toEqual([
			'decode:mojibake',
			2,
			5,
		]);
	});

	test('broken bytes after a UTF-8 BOM are reported where they are', () => {
		const bytes = new Uint8Array([
			0xef,
			0xbb,
			0xbf,
			...new TextEncoder().encode('好\n好好'),
			0xc3,
			0x28,
		]);
		const result = decodeSource('bom.txt', bytes);
		expect(!result.ok && [result.issue.ruleId, result.issue.line, result.issue.column]).toEqual([
			'decode:invalid',
			2,
			3,
		]);
	});
});
