import { describe, expect, test } from 'vitest';
import { splitSignoff } from '../../src/lib/site/preface-signoff.ts';

describe('splitSignoff', () => {
	test('takes the short unpunctuated closing lines as the sign-off', () => {
		const preface = [
			'随着经济全球化……越来越得到人们的广泛认可。',
			'因时间仓促，敬请专家和读者批评指正。',
			'延庆县创建学习型延庆领导小组办公室',
			'二〇一〇年八月',
		];
		expect(splitSignoff(preface)).toEqual({ body: preface.slice(0, 2), signoff: preface.slice(2) });
	});
	test('takes nothing when the preface ends with a sentence', () => {
		const preface = ['第一段。', '最后一句话。'];
		expect(splitSignoff(preface)).toEqual({ body: preface, signoff: [] });
	});
	test('never takes the whole preface, nor more than `limit` lines', () => {
		expect(splitSignoff(['编者']).signoff).toEqual([]);
		expect(splitSignoff(['正文。', '甲', '乙', '丙', '丁']).signoff).toEqual(['乙', '丙', '丁']);
	});
	test('leaves a long closing paragraph in the body', () => {
		const long = '这是一个没有句末标点但是很长很长很长很长很长很长很长很长很长很长的段落';
		expect(splitSignoff(['正文。', long]).signoff).toEqual([]);
	});
	test('is empty for an empty preface', () => {
		expect(splitSignoff([])).toEqual({ body: [], signoff: [] });
	});
});
