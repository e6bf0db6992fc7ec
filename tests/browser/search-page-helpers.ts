/**
 * Drive the real /search/ page in Chromium: type a query, load every result with 更多结果,
 * read the result links off the page. Shared by the search browser tests.
 */
import type { Page } from 'playwright-core';

/** Wait until the page finished the search it started (body[data-search-state]). */
export async function waitForSearch(page: Page): Promise<void> {
	await page.waitForFunction(
		() => ['done', 'idle'].includes(document.body.dataset.searchState ?? ''),
		null,
		{ timeout: 30_000 },
	);
}

/**
 * Click 更多结果 until it disappears. Each press must add results or hide the button. A press
 * that does neither within 10 s is pressed again, at most twice: in a few full-suite runs (never
 * alone) one press in hundreds added nothing, cause not yet found (see issue 15's closing note).
 * Three presses in a row that add nothing fail the test.
 */
export async function loadAllResults(page: Page): Promise<void> {
	const more = page.locator('#search-more');
	while (await more.isVisible()) {
		const before = await page.locator('#search-results > li').count();
		let moved = false;
		for (let press = 0; press < 3 && !moved; press++) {
			await more.click();
			moved = await page
				.waitForFunction(
					(n) =>
						document.querySelectorAll('#search-results > li').length > n ||
						(document.getElementById('search-more') as HTMLButtonElement).hidden,
					before,
					{ timeout: 10_000 },
				)
				.then(
					() => true,
					() => false,
				);
		}
		if (!moved)
			throw new Error(
				`更多结果 was pressed 3 times and added nothing to the ${before} results shown`,
			);
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
