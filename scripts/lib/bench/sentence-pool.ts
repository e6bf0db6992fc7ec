/**
 * Split sample compilation texts into reusable body sentences for the synthetic corpus.
 *
 * Keeps sentences that read as running text (ending in 。！？, 12–160 characters, mostly CJK)
 * and drops what could be mistaken for structure when recombined: heading numbering at the
 * start (`一、`, `（一）`, `1.`), subtitle dashes, TOC leaders and page numbers, dates-only lines.
 * Doesn’t read files: the caller passes the texts.
 */
const sentenceEnd = /(?<=[。！？])/u;
const structural =
	/^(?:[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十\d]+[篇部章节]|——|—|-|◆|作者|执笔)/u;
const noise =
	/……|…|\t|\s{2,}|[<>{}#*_`|\\[\]]|[\uE000-\uF8FF]|版权|投稿|上一篇|下一篇|20xx|\*\*\*|XX/u;
const cjk = /\p{Script=Han}/gu;

/**
 * @param texts Raw sample texts (any line ends).
 * @returns Unique sentences in first-seen order, each trimmed, including its end mark.
 */
export function sentencePool(texts: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const text of texts) {
		for (const rawLine of text.split(/\r\n?|\n/)) {
			const line = rawLine.trim();
			if (line.length < 20) continue;
			for (const piece of line.split(sentenceEnd)) {
				const sentence = piece.trim();
				if (sentence.length < 12 || sentence.length > 160) continue;
				if (!/[。！？]$/u.test(sentence) || structural.test(sentence) || noise.test(sentence))
					continue;
				if ((sentence.match(cjk)?.length ?? 0) < sentence.length * 0.7) continue;
				if (seen.has(sentence)) continue;
				seen.add(sentence);
				out.push(sentence);
			}
		}
	}
	return out;
}
