/** The offline stage's summary line, and a warning per link whose target is missing. */
import path from 'node:path';
import { dirBytes } from '../dir-stats.ts';
import type { OfflineEdition } from './build-offline.ts';

/** `label` names the edition in the line (default: its folder, relative to the working folder). */
export async function reportOffline(
	edition: OfflineEdition,
	outDir: string,
	t0: number,
	label = path.relative(process.cwd(), outDir) || '.',
): Promise<string> {
	const mib = ((await dirBytes(outDir)) / 2 ** 20).toFixed(1);
	const seconds = ((performance.now() - t0) / 1000).toFixed(1);
	const lines = [
		`offline: ${label}: ${edition.files} files, ${mib} MiB, ` +
			`${edition.scripts} module scripts made classic, ` +
			`${edition.packaged} files packaged for search (${seconds} s)`,
	];
	const shown = edition.missing.slice(0, 20);
	for (const m of shown)
		lines.push(`offline: warning: link to a file that is not in the site: ${m}`);
	if (edition.missing.length > shown.length)
		lines.push(
			`offline: warning: … and ${edition.missing.length - shown.length} more links to missing files`,
		);
	return lines.join('\n');
}
