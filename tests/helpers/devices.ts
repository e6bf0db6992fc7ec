/**
 * The two screens the browser tests look at, defined once: a phone and a desktop, as Playwright
 * context options (`browser.newContext({ ...PHONE, colorScheme: 'dark' })`, or `newPage(PHONE)`).
 */
import type { BrowserContextOptions } from 'playwright-core';

/**
 * A phone: 390×844 CSS px (an iPhone 12–14), a touch screen, the page's `<meta name=viewport>`
 * honoured (`isMobile`), two device pixels per CSS px.
 */
export const PHONE = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2,
} as const satisfies BrowserContextOptions;

/** A desktop: 1280×800 CSS px, mouse only. */
export const DESKTOP = {
	viewport: { width: 1280, height: 800 },
} as const satisfies BrowserContextOptions;

/** Both, by name, for tests run on each (`for (const [name, device] of Object.entries(DEVICES))`). */
export const DEVICES = { phone: PHONE, desktop: DESKTOP } as const;
