/**
 * axe-core in a real page: the serious and critical violations of the page as it is now, one
 * line each (rule, impact, help, the first three targets). Empty means axe found nothing serious.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';

const axePath = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

interface AxeResult {
	violations: Array<{
		id: string;
		impact: string | null;
		help: string;
		nodes: Array<{ target: unknown }>;
	}>;
}

/** Runs axe on the page; returns its serious and critical violations, one line each. */
export async function axe(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: axePath });
	const result = await page.evaluate(() =>
		(window as unknown as { axe: { run: (o: object) => Promise<AxeResult> } }).axe.run({
			resultTypes: ['violations'],
		}),
	);
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
		);
}
