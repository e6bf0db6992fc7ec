/**
 * Is a decoded string plausible text, rather than mojibake of a wrong decoder?
 *
 * Counts characters by class. Real compilations are mostly Han characters with CJK
 * punctuation; a wrong decoder (Big5 read as GB18030, UTF-8 read as GBK) yields kana, Greek,
 * Cyrillic, box drawing, private-use glyphs, replacement characters and rare Han characters.
 * A text with almost no non-ASCII characters (Latin only) is plausible: it isn’t mojibake.
 *
 * Doesn’t identify the language or the encoding; it only refuses soup.
 */

// The most frequent Han characters (simplified and traditional forms): in any running Chinese
// text they make up well over a tenth of the Han characters; in mojibake they are rare.
const COMMON = new Set(
	'的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基眼书書非则則听聽白却界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭运運笑飞飛风風步改收根干乎言许组組织織创創建型',
);

// The class of every UTF-16 code unit, in one table (a branch per character is slow): 0 ASCII,
// 1 common Han, 2 other Han, 3 soup (kana, private use, U+FFFD, Greek, Cyrillic, box drawing,
// Hangul), 4 anything else.
const CLASS = new Uint8Array(65536);
for (let cp = 0x80; cp < 65536; cp++) {
	if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) CLASS[cp] = 2;
	else if (
		(cp >= 0x3040 && cp <= 0x30ff) ||
		(cp >= 0xe000 && cp <= 0xf8ff) ||
		cp === 0xfffd ||
		(cp >= 0x0370 && cp <= 0x04ff) ||
		(cp >= 0x2500 && cp <= 0x257f) ||
		(cp >= 0xac00 && cp <= 0xd7af)
	) {
		CLASS[cp] = 3;
	} else CLASS[cp] = 4;
}
for (const ch of COMMON) CLASS[ch.charCodeAt(0)] = 1;

/** Counts of non-ASCII, Han, common Han and “soup” characters (kana, PUA, U+FFFD, Greek, …). */
function classify(text: string): Int32Array {
	const counts = new Int32Array(5);
	for (let i = 0; i < text.length; i++) counts[CLASS[text.charCodeAt(i)]!]!++;
	return counts;
}

/** The same counts over UTF-16 code units (a decoder’s output before it is a string). */
function classifyUnits(units: Uint16Array): Int32Array {
	const counts = new Int32Array(5);
	for (let i = 0; i < units.length; i++) counts[CLASS[units[i]!]!]!++;
	return counts;
}

/**
 * @param text Decoded text.
 * @returns true when the text looks like real (Chinese or Latin) text.
 */
export function isPlausibleText(text: string): boolean {
	return judge(classify(text));
}

/** `isPlausibleText` of the text these UTF-16 code units make, without making the string. */
export function isPlausibleUnits(units: Uint16Array): boolean {
	return judge(classifyUnits(units));
}

function judge(counts: Int32Array): boolean {
	const common = counts[1]!;
	const nonAscii = counts[1]! + counts[2]! + counts[3]! + counts[4]!;
	const han = common + counts[2]!;
	const soup = counts[3]!;
	if (nonAscii === 0) return true;
	if (soup / nonAscii > 0.05) return false;
	if (nonAscii < 8) return soup === 0;
	if (han / nonAscii < 0.5) return false;
	return han < 40 || common / han >= 0.08;
}

/** Index of the first “soup” character (kana, private use, U+FFFD, …) of `text`, or -1. */
export function firstImplausible(text: string): number {
	for (let i = 0; i < text.length; i++) if (CLASS[text.charCodeAt(i)] === 3) return i;
	return -1;
}

/**
 * Share of kana (hiragana U+3041–U+309F, full-width katakana U+30A0–U+30FF) among the non-ASCII
 * characters of `text`: Japanese prose is a third to a half kana, Chinese text none (half-width
 * katakana, which a wrong Shift_JIS reading of GBK makes, are not counted).
 */
export function kanaShare(text: string): { kana: number; nonAscii: number } {
	let kana = 0;
	let nonAscii = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) continue;
		nonAscii++;
		if (c >= 0x3041 && c <= 0x30ff && c !== 0x30fb) kana++;
	}
	return { kana, nonAscii };
}

/**
 * Hangul syllables (U+AC00–U+D7A3) among the non-ASCII characters of `text`, and the spaces
 * between two of them (Korean separates words with spaces; Chinese does not).
 */
export function hangulShare(text: string): {
	hangul: number;
	nonAscii: number;
	wordSpaces: number;
} {
	let hangul = 0;
	let nonAscii = 0;
	let wordSpaces = 0;
	const isHangul = (c: number) => c >= 0xac00 && c <= 0xd7a3;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x20 && isHangul(text.charCodeAt(i - 1)) && isHangul(text.charCodeAt(i + 1)))
			wordSpaces++;
		if (c < 0x80) continue;
		nonAscii++;
		if (isHangul(c)) hangul++;
	}
	return { hangul, nonAscii, wordSpaces };
}
