/**
 * Map the Kangxi radicals (U+2F00–U+2FD5) and the CJK radicals supplement (U+2E80–U+2EF3) that
 * PDF.js returns for some glyphs of embedded CJK fonts (`⼯⼀⼆⼩⽉`) to the unified ideographs a
 * reader typed (`工一二小月`).
 *
 * A table, not NFKC over the text: NFKC would also turn full-width punctuation into ASCII. The
 * Kangxi half of the table is each radical's own compatibility mapping; the supplement half is
 * the radicals with an equivalent unified ideograph (Unicode `EquivalentUnifiedIdeograph.txt`,
 * the commonest forms). Doesn’t touch anything else.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
	'\u2E81': '\u5382',
	'\u2E84': '\u4E59',
	'\u2E85': '\u4EBB',
	'\u2E86': '\u5182',
	'\u2E87': '\u51E0',
	'\u2E88': '\u5200',
	'\u2E89': '\u5202',
	'\u2E8A': '\u535C',
	'\u2E8B': '\u353E',
	'\u2E8C': '\u5C0F',
	'\u2E8D': '\u5C0F',
	'\u2E8E': '\u5140',
	'\u2E8F': '\u5C23',
	'\u2E90': '\u5C22',
	'\u2E92': '\u5DF3',
	'\u2E93': '\u5E7A',
	'\u2E94': '\u5F51',
	'\u2E95': '\u5F50',
	'\u2E96': '\u5FC4',
	'\u2E97': '\u5FC3',
	'\u2E98': '\u624C',
	'\u2E99': '\u6535',
	'\u2E9B': '\u65E1',
	'\u2E9D': '\u6708',
	'\u2E9E': '\u6B7A',
	'\u2E9F': '\u6BCD',
	'\u2EA0': '\u6C11',
	'\u2EA1': '\u6C35',
	'\u2EA2': '\u6C3A',
	'\u2EA3': '\u706C',
	'\u2EA4': '\u722B',
	'\u2EA5': '\u722B',
	'\u2EA6': '\u4E2C',
	'\u2EA7': '\u725B',
	'\u2EA8': '\u72AD',
	'\u2EA9': '\u738B',
	'\u2EAA': '\u758B',
	'\u2EAB': '\u7F52',
	'\u2EAC': '\u793A',
	'\u2EAD': '\u793B',
	'\u2EAE': '\u7AF9',
	'\u2EAF': '\u7CF9',
	'\u2EB0': '\u7E9F',
	'\u2EB1': '\u7F53',
	'\u2EB2': '\u7F52',
	'\u2EB3': '\u7F51',
	'\u2EB4': '\u5197',
	'\u2EB5': '\u7F53',
	'\u2EB6': '\u7F8A',
	'\u2EB7': '\u7F8A',
	'\u2EB8': '\u7F8B',
	'\u2EB9': '\u8002',
	'\u2EBA': '\u8080',
	'\u2EBB': '\u807F',
	'\u2EBC': '\u8089',
	'\u2EBD': '\u81FC',
	'\u2EBE': '\u8279',
	'\u2EBF': '\u8279',
	'\u2EC0': '\u8279',
	'\u2EC1': '\u864E',
	'\u2EC2': '\u8864',
	'\u2EC3': '\u8980',
	'\u2EC4': '\u897F',
	'\u2EC5': '\u89C1',
	'\u2EC6': '\u89D2',
	'\u2EC8': '\u8BA0',
	'\u2EC9': '\u8D1D',
	'\u2ECA': '\u8DB3',
	'\u2ECB': '\u8F66',
	'\u2ECC': '\u8FB6',
	'\u2ECD': '\u8FB6',
	'\u2ECE': '\u8FB6',
	'\u2ECF': '\u961D',
	'\u2ED0': '\u9485',
	'\u2ED1': '\u9577',
	'\u2ED2': '\u9578',
	'\u2ED3': '\u957F',
	'\u2ED4': '\u95E8',
	'\u2ED5': '\u961D',
	'\u2ED6': '\u961D',
	'\u2ED7': '\u96E8',
	'\u2ED8': '\u9752',
	'\u2ED9': '\u97E6',
	'\u2EDA': '\u9875',
	'\u2EDB': '\u98CE',
	'\u2EDC': '\u98DE',
	'\u2EDD': '\u98DF',
	'\u2EDF': '\u98E0',
	'\u2EE0': '\u9963',
	'\u2EE2': '\u9A6C',
	'\u2EE3': '\u9AA8',
	'\u2EE4': '\u9B3C',
	'\u2EE5': '\u9C7C',
	'\u2EE6': '\u9CE5',
	'\u2EE7': '\u9E1F',
	'\u2EE8': '\u9EA6',
	'\u2EE9': '\u9EC4',
	'\u2EEA': '\u9EFE',
	'\u2EEB': '\u6589',
	'\u2EEC': '\u9F50',
	'\u2EED': '\u6B6F',
	'\u2EEE': '\u9F7F',
	'\u2EEF': '\u7ADC',
	'\u2EF0': '\u9F99',
	'\u2EF1': '\u9F9C',
	'\u2EF2': '\u4E80',
	'\u2EF3': '\u9F9F',
};

const TABLE = new Map<string, string>(Object.entries(SUPPLEMENT));
for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
	const radical = String.fromCodePoint(cp);
	TABLE.set(radical, radical.normalize('NFKC'));
}

const RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;

/**
 * @returns the text with every mapped radical replaced, and how many were replaced.
 * @example unifyRadicals('⼯作⽉报') → { text: '工作月报', count: 2 }
 */
export function unifyRadicals(text: string): { text: string; count: number } {
	let count = 0;
	const out = text.replace(RADICAL, (ch) => {
		const to = TABLE.get(ch);
		if (to === undefined) return ch;
		count++;
		return to;
	});
	return { text: out, count };
}
