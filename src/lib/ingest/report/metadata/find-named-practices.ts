/**
 * Find the named programmes a report describes, as printed: `“五子行动”`, `“3个8”学习制度`,
 * `“十个一”`, `“四个一”活动`, `“青春大讲堂”`.
 */
import type { IngestBlock } from '../../types.ts';
import { HAN_CLASS } from '../../../text/han.ts';

// Words that make a quoted name a programme, when they follow it (`“四个一”活动`) or end it
// (`“五子行动”`). Grammar of programme names, not vocabulary: the site owner does not edit it.
const PROGRAMME = [
	'学习制度',
	'制度',
	'活动',
	'行动',
	'工程',
	'机制',
	'模式',
	'载体',
	'计划',
	'大讲堂',
	'讲堂',
	'课堂',
	'论坛',
	'沙龙',
	'平台',
	'品牌',
	'工作法',
	'竞赛',
	'读书月',
	'读书节',
	'学习日',
	'学习月',
	'讲座',
	'大讨论',
	'主题讨论',
	'工作室',
	'书屋',
	'夜校',
	'超市',
	'学习法',
	'教学法',
	'项目',
	'系列',
	'评选',
	'评比',
];
const PROGRAMME_SORTED = [...PROGRAMME].sort((a, b) => b.length - a.length);
// The same, by first character (longest first within each), so that a position is tested only
// against the words that can start there.
const PROGRAMME_BY_FIRST = byChar(PROGRAMME_SORTED, (w) => w[0]!);
// Words that end a programme's own name (`“五子行动”`, `“科技沙龙”`); `模式` is left out because
// `“心智模式”` is a concept.
const ENDING = [
	'行动',
	'工程',
	'活动',
	'讲堂',
	'课堂',
	'论坛',
	'沙龙',
	'读书月',
	'读书节',
	'学习节',
	'学习日',
	'学习月',
	'大讨论',
	'工作法',
	'学习法',
	'超市',
	'书屋',
	'夜校',
	'计划',
	'竞赛',
	'学堂',
];
const ENDING_BY_LAST = byChar(ENDING, (w) => w[w.length - 1]!);

/** Words grouped by one of their characters, each group in the order of `words`. */
function byChar(words: readonly string[], pick: (word: string) => string): Map<string, string[]> {
	const groups = new Map<string, string[]>();
	for (const w of words) groups.set(pick(w), [...(groups.get(pick(w)) ?? []), w]);
	return groups;
}
// `以“X”为载体`: the report names X as the vehicle of its work.
const CARRIER_AFTER = /^为(?:主要|重要|有效|基本)?(?:载体|抓手|平台|主线|突破口)/u;
// `确立“每周自学时”，即…`: the report defines the name it gives to a practice.
const DEFINED_AFTER = /^\s*[，,]?\s*即[：:]?/u;
// Function words that cannot qualify a programme word (`为载体`, `的主题讨论`).
const FUNCTION_CHAR = /[为的是作以和与及等了在到对把将被]/u;
const QUOTED = /[“"「]([^“”"「」《》\n]{1,16})[”"」]/gu;
// Any opening mark of QUOTED: a text without one holds no quoted name.
const OPENING_MARK = /[“"「]/u;
const NUMERAL = '一二三四五六七八九十两百千万\\d';
// `“十个一”`, `“3个8”`, `“五结合”`, `“两扶持”`, `“12345”`: a count, then at most four characters.
const NUMERIC_NAME = new RegExp(
	`^[${NUMERAL}]+(?:个|项|大|种|类|心|型|步|化)?[${HAN_CLASS}${NUMERAL}]{0,4}$`,
	'u',
);
const ONLY_NUMERALS = new RegExp(`^[${NUMERAL}]+$`, 'u');
// `“十六大”`, `“十七大”`: party congresses; `“三个代表”重要思想`, `…”精神`: doctrine, not a programme.
const CONGRESS = /^[一二三四五六七八九十]+大$/u;
const DOCTRINE_AFTER = /^\s*(?:重要思想|精神|报告|讲话|会议|全会|理论|要求|方针)/u;
const ACTION_BEFORE =
	/(?:开展|实施|推出|推行|依托|坚持|做到|突出|探索|建立|确立|规定|实行|落实|开辟|围绕|抓好|搞好|打造|启动|组织|举办|创办|开办|推广)(?:了|实践了)?\s*$/u;
// An unquoted programme that a section opens with: `三、开展送学上门活动，…` (a four-character
// name; generic activity words such as 学习, 教育 or 各种 are not names).
const OPENING_PROGRAMME = new RegExp(
	`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[、.．])?\\s*(?:开展|实施|推行|推出|创办|启动)([${HAN_CLASS}]{4})(活动|行动|工程)(?=[，,。；;]|$)`,
	'u',
);
const GENERIC_ACTIVITY =
	/学习|创建|建设|教育|培训|各种|各类|多种|系列|主题|专题|读书|宣传|实践|[的和与及等了]/u;
const PUNCT = /[，,。；;：:、！!？?—…\s]/u;

const HAN_ONLY = new RegExp(`^[${HAN_CLASS}]+$`, 'u');

function programmeAfter(text: string): string | null {
	// Up to four characters may qualify the programme word: `“3个8”学习制度`, `“读…”主题活动`,
	// `“三个一”读书学习活动`.
	const head = text.replace(/^\s+/u, '').slice(0, 8);
	for (let skip = 0; skip <= 4; skip++) {
		const qualifier = head.slice(0, skip);
		if (skip > 0 && (!HAN_ONLY.test(qualifier) || FUNCTION_CHAR.test(qualifier))) break;
		const word =
			head.length > skip
				? PROGRAMME_BY_FIRST.get(head[skip]!)?.find((w) => head.startsWith(w, skip))
				: undefined;
		if (word) return head.slice(0, skip + word.length);
	}
	return null;
}

/** Named practices of one text, in order, as printed. */
function practicesIn(text: string): { key: string; printed: string }[] {
	const found: { key: string; printed: string }[] = [];
	// exec on the shared global regex, not matchAll, which copies the regex on every call.
	QUOTED.lastIndex = 0;
	for (
		let m = OPENING_MARK.test(text) ? QUOTED.exec(text) : null;
		m !== null;
		m = QUOTED.exec(text)
	) {
		const name = m[1]!.trim();
		if (name === '' || PUNCT.test(name) || CONGRESS.test(name)) continue;
		const after = text.slice(m.index + m[0].length);
		if (DOCTRINE_AFTER.test(after)) continue;
		const suffix = programmeAfter(after);
		const quoted = `“${name}”`;
		if (suffix) {
			found.push({ key: name, printed: quoted + suffix });
			continue;
		}
		if (ONLY_NUMERALS.test(name)) continue;
		const endsAsProgramme =
			ENDING_BY_LAST.get(name[name.length - 1]!)?.some(
				(w) => name.endsWith(w) && name.length > w.length,
			) ?? false;
		const carrier = CARRIER_AFTER.test(after) && /以\s*$/u.test(text.slice(0, m.index));
		const actionBefore = ACTION_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index));
		const numericNamed = NUMERIC_NAME.test(name) && actionBefore;
		const defined = actionBefore && DEFINED_AFTER.test(after);
		if (endsAsProgramme || numericNamed || carrier || defined)
			found.push({ key: name, printed: quoted });
	}
	const opening = OPENING_PROGRAMME.exec(text);
	if (opening && !GENERIC_ACTIVITY.test(opening[1]!))
		found.unshift({ key: opening[1]!, printed: opening[1]! + opening[2]! });
	return found;
}

/**
 * Named programmes described in a report, in order of first appearance, each once (by the
 * quoted name; the first printed form is kept). A quoted name counts when a programme word
 * follows it (`“四个一”活动`), ends it (`“五子行动”`), or when it is a counted name
 * (`“十个一”`, `“五结合”`) introduced by an action verb (`推出`, `坚持`, `依托`), or a name the
 * report introduces and defines (`确立“每周自学时”，即…`); unquoted, only a four-character
 * programme that a section opens with (`三、开展送学上门活动，…`).
 *
 * Does NOT take plain quoted phrases (`“参谋部”`), party congresses (`“十六大”`), doctrine
 * (`“三个代表”重要思想`), slogans with punctuation, or titles in 《…》. Does NOT merge two
 * programmes of different reports: it sees one report.
 */
export function findNamedPractices(blocks: readonly IngestBlock[]): string[] {
	const seen = new Set<string>();
	const result: string[] = [];
	for (const block of blocks) {
		for (const { key, printed } of practicesIn(block.text)) {
			if (seen.has(key)) continue;
			seen.add(key);
			result.push(printed);
		}
	}
	return result;
}
