import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/**
 * Serve a built site on loopback and launch Chromium for one describe block: registers the
 * beforeAll/afterAll hooks and returns an object whose `server` and `browser` are set once
 * they run. Call it inside `describe.skipIf(!browserAvailable)(…)`.
 */
export function useServedSite(dir: string): { server: StaticServer; browser: Browser } {
	const served = {} as { server: StaticServer; browser: Browser };
	beforeAll(async () => {
		served.server = await serveStatic(dir);
		served.browser = await launchBrowser();
	});
	afterAll(async () => {
		await served.browser?.close();
		await served.server?.close();
	});
	return served;
}
