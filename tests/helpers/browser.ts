/**
 * Debian's Chromium driven by playwright-core. Under CI (CI=true) a missing browser is a
 * failure; elsewhere browser suites are reported as SKIPPED with the reason printed.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(chromiumPath);
export const isCI = process.env.CI === 'true' || process.env.CI === '1';

if (!browserAvailable) {
	const why = `Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
	if (isCI) throw new Error(`${why}: browser tests are required under CI`);
	console.warn(`[browser tests] SKIPPED: ${why}`);
}

/** Launch headless Chromium with the flags this workplace needs (closed network, root). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
			...extraArgs,
		],
	});
}
