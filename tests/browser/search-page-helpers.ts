/**
 * Drive the real /search/ page in Chromium: type a query, load every result with 更多结果,
 * read the result links off the page. Shared by the search browser tests.
 */
import type { Page } from 'playwright-core';

/**
 * Wait until the page finished the search it started (body[data-search-state]); a search that
 * failed (`error`) fails at once, with what the page said.
 */
export async function waitForSearch(page: Page): Promise<void> {
	await page.waitForFunction(
		() => ['done', 'idle', 'error'].includes(document.body.dataset.searchState ?? ''),
		null,
		{ timeout: 30_000 },
	);
	if ((await page.evaluate(() => document.body.dataset.searchState)) === 'error')
		throw new Error(`the search failed: ${await page.textContent('#search-status')}`);
}

/** Record, in the page, where each pointer event of the next press lands (for a failure). */
async function recordPress(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { __press?: string[] };
		if (!w.__press)
			for (const type of ['pointerdown', 'pointerup', 'click'])
				addEventListener(
					type,
					(event) => {
						const target = event.target as Element;
						const button = document.getElementById('search-more')!.getBoundingClientRect();
						w.__press!.push(
							`${type} on ${target.tagName.toLowerCase()}#${target.id} at y ${(event as MouseEvent).clientY}, button ${Math.round(button.top)}–${Math.round(button.bottom)}`,
						);
					},
					true,
				);
		w.__press = [];
	});
}

/**
 * Click 更多结果 until it disappears. Each press must add results or hide the button (while it
 * loads, the button says 正在加载…): a press that has done neither in 30 s fails the test, with
 * what the page showed and where the press landed. No second press: a reader would see nothing
 * happen.
 */
export async function loadAllResults(page: Page): Promise<void> {
	const more = page.locator('#search-more');
	while (await more.isVisible()) {
		const before = await page.locator('#search-results > li').count();
		await recordPress(page);
		await more.click();
		const moved = await page
			.waitForFunction(
				(n) =>
					document.querySelectorAll('#search-results > li').length > n ||
					(document.getElementById('search-more') as HTMLButtonElement).hidden,
				before,
				{ timeout: 30_000 },
			)
			.then(
				() => true,
				() => false,
			);
		if (!moved) {
			const seen = await page.evaluate(() => ({
				label: document.getElementById('search-more')?.textContent?.trim(),
				busy: document.getElementById('search-results')?.getAttribute('aria-busy'),
				searchState: document.body.dataset.searchState,
				status: document.getElementById('search-status')?.textContent,
				results: document.querySelectorAll('#search-results > li').length,
				press: (window as unknown as { __press?: string[] }).__press,
			}));
			throw new Error(
				`更多结果 was pressed and added nothing in 30 s to the ${before} results shown: ${JSON.stringify(seen)}`,
			);
		}
	}
}

/** Type `query` into the search box, submit, load all results; returns the result keys. */
export async function searchFor(page: Page, siteUrl: string, query: string): Promise<string[]> {
	if (!page.url().endsWith('/search/')) await page.goto(`${siteUrl}search/`);
	await waitForSearch(page);
	await page.fill('#q', query);
	await page.evaluate(() => (document.body.dataset.searchState = 'typed'));
	await page.press('#q', 'Enter');
	await waitForSearch(page);
	await loadAllResults(page);
	return resultKeys(page);
}

/**
 * Keys of the results on the page: `report:<id>` for `/reports/<id>/`, `toc:<id>` for a TOC-only
 * entry (`/compilations/<slug>/#entry-<id>`).
 */
export async function resultKeys(page: Page): Promise<string[]> {
	const hrefs = await page
		.locator('#search-results > li h2 a')
		.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	return hrefs.map((href) => {
		const url = new URL(href);
		const report = /\/reports\/([^/]+)\/$/.exec(url.pathname);
		if (report) return `report:${report[1]}`;
		return `toc:${url.hash.slice(1).replace(/^entry-/, '')}`;
	});
}

/**
 * Open a report page and return the text a reader sees in its searchable body
 * (`[data-pagefind-body]` without what Pagefind ignores, hidden elements, scripts and styles).
 */
export async function reportBodyText(page: Page, href: string): Promise<string> {
	await page.goto(href);
	return page.evaluate(() => {
		const body = document.querySelector('[data-pagefind-body]') as HTMLElement;
		body
			.querySelectorAll('[data-pagefind-ignore], [hidden], script, style')
			.forEach((el) => el.remove());
		return body.innerText;
	});
}
