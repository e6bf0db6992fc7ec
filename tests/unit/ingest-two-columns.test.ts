/**
 * Two columns side by side on the lines of a text extraction (`pages/two-columns.ts`), and the
 * no-loss check reading such lines in their pieces. Expectations written by hand.
 */
import { describe, expect, test } from 'vitest';
import { splitColumns } from '../../src/lib/ingest/pages/two-columns.ts';
import { createRepairLog } from '../../src/lib/ingest/lines/repair-log.ts';
import { checkNoLoss } from '../../src/lib/ingest/output/check-no-loss.ts';

const lines = (texts: readonly string[]) => texts.map((text, i) => ({ no: i + 1, text }));

describe('splitColumns', () => {
	// Aligned in display width (an editor: CJK two columns wide), the right column from column 34
	// of the display: in characters it starts at 24, 19 and 21 (the ASCII on the left: `2012`, `36`).
	const text = [
		'  全市2012年建成学习型社区        二十个，学习型家庭达到',
		'三千户。各社区办起了市民学校，    开设了书法、摄影等课',
		'全年培训居民36万人次，居民的      程，深受居民欢迎。',
		'学习热情明显提高。',
	];
	test('a text aligned in display width: the steadier gutter is measured in display columns', () => {
		const log = createRepairLog();
		const out = splitColumns(lines(text), [1, 1, 1, 1], new Map(), log)!;
		expect(out.lines.map((l) => [l.no, l.part ?? null, l.text.trim()])).toEqual([
			[1, 'left', '全市2012年建成学习型社区'],
			[2, 'left', '三千户。各社区办起了市民学校，'],
			[3, 'left', '全年培训居民36万人次，居民的'],
			[4, null, '学习热情明显提高。'],
			[1, 'right', '二十个，学习型家庭达到'],
			[2, 'right', '开设了书法、摄影等课'],
			[3, 'right', '程，深受居民欢迎。'],
		]);
		expect(out.blocks).toEqual([{ page: 1, lines: [1, 4] }]);
		expect(log.counts).toEqual({ 'column-split': 3 });
		// Where each right piece begins, in characters that are not white space.
		expect([...log.columnSplits!]).toEqual([
			[1, 14],
			[2, 15],
			[3, 15],
		]);
	});

	test('a table of contents in columns (no clause marks) and one-column prose are left alone', () => {
		const toc = [
			'以学促干 争创一流      市纺织集团      1',
			'抓班组学习 促安全生产  市煤业公司一矿  5',
			'书香机关建设的实践    市水利局        8',
		];
		expect(splitColumns(lines(toc), [1, 1, 1], new Map(), createRepairLog())).toBeNull();
		const prose = [
			'市水利局坚持每月一次集中学习，每季度一次专题讲座，干部职工',
			'的学习热情明显提高。',
		];
		expect(splitColumns(lines(prose), [1, 1], new Map(), createRepairLog())).toBeNull();
	});
});

describe('the no-loss check reads a line of two columns in its two pieces', () => {
	const raw = ['左一，左一  右一，右一', '左二，左二  右二，右二', '左三，左三  右三，右三'];
	const log = createRepairLog();
	log.columnSplits = new Map([
		[1, 5],
		[2, 5],
		[3, 5],
	]);
	const entries: Array<{ no: number; part: 'left' | 'right' }> = [
		...[1, 2, 3].map((no) => ({ no, part: 'left' as const })),
		...[1, 2, 3].map((no) => ({ no, part: 'right' as const })),
	];
	const input = (body: string) => ({
		file: 'a.txt',
		title: 't',
		rawLines: raw,
		lines: [1, 3] as const,
		log,
		head: [],
		blocks: [{ type: 'paragraph' as const, text: body, line: 1 }],
		entries,
	});
	test('the page in reading order: nothing lost', () => {
		expect(
			checkNoLoss(input('左一，左一左二，左二左三，左三右一，右一右二，右二右三，右三')),
		).toBeNull();
	});
	test('a piece lost, or the columns in the order of the lines: an error at its line', () => {
		expect(checkNoLoss(input('左一，左一左二，左二左三，左三右一，右一右三，右三'))?.line).toBe(2);
		expect(
			checkNoLoss(input('左一，左一右一，右一左二，左二右二，右二左三，左三右三，右三')),
		).toMatchObject({
			ruleId: 'text:lost',
			line: 2,
		});
	});
});
