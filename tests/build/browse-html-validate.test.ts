import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { htmlFiles } from './browse-site.ts';

const site = inject('siteDir');

// The strictest shipped preset, unmodified: every page the site builds must pass it.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

describe('html-validate over the built site', () => {
	test('reports no error on any page', async () => {
		const errors: string[] = [];
		for (const file of htmlFiles(site)) {
			const report = await validator.validateString(
				readFileSync(path.join(site, file), 'utf8'),
				file,
			);
			for (const result of report.results) {
				for (const m of result.messages)
					if (m.severity === 2)
						errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
			}
		}
		expect(errors.slice(0, 30)).toEqual([]);
	});
});
