/**
 * The unit a report names as itself in its own text, when nothing printed around the title or
 * at the sign-off names it (docs/ingest-spec.md §2: never invent).
 *
 * Three kinds of self-reference are read, and nothing else:
 * - in the opening paragraphs: the body that decides, `经县文化委员会党组研究决定，…`,
 *   `…，兴谷街道工委决定在全街道…` (a bare `经街道党工委研究` names no one: rejected below);
 * - anywhere: a plan that sets up its own leading group or programme,
 *   `成立市科信局创建学习型党组织…领导小组`, `决定建立新城街道学习型党组织创建领导小组`,
 *   `制定市科信局创建学习型党组织…实施方案` → the name between the verb and `(创建|建设)学习型`;
 * - in the opening or closing paragraphs: the subject of a sentence that opens with a time
 *   phrase (`近年来，区委办公室结合工作实际…`) or that reports the unit's own resolve
 *   (`XX街道党工委高度重视…`).
 *
 * The name must end in an organisation word (the vocabulary's unit words) and must not be a
 * generic collective (`全区`, `各单位`, `党中央`, `街道党工委` with no proper name). Returns null
 * otherwise. Does NOT look at titles, bylines or sign-offs (the caller tries those first).
 */
import type { IngestBlock } from '../types.ts';
import { HAN_CLASS } from '../../text/han.ts';

const HAN = `[${HAN_CLASS}]`;
// `制定/成立/建立 X 创建学习型…` and `X 学习型…创建领导小组`.
const PLAN = new RegExp(
	`(?:制定|制订|成立|建立|组建|出台)了?(${HAN}{2,14}?)(?:创建|建设|争创)?学习型`,
	'gu',
);
// `近年来，X…` at the start of a sentence.
const SINCE = new RegExp(
	`(?:^|[。！？；])\\s*(?:近年来|近几年来|近两年来|多年来|几年来|今年以来|去年以来|自.{1,12}以来)[，,]\\s*(${HAN}{2,16})`,
	'gu',
);
// `X高度重视…` / `X党委高度重视…` at the start of a sentence.
const RESOLVE = new RegExp(`(?:^|[。！？；])\\s*(${HAN}{2,14}?)(?:始终|一直|历来)?高度重视`, 'gu');
// The body that decides: `经X研究决定`, `经X党组研究，决定…`, `经X集体讨论`, and `，X决定在…` /
// `X研究决定…` at the start of a clause.
const ISSUER = new RegExp(
	`经(${HAN}{2,16}?)(?:集体|会议)?(?:研究|讨论|审议|审定)|(?:^|[。！？；，,])\\s*(?!经)(${HAN}{2,14}?)(?:研究)?决定(?:在|对|于|将|：|:|，|,|成立|开展|建立|实施)`,
	'gu',
);
// Words that open a predicate: the subject of a sentence ends before them.
const PREDICATE =
	/决定|研究|高度|积极|认真|深入|按照|结合|坚持|紧紧|始终|不断|大力|围绕|通过|针对|在|把|将|对|从/u;
// Collectives, superiors and pronouns: never the report's own name.
const GENERIC_START =
	/^(?:全|各|我|本|该|其|这|此|每|广大|有关|相关|上级|党中央|中央|国家|国务院)/u;
const SUPERIOR = /^(?:[省市区县]委|[省市区县]政府|[省市区县]委[省市区县]政府)$/u;
// A bare organisation kind without a proper name (`街道党工委`, `机关党委`).
const KIND_ONLY =
	/^(?:街道|社区|乡镇|机关|单位|学校|企业|公司|部门|科室|支部|党组|办事处|基层)+(?:党工委|党委|工委|党组|党支部|党总支|支部|办事处|办公室)?$/u;

/** The longest prefix of `text` that ends in a unit word (at most `max` characters), or null. */
function unitPrefix(text: string, unitWords: readonly string[], max: number): string | null {
	for (let end = Math.min(text.length, max); end >= 2; end--) {
		const name = text.slice(0, end);
		if (unitWords.some((w) => name.endsWith(w))) return name;
	}
	return null;
}

function acceptable(name: string | null, unitWords: readonly string[]): name is string {
	if (!name || name.length < 2) return false;
	if (
		GENERIC_START.test(name) ||
		SUPERIOR.test(name) ||
		KIND_ONLY.test(name) ||
		/各级|所属|下属/u.test(name)
	)
		return false;
	// The name must be more than the bare unit word (`局`, `办公室`).
	return unitWords.some((w) => name.endsWith(w) && name.length > w.length);
}

export interface BodyUnit {
	unit: string;
	/** 1-based source line of the paragraph the name was read from. */
	line: number;
}

/**
 * @param blocks The report's cleaned body.
 * @param unitWords Organisation words from the vocabulary (all categories).
 */
export function unitFromBody(
	blocks: readonly IngestBlock[],
	unitWords: readonly string[],
): BodyUnit | null {
	const paragraphs = blocks.filter((b) => b.type === 'paragraph');
	const edges = [...paragraphs.slice(0, 2), ...paragraphs.slice(-1)];
	for (const block of edges.slice(0, 2)) {
		for (const m of block.text.includes('经') || block.text.includes('决定')
			? block.text.matchAll(ISSUER)
			: []) {
			const name = m[1] ?? m[2]!;
			if (acceptable(name, unitWords)) return { unit: name, line: block.line };
		}
	}
	for (const block of blocks) {
		if (!block.text.includes('学习型')) continue;
		for (const m of block.text.matchAll(PLAN)) {
			const name = m[1]!;
			if (acceptable(name, unitWords)) return { unit: name, line: block.line };
		}
	}
	for (const block of edges) {
		for (const m of block.text.includes('来') ? block.text.matchAll(SINCE) : []) {
			// The subject ends where its predicate starts (`县委决定在全县…` is 县委, a superior).
			const name = unitPrefix(m[1]!.split(PREDICATE)[0]!, unitWords, 12);
			if (acceptable(name, unitWords)) return { unit: name, line: block.line };
		}
		for (const m of block.text.includes('高度重视') ? block.text.matchAll(RESOLVE) : []) {
			const name = m[1]!;
			if (acceptable(name, unitWords)) return { unit: name, line: block.line };
		}
	}
	return null;
}
