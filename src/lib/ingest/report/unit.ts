/**
 * Units (docs/ingest-spec.md §2): recognise a line that names an organisation, and take the unit out
 * of a subtitle (`——延庆县农经站创建学习型机关自评报告` → `延庆县农经站`) or a report-type title
 * (`延庆县人民检察院创建学习型机关自查报告` → `延庆县人民检察院`).
 *
 * Doesn’t invent: anonymised names (`***街道工委`, `XX村`) are kept verbatim and flagged, and a
 * generic word (`街道`, `办事处`) alone is not a unit.
 */
import { isLetterSpaced } from '../lines/spaces.ts';
import { HAN_CLASS } from '../../text/han.ts';

// Structural endings of organisation names; the vocabulary's unit words are added to these.
const BASE_ORG_WORDS = [
	'局',
	'委',
	'办',
	'站',
	'中心',
	'部',
	'院',
	'所',
	'队',
	'处',
	'厅',
	'署',
	'社',
	'馆',
	'校',
	'园',
	'会',
	'组',
	'室',
	'街道',
	'办事处',
	'社区',
	'村',
	'镇',
	'乡',
	'县',
	'区',
	'市',
	'公司',
	'集团',
	'厂',
	'党委',
	'工委',
	'党组',
	'支部',
	'党总支',
	'协会',
	'学会',
	'中学',
	'小学',
	'医院',
	'政府',
	// Banks, mines, workshops and teams, offices (`…支行`, `…一矿`, `…车间`, `…班组`, `…科`).
	'银行',
	'支行',
	'分行',
	'矿',
	'车间',
	'班组',
	'班',
	'科',
	'股',
	'场',
	'台',
	'店',
	'庭',
	'团',
	'联',
	'宫',
	'连',
	'营',
	'基地',
	'机构',
	'工地',
];
const GENERIC =
	/^(?:我|本)?(?:街道|办事处|街道办事处|企业|学校|单位|机关|社区|乡镇|村|医院|组织|党组织|公司)+$/;
const ANONYMISED = /\*{2,}|[XxＸ]{2,}|×{2,}|某/;

/** True when the unit name is anonymised in the source (`***`, `XX`). */
export function isAnonymised(unit: string): boolean {
	return ANONYMISED.test(unit);
}

/** Split a joint unit into its parts (`城镇工委 城镇办事处` → two parts). */
export function unitPartsOf(unit: string): string[] {
	return unit.split(/[ \u3000、]+/).filter((p) => p.length > 0);
}

/** A township named `…城乡` (`白城乡`, `平川县南城乡`): one character, then `城乡`. */
const TOWNSHIP_CITY = new RegExp(`(?:^|[县市区旗])[${HAN_CLASS}]城乡$`, 'u');

/** Is this word list ending matched by `text`? */
function endsWithOrgWord(text: string, words: readonly string[]): boolean {
	if (/(?:社会|机会|大会|体会|工作|组织|家乡|故乡|下乡)$/.test(text)) return false;
	// `城乡` is the word of `统筹城乡`, except in a township's name (`白城乡`, `平川县南城乡`).
	if (/城乡$/u.test(text) && !TOWNSHIP_CITY.test(text)) return false;
	// A school by its number (`延庆一中`, `延庆四小`, `十一中`) or as an annex (`附中`, `附小`).
	if (/(?:[一二三四五六七八九十]|附)[中小]$/.test(text)) return true;
	return words.some((w) => text.endsWith(w)) || BASE_ORG_WORDS.some((w) => text.endsWith(w));
}

/**
 * A line that is only an organisation name (a byline or a sign-off unit): short, without
 * sentence punctuation, every space-separated part ending with an organisation word.
 * @param extraWords Unit words from the vocabulary.
 */
export function isUnitLine(text: string, extraWords: readonly string[] = []): boolean {
	const t = text.trim();
	if (t.length === 0 || t.length > 40 || /[，,。；;：:！？!?“”"《》]/.test(t)) return false;
	if (/^(?:—|-|\d|[一二三四五六七八九十]+、|[（(])/.test(t)) return false;
	const parts = unitPartsOf(t);
	return (
		parts.length <= 4 &&
		parts.every((p) => !GENERIC.test(p) && p.length >= 2 && endsWithOrgWord(p, extraWords))
	);
}

const VERB = '(?:创建|建设|争创|开展|推进|打造|构建|深化|加强|实施)';
// Words after which a headline stops naming its writer: a building verb, 关于, a year, a period,
// the report's own subject (`学习型…`, `学习…`, `工作…`), or the type word itself.
const HEADLINE_BOUNDARY = new RegExp(
	`(?:(?:积极|深入|全面|大力|扎实|认真)?${VERB}|关于|学习|工作|[0-9０-９〇○零一二三四五六七八九]{4}\\s*年|上半年|下半年|年度|的|自评|自查|经验|情况|总结|汇报|报告|材料|方案|规划)`,
	'gu',
);
const NOT_A_WRITER =
	/^(?:在|记|浅谈|浅析|论|试论|关于|对|从|以|让|用|把|为|向|和|与|—|我|本(?:单位|局|院|校|部|处|所|站|会))/u;

function cleanName(name: string): string | null {
	// Words that join a name to what follows (`X关于…`, `X积极创建…`) are not part of it.
	const t = name.trim().replace(/(?:关于|的|积极|深入|全面|大力|扎实|认真)+$/u, '');
	if (t.length < 2 || GENERIC.test(t.replace(/[ \u3000]/g, ''))) return null;
	if (/[，,。；;：:“”"《》]/.test(t)) return null;
	if (
		/^(?:创建|建设|争创|开展|推进|打造|努力|全力|着力|积极|深入)|(?:创建|建设|争创|开展|推进|打造)$/.test(
			t,
		)
	)
		return null;
	return t;
}

// Words that open what a writer does (`X党支部在全县创建…`, `X中学率先创建…`): an organisation
// name is never cut by them, so a name read up to the verb ends before them.
const STRONG_LINK =
	/在|率先|通过|依托|围绕|坚持|着力|立足|借助|注重|不断|努力|全力|始终|一直|多年来|近年来|以来/gu;
// One-character links that can also be inside a name (`清河县为民服务中心`, `和平街道`): a cut
// there only when the text read does not end as a name, or a scope (`为全县`) follows.
const WEAK_LINK = /[以为和与同把将用从向对让]/gu;
const SCOPE = /^(?:全(?:县|区|市|省|镇|乡|街|系统|局|校|行业)|辖区|基层|本(?:地|系统|单位))/u;

/** How a headline's writer was read: a unit, or none and the text that looked like one. */
export interface HeadlineUnit {
	unit: string | null;
	/** Text before a building verb that goes on past an organisation name, or where no name ends. */
	unclear: string | null;
}

/**
 * End a name read up to the verb where the organisation's name ends: `清河县水务局党支部在全县` →
 * `清河县水务局党支部`. A link word (`在`, `率先`, `以…`) with no organisation name before it
 * (`大家在全县`) leaves the name unclear; text without a link word is kept as read.
 */
function endsAsName(name: string, unitWords: readonly string[]): boolean {
	return unitPartsOf(name).every((p) => endsWithOrgWord(p, unitWords));
}

function endAtName(name: string, unitWords: readonly string[]): HeadlineUnit {
	const whole = endsAsName(name, unitWords);
	const links = [
		...[...name.matchAll(STRONG_LINK)].map((m) => ({ at: m.index, strong: true })),
		...[...name.matchAll(WEAK_LINK)].map((m) => ({ at: m.index, strong: false })),
	].sort((a, b) => a.at - b.at);
	for (const { at, strong } of links) {
		if (at === 0) continue;
		const rest = name.slice(at + 1);
		if (!strong && whole && !SCOPE.test(rest)) continue;
		const before = cleanName(name.slice(0, at));
		if (before && endsAsName(before, unitWords)) return { unit: before, unclear: null };
		return { unit: null, unclear: name };
	}
	// No link word: the text read is the name only when it ends as one (not `大家一起`).
	return whole ? { unit: name, unclear: null } : { unit: null, unclear: name };
}

/**
 * The name part of a subtitle or report-type title: `——延庆县农经站创建学习型机关自评报告` →
 * `延庆县农经站`, `——城镇工委 城镇办事处创建学习型机关自评报告` → both parts,
 * `——延庆县水务局党组关于…的汇报` → `延庆县水务局党组`.
 *
 * With `unitWords`, also a headline without `学习型` or `关于`
 * (`——延庆县水务局2010年上半年工作总结`, `——清河县妇联开展创建学习型家庭活动情况汇报`): the
 * shortest prefix that ends in an organisation word and is followed by a boundary word (a verb,
 * a year, `工作`, the type word). A headline that opens with a preposition (`——在全县…会上的发言`)
 * names no writer. The name ends where the organisation's does (`——X党支部在全县创建…` →
 * `X党支部`); when no organisation name ends before the words that follow it, there is no unit and
 * `unclear` holds the text read. Never completes a name.
 */
function readHeadlineUnit(text: string, unitWords?: readonly string[]): HeadlineUnit {
	const none: HeadlineUnit = { unit: null, unclear: null };
	const t = text.trim().replace(/^(?:—{1,2}|－{1,2}|-{1,2})\s*/, '');
	if (NOT_A_WRITER.test(t)) return none;
	const words = unitWords ?? [];
	const m =
		/^(.+?)(?:(?:积极|深入)?(?:创建|建设|争创|开展|推进|打造)|关于)?学习型/.exec(t) ??
		/^(.+?)关于/.exec(t);
	const direct = m ? cleanName(m[1]!) : null;
	// `学习型` inside the name (`X学习型组织研究会创建学习型…`): the name runs to the verb before
	// a later `学习型` when what it reads there ends as an organisation's name.
	const verbed = /^(.+?)(?:(?:积极|深入)?(?:创建|建设|争创|开展|推进|打造))+学习型/u.exec(t);
	const longer = verbed ? cleanName(verbed[1]!) : null;
	if (direct && longer && longer !== direct) {
		const read = endAtName(longer, words);
		if (read.unit && endsAsName(read.unit, words)) return read;
	}
	if (direct) return endAtName(direct, words);
	if (!unitWords) return none;
	// A "subtitle" that is only the writer's name (`——延庆县水务局`).
	if (isUnitLine(unitText(t), unitWords)) return endAtName(unitText(t), words);
	for (const b of t.matchAll(HEADLINE_BOUNDARY)) {
		const name = cleanName(t.slice(0, b.index));
		if (!name) continue;
		const read = endAtName(name, words);
		if (read.unit && endsAsName(read.unit, unitWords)) return read;
		// Text that ends like a name was read as one here (`大家在全县`), not `读书在机关中`.
		if (read.unclear && endsAsName(name, unitWords)) return read;
	}
	return none;
}

/** The unit of a subtitle or report-type title (see `readHeadlineUnit`), or null. */
export function unitFromHeadline(text: string, unitWords?: readonly string[]): string | null {
	return readHeadlineUnit(text, unitWords).unit;
}

/**
 * The unit of a subtitle, read from the subtitle as printed (`raw`) so that the space between
 * two parts of a joint unit survives (`——中共XX工委 XX办事处创建…`: the space next to `XX` is
 * gone once spaces are normalised), and from the normalised subtitle otherwise. Spaces are kept
 * only where every part is an organisation name.
 */
export function readSubtitleUnit(
	raw: string,
	normalised: string,
	unitWords: readonly string[] = [],
): HeadlineUnit {
	const fromRaw = unitFromHeadline(raw.replace(/[ \u3000]+/g, ' '), unitWords);
	const parts = fromRaw ? unitPartsOf(fromRaw) : [];
	if (
		parts.length > 1 &&
		parts.every((p) => p.length >= 2 && !GENERIC.test(p) && endsWithOrgWord(p, unitWords))
	)
		return { unit: parts.join(' '), unclear: null };
	return readHeadlineUnit(normalised, unitWords);
}

/** The unit of a subtitle (see `readSubtitleUnit`), or null. */
export function unitFromSubtitle(
	raw: string,
	normalised: string,
	unitWords: readonly string[] = [],
): string | null {
	return readSubtitleUnit(raw, normalised, unitWords).unit;
}

/** `延 庆 县 水 务 局` → `延庆县水务局`; any other text trimmed. */
export function collapseLetterSpacing(text: string): string {
	const t = text.trim();
	return isLetterSpaced(t) ? t.replace(/[ \u3000]+/g, '') : t;
}

/**
 * The name on a unit line without its frame: enclosing brackets (`（中共延庆县委组织部）`), a
 * label (`报送单位：X`), a seal or contribution note (`X（盖章）`, `X供稿`), letter-spacing.
 * Doesn't judge whether what is left is a unit (see `isUnitLine`).
 */
export function unitText(line: string): string {
	let t = collapseLetterSpacing(line);
	t = t.replace(/^(?:报送|申报|填报|撰稿|供稿|编写|起草)?单位\s*[:：]\s*/u, '');
	t = t.replace(/\s*[（(【〔\[]\s*(?:盖章|公章|章|签章|印章|印)\s*[）)】〕\]]$/u, '');
	t = t.replace(/\s*(?:供稿|撰稿|报送|提供)$/u, '');
	const framed = /^[（(【〔\[]([^（）()【】〔〕\[\]]+)[）)】〕\]]$/u.exec(t);
	return collapseLetterSpacing(framed ? framed[1]! : t);
}

// Words of a slogan title, never of an organisation's name.
const SLOGAN =
	/学习型|创建|打造|推进|促进|提升|提高|加强|强化|构建|争创|努力|全力|开创|实现|推动|助力|深化|营造|坚持|凝聚/u;

/**
 * Two lines that are one unit name wrapped by the layout (`北京德青源农业科技股份有限公司延庆` ⏎
 * `养殖基地`): the first is no unit line by itself, the two joined are one, and neither holds a
 * slogan word. Returns the joined name, or null.
 */
export function joinWrappedUnit(
	first: string,
	second: string,
	extraWords: readonly string[] = [],
): string | null {
	const a = unitText(first);
	const b = unitText(second);
	if (
		a.length < 4 ||
		b.length === 0 ||
		/^[—\-－]/.test(b) ||
		isUnitLine(a, extraWords) ||
		SLOGAN.test(a + b)
	)
		return null;
	const joined = a + b;
	return isUnitLine(joined, extraWords) ? joined : null;
}

/**
 * The unit printed on consecutive lines (a byline or a sign-off): each line a unit or the two
 * halves of a wrapped one; the parts of a joint unit (one per line or space-separated) are
 * joined by one space. Returns null when the first line starts no unit.
 * @returns The unit and how many lines it took.
 */
export function unitOfLines(
	lines: readonly string[],
	extraWords: readonly string[] = [],
	max = 4,
): { unit: string; lines: number } | null {
	const parts: string[] = [];
	let k = 0;
	while (k < lines.length && parts.length < max) {
		const line = unitText(lines[k]!);
		if (isUnitLine(line, extraWords)) {
			parts.push(line);
			k++;
			continue;
		}
		const wrapped =
			k + 1 < lines.length ? joinWrappedUnit(lines[k]!, lines[k + 1]!, extraWords) : null;
		if (!wrapped) break;
		parts.push(wrapped);
		k += 2;
	}
	return parts.length > 0 ? { unit: parts.join(' '), lines: k } : null;
}
