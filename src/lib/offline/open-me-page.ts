/**
 * `打开我.html`, the file at the root of the offline zip: what the archive is, how to open it
 * (unzip first: a browser opening a page inside the archive can't read the site's other files),
 * and the link into the site's folder.
 *
 * Doesn’t redirect by itself: opened from inside the archive the redirect would fail, and the
 * reader would miss the one sentence that says to unzip first.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { relativePath } from './relative-url.ts';

export interface OpenMeOptions {
	/** The site's title. */
	title: string;
	/** Path of the site's folder inside the archive: `huibian`. */
	siteFolder: string;
}

const el = (
	tagName: string,
	properties: Element['properties'],
	...children: (ElementContent | string)[]
): Element => ({
	type: 'element',
	tagName,
	properties,
	children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
});

/** The page as a hast tree. */
function openMeTree(options: OpenMeOptions): Root {
	const home = relativePath('打开我.html', `${options.siteFolder}/index.html`);
	return {
		type: 'root',
		children: [
			{ type: 'doctype' },
			el(
				'html',
				{ lang: 'zh-CN' },
				el(
					'head',
					{},
					el('meta', { charSet: 'utf-8' }),
					el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
					el('title', {}, `打开我 · ${options.title}（离线版）`),
				),
				el(
					'body',
					{},
					el('h1', {}, `${options.title}（离线版）`),
					el(
						'p',
						{},
						el('a', { href: home }, '打开知识库'),
						`（即文件夹 ${options.siteFolder} 里的 index.html）`,
					),
					el(
						'p',
						{},
						'请先把整个压缩包解压到电脑或 U 盘上，再双击本文件：在压缩包里直接打开时，浏览器读不到其他文件。',
					),
					el(
						'p',
						{},
						'离线版不需要联网，也不需要安装任何软件：浏览、分类索引和全文检索都在浏览器里运行（Chrome、Edge、Firefox）。',
					),
				),
			),
		],
	};
}

/** The page as HTML text. */
export function openMeHtml(options: OpenMeOptions): string {
	return unified().use(rehypeStringify).stringify(openMeTree(options));
}
