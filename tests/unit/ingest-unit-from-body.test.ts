import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import type { IngestBlock } from '../../src/lib/ingest/types.ts';
import { unitFromBody } from '../../src/lib/ingest/report/unit-from-body.ts';

const vocab = parseVocabulary(
	readFileSync(new URL('../../content/vocabulary.yaml', import.meta.url), 'utf8'),
);
const words = vocab.categories.flatMap((c) => c.unitWords);
const p = (text: string, line = 1): IngestBlock => ({ type: 'paragraph', text, line });
const filler = p('加强理论学习，提高干部素质，推动各项工作。', 5);

describe('unitFromBody', () => {
	test.each([
		[
			'an opening time phrase',
			[p('近年来，区委办公室结合工作实际，对如何创建学习型机关进行了积极探索。', 3), filler],
			'区委办公室',
			3,
		],
		[
			'a plan that sets up its own group',
			[filler, p('决定建立新城街道学习型党组织创建领导小组，街道党工委书记任组长。', 9)],
			'新城街道',
			9,
		],
		[
			'a plan that makes its own programme',
			[filler, p('结合单位实际，制定市科信局创建学习型党组织实施方案。', 12)],
			'市科信局',
			12,
		],
		[
			'the unit’s own resolve',
			[p('城关镇党委高度重视创建工作，把它列入全年重点。', 2), filler],
			'城关镇党委',
			2,
		],
		[
			'the body that decides: 经……研究决定',
			[p('为提高干部素质，经县文化委员会党组研究决定，在全系统开展创建活动。', 2), filler],
			'县文化委员会党组',
			2,
		],
		[
			'经……研究，决定',
			[p('经清河县水务局党组研究，决定在全局开展创建学习型机关活动。', 4), filler],
			'清河县水务局党组',
			4,
		],
		['经……集体讨论', [p('经双桥镇党委集体讨论，制定本方案。', 2), filler], '双桥镇党委', 2],
		[
			'X决定在… after a comma',
			[p('为加快发展，兴谷街道工委决定在全街道大力开展学习型兴谷创建工作。', 3), filler],
			'兴谷街道工委',
			3,
		],
		[
			'X研究决定 at the start',
			[p('清河县司法局研究决定，成立创建工作领导小组。', 2), filler],
			'清河县司法局',
			2,
		],
	])('reads %s', (_name, blocks, unit, line) => {
		expect(unitFromBody(blocks, words)).toEqual({ unit, line });
	});

	test.each([
		['a collective', [p('近年来，全区各级党组织认真贯彻落实上级要求。')]],
		['a superior', [p('近年来，区委高度重视学习型机关建设。')]],
		[
			'a bare kind without a name',
			[p('经研究，成立街道党工委学习型党组织创建领导小组。'), p('街道党工委高度重视。')],
		],
		[
			'the subject of a sentence in the middle of the body',
			[filler, filler, p('近年来，延庆县水务局积极开展调研。'), filler],
		],
		['a name that ends in no organisation word', [p('近年来，我们结合工作实际，开展学习。')]],
		['plain mentions of other units', [p('协调县统计局开展调查，参加市委党校举办的培训。')]],
		['经 a bare kind 研究', [p('经街道党工委研究，决定在街道机关全面开展创建活动。')]],
		['a superior decides', [p('今年以来，县委决定在全县开展创建活动。')]],
		['a collective decides', [p('经各单位研究决定，统一开展培训。')]],
		[
			'a decision deep in the body',
			[filler, filler, filler, p('经清河县水务局党组研究决定，增加学习经费。')],
		],
	])('does not invent from %s', (_name, blocks) => {
		expect(unitFromBody(blocks, words)).toBeNull();
	});
});
