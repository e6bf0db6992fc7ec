/**
 * Copy a link to the clipboard: the page (the report head's “复制本文链接”) or one block (its
 * ¶ anchor, see ParagraphAnchors.astro). The address is the canonical URL when the site has one
 * (`<link rel="canonical">`, with `--site`), else the address bar's, without any `#…` or `?hl=`
 * highlight; a block's link adds `#<its id>`. The outcome is announced in the head's status line.
 *
 * Doesn’t do anything without `navigator.clipboard` (an insecure origin): the button stays hidden
 * and a ¶ anchor stays a plain link.
 */
const status = document.querySelector<HTMLElement>('[data-copy-link-status]');

function pageAddress(): string {
	const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
	return canonical ?? `${location.origin}${location.pathname}`;
}

async function copy(text: string, what: string): Promise<void> {
	try {
		await navigator.clipboard.writeText(text);
		if (status) status.textContent = `已复制${what}`;
	} catch {
		if (status) status.textContent = '复制失败，请从地址栏复制';
	}
}

if (navigator.clipboard) {
	const button = document.querySelector<HTMLButtonElement>('.copy-link-button');
	if (button) {
		button.hidden = false;
		button.addEventListener('click', () => copy(pageAddress(), '本文链接'));
	}
	// ¶ anchors are added after this module runs (ParagraphAnchors), so listen on the body text.
	document.querySelector('.report-main')?.addEventListener('click', (event) => {
		const anchor = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.block-anchor');
		if (!anchor) return;
		void copy(`${pageAddress()}${anchor.hash}`, anchor.getAttribute('aria-label') ?? '链接');
	});
}

// A module: its names stay out of the global scope (the bundler loads it once per page).
export {};
