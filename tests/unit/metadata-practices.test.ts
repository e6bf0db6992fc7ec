import { describe, expect, test } from 'vitest';
import { findNamedPractices } from '../../src/lib/ingest/report/metadata/index.ts';
import type { IngestBlock } from '../../src/lib/ingest/types.ts';

const p = (text: string, line = 1): IngestBlock => ({ type: 'paragraph', text, line });

describe('findNamedPractices', () => {
	test.each([
		[
			'a name that ends in a programme word',
			'我们通过“五子行动”来推进学习型机关的建设活动。',
			['“五子行动”'],
		],
		[
			'a programme word after the quote, qualified',
			'规定了“3个8”学习制度。即局领导班子每月学习。',
			['“3个8”学习制度'],
		],
		['a counted name introduced by a verb', '重点推出了“十个一”的学习活动载体。', ['“十个一”']],
		[
			'a counted name followed by 活动',
			'今年开展了“四个一”活动，即阅读一本好书。',
			['“四个一”活动'],
		],
		['a lecture series', '以“青春大讲堂”为载体，全力助推学习型党组织建设。', ['“青春大讲堂”']],
		['a space before the programme word', '积极推动“解剖麻雀” 活动深入开展。', ['“解剖麻雀”活动']],
		['a quoted vehicle: 以“X”为载体', '以“学习节”为载体，丰富学习内容。', ['“学习节”']],
		[
			'a qualified vehicle: 以“X”为主要载体',
			'以“组工学堂”为主要载体，丰富学习形式。',
			['“组工学堂”'],
		],
		[
			'a longer qualifier before 活动',
			'开展领导干部“三个一”读书学习活动，每周读一本书。',
			['“三个一”读书学习活动'],
		],
		[
			'a name the report defines: 确立“X”，即',
			'党员确立“每周自学时”，即每周自学时间累加。',
			['“每周自学时”'],
		],
		['an award: “X”评选', '开展“学习之星”评选，表彰先进。', ['“学习之星”评选']],
		[
			'an unquoted programme a section opens with',
			'三、开展送学上门活动，利用赶大集等形式。',
			['送学上门活动'],
		],
	])('takes %s', (_name, text, expected) => {
		expect(findNamedPractices([p(text)])).toEqual(expected);
	});

	test.each([
		['a plain quoted phrase', '形象地说是区委领导的“参谋部”、“智囊团”和“左右手”。'],
		['a party congress', '党的“十六大”报告提出形成全民学习的学习型社会。'],
		['a plan period', '制定“十二五”发展规划。'],
		['doctrine', '以“三个代表”重要思想为指导。'],
		['a slogan with punctuation', '形成“终身学习、全员学习、全程学习”的共识。'],
		[
			'a book or document title',
			'开展《第五项修炼》读书活动，学习《关于建设学习型党组织的意见》。',
		],
		['a concept ending like a programme', '转换“心智模式”是五项修炼之一。'],
		['a counted phrase without a verb', '我们的体会是：“五要”。'],
		['a quoted content slogan', '以“八荣八耻”为主要内容的社会主义荣辱观。'],
		[
			'a quoted phrase defined without an action verb',
			'这就是“三位一体”，即推动者、研究者和学习型组织。',
		],
		['an unquoted generic activity a section opens with', '二、开展学习教育活动，提高素质。'],
		['an unquoted activity in running text', '我们还开展了走访慰问活动。'],
	])('ignores %s', (_name, text) => {
		expect(findNamedPractices([p(text)])).toEqual([]);
	});

	test('keeps the order of first appearance and the first printed form, once each', () => {
		const blocks: IngestBlock[] = [
			{ type: 'heading', depth: 2, text: '三、依托“十个一”，创新学习载体', line: 1 },
			p('重点推出了“十个一”的学习活动载体，开展“读书月”活动。', 2),
			p('坚持“五结合”，深化“十个一”活动。', 3),
		];
		expect(findNamedPractices(blocks)).toEqual(['“十个一”', '“读书月”活动', '“五结合”']);
	});
});
