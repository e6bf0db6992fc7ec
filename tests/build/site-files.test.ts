import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';

const site = inject('siteDir');
const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
	reports: Array<{ id: string; url: string; title: string }>;
};

describe('built site', () => {
	test('has a home page in Chinese', () => {
		const html = readFileSync(path.join(site, 'index.html'), 'utf8');
		expect(html).toMatch(/<html lang="zh-CN"/);
	});

	test('has one page per catalogued report, with its title', () => {
		expect(catalog.reports.length).toBeGreaterThan(0);
		for (const report of catalog.reports) {
			const file = path.join(site, report.url, 'index.html');
			expect(existsSync(file), file).toBe(true);
			expect(readFileSync(file, 'utf8')).toContain(
				report.title.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
			);
		}
	});

	test('serves the catalog and a Pagefind index', () => {
		expect(existsSync(path.join(site, 'pagefind/pagefind.js'))).toBe(true);
		expect(existsSync(path.join(site, 'catalog.json'))).toBe(true);
	});
});
