/**
 * Units (INGEST-SPEC §2): recognise a line that names an organisation, and take the unit out
 * of a subtitle (`——延庆县农经站创建学习型机关自评报告` → `延庆县农经站`) or a report-type title
 * (`延庆县人民检察院创建学习型机关自查报告` → `延庆县人民检察院`).
 *
 * Doesn’t invent: anonymised names (`***街道工委`, `XX村`) are kept verbatim and flagged, and a
 * generic word (`街道`, `办事处`) alone is not a unit.
 */

// Structural endings of organisation names; the vocabulary's unit words are added to these.
const BASE_ORG_WORDS = [
	'局', '委', '办', '站', '中心', '部', '院', '所', '队', '处', '厅', '署', '社', '馆', '校', '园',
	'会', '组', '室', '街道', '办事处', '社区', '村', '镇', '乡', '县', '区', '市', '公司', '集团',
	'厂', '党委', '工委', '党组', '支部', '党总支', '协会', '学会', '中学', '小学', '医院', '政府',
];
const GENERIC = /^(?:我|本)?(?:街道|办事处|街道办事处|企业|学校|单位|机关|社区|乡镇|村|医院|组织|党组织|公司)+$/;
const ANONYMISED = /\*{2,}|[XxＸ]{2,}|×{2,}|某/;

/** True when the unit name is anonymised in the source (`***`, `XX`). */
export function isAnonymised(unit: string): boolean {
	return ANONYMISED.test(unit);
}

/** Split a joint unit into its parts (`城镇工委 城镇办事处` → two parts). */
export function unitPartsOf(unit: string): string[] {
	return unit.split(/[ \u3000、]+/).filter((p) => p.length > 0);
}

/** Is this word list ending matched by `text`? */
function endsWithOrgWord(text: string, words: readonly string[]): boolean {
	if (/(?:社会|机会|大会|体会|工作|组织)$/.test(text)) return false;
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
	return parts.length <= 4 && parts.every((p) => !GENERIC.test(p) && p.length >= 2 && endsWithOrgWord(p, extraWords));
}

/** The name part of a subtitle or report-type title, before `创建/建设…学习型…` or `关于`. */
export function unitFromHeadline(text: string): string | null {
	const t = text.trim().replace(/^(?:—{1,2}|－{1,2}|-{1,2})\s*/, '');
	const m = /^(.+?)(?:(?:积极|深入)?(?:创建|建设|争创|开展|推进|打造)|关于)?学习型/.exec(t) ?? /^(.+?)关于/.exec(t);
	if (!m) return null;
	const name = m[1]!.trim();
	if (name.length < 2 || GENERIC.test(name.replace(/[ \u3000]/g, ''))) return null;
	if (/[，,。；;：:“”"《》]/.test(name)) return null;
	if (/^(?:创建|建设|争创|开展|推进|打造|努力|全力|着力|积极|深入)|(?:创建|建设|争创|开展|推进|打造)$/.test(name)) return null;
	return name;
}
