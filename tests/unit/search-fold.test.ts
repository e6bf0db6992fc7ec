import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import { describe, expect, test } from 'vitest';
import { foldText } from '../../src/lib/search/fold.ts';
import {
	buildFoldTable,
	clientFoldTable,
	parseOpenccDict,
} from '../../src/lib/search/fold-table.ts';
import { foldTableFromPairs, prepareQuery } from '../../src/lib/search/query.ts';

const table = buildFoldTable(TSCharacters, [TWVariantsRev]);
const fold = Object.fromEntries(table);

describe('search folding', () => {
	test('traditional characters fold to simplified, one code point each', () => {
		expect(foldText('學習型社區', fold)).toBe('学习型社区');
		expect([...foldText('延慶縣農經站', fold)]).toHaveLength(6);
	});

	test('a regional variant reaches simplified through its standard form; 么 stays 么', () => {
		expect(foldText('為', fold)).toBe('为');
		expect(foldText('什么', fold)).toBe('什么');
	});

	test('Latin letters fold to lower case, full-width letters and digits to ASCII', () => {
		expect(foldText('ISO９００１ Ｂ', fold)).toBe('iso9001 b');
	});

	test('parses OpenCC dictionaries, keeping the first of several targets', () => {
		expect(parseOpenccDict('乾 干 乾|髮 发')).toEqual(
			new Map([
				['乾', '干'],
				['髮', '发'],
			]),
		);
	});

	test('the browser table keeps only entries that fold into the corpus', () => {
		const client = clientFoldTable(table, new Set(['学']));
		expect(client['學']).toBe('学');
		expect(client['習']).toBeUndefined();
	});

	test('a query typed in traditional characters prepares like the simplified one', () => {
		const pairs = foldTableFromPairs('學学習习區区');
		const strip = (typed: string) =>
			prepareQuery(typed, pairs, 2).terms.map(({ chars, pagefind, head }) => ({
				chars,
				pagefind,
				head,
			}));
		// a quoted phrase ignores its spaces (unquoted, the space would make two terms: see search-query.test.ts)
		expect(strip('"學習型 社區"')).toEqual(strip('学习型社区'));
		expect(strip('學習 社區')).toEqual(strip('学习 社区'));
	});
});
