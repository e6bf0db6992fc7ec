/**
 * The astro stage's one human line, from its result (`astro-stage-result.ts`):
 * `astro: 12 of 2,174 pages rendered, 2,162 reused; 1,174 HTML, 500 report pages (3.1 s)`, and
 * for a full build the reason (`full build: first build in this cache`).
 * Doesn’t read anything.
 */
import type { AstroStageResult } from './astro-stage-result.ts';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * @param r The stage's result.
 * @param reportPages Report pages found in the build.
 * @param seconds Wall time of the stage.
 * @param fullReason Why every page was rendered, or null for an incremental build.
 */
export function astroStageLine(
	r: AstroStageResult,
	reportPages: number,
	seconds: number,
	fullReason: string | null,
): string {
	const rendered = r.files - r.reused;
	const why = fullReason ? `; full build: ${fullReason}` : '';
	return `astro: ${n(rendered)} of ${n(r.files)} pages rendered, ${n(r.reused)} reused${why}; ${n(r.pages)} HTML, ${n(reportPages)} report pages (${seconds.toFixed(1)} s)`;
}
