/**
 * The built site searched with the network disabled, served by a plain static server
 * (`python3 -m http.server`): every request that is not to that loopback server is aborted and
 * recorded, and search still finds reports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { waitForSearch } from './search-page-helpers.ts';

const site = inject('siteDir');

function startPythonServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			'python3',
			['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		child.on('error', reject);
		child.stdout.on('data', (chunk: Buffer) => {
			const port = /port (\d+)/.exec(chunk.toString())?.[1];
			if (port) resolve({ child, url: `http://127.0.0.1:${port}/` });
		});
	});
}

describe.skipIf(!browserAvailable)('search works offline', () => {
	let server: { child: ChildProcess; url: string };
	let browser: Browser;
	beforeAll(async () => {
		server = await startPythonServer(site);
		browser = await launchBrowser(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
	});
	afterAll(async () => {
		await browser?.close();
		server?.child.kill();
	});

	test('a query served by python3 -m http.server returns results without any other request', async () => {
		const page = await browser.newPage();
		const outside: string[] = [];
		await page.route('**/*', (route) => {
			const url = new URL(route.request().url());
			if (url.hostname === '127.0.0.1') return route.continue();
			outside.push(url.href);
			return route.abort('internetdisconnected');
		});
		await page.goto(`${server.url}search/?q=${encodeURIComponent('學習型社區')}`);
		await waitForSearch(page);
		expect(await page.locator('#search-results > li a[href*="/reports/"]').count()).toBeGreaterThan(
			0,
		);
		expect(outside).toEqual([]);
		await page.close();
	});
});
