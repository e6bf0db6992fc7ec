/**
 * Web boilerplate and journal residue (docs/ingest-spec.md §6.7): lines that are not a report’s text.
 *
 * - boilerplate: `版权声明 我要投稿`, `上一篇:…下一篇:…`, `返回顶部`, share and print links;
 * - journal residue: `(责任编辑古东)` and the English apparatus printed after it (title,
 *   author, affiliation, key words: lines without any Han character).
 *
 * Doesn’t drop anything by itself: the caller logs each line under its named repair.
 */
import { isLatinOnly } from './line-kinds.ts';

const BOILERPLATE =
	/版权声明|我要投稿|上一篇[:：]|下一篇[:：]|返回(?:顶部|首页|列表)|打印本页|关闭窗口|分享到[:：]?|扫一扫|点击数[:：]|浏览次数[:：]|字号[:：]/;
const EDITOR_NOTE = /^[（(]\s*责任编辑[:：]?[^）)]{0,20}[）)]$/;

/** A line of web page chrome. */
export function isBoilerplateLine(text: string): boolean {
	const t = text.trim();
	return t.length <= 120 && BOILERPLATE.test(t);
}

/** A journal’s editor note `(责任编辑…)`. */
export function isEditorNote(text: string): boolean {
	return EDITOR_NOTE.test(text.trim());
}

/** A line of the English apparatus that follows an editor note. */
export function isForeignApparatus(text: string): boolean {
	return isLatinOnly(text);
}
