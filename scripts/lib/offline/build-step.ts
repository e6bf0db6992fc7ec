/**
 * The offline edition as a step of `npm run build` (scripts/build.ts calls it once the site is
 * built in its staging folder, before the swap):
 *
 * - `--offline`: the staging folder becomes the offline edition (so `--out` is the edition);
 * - `--zip FILE`: the zip of the offline edition is written to FILE. Without `--offline`, `--out`
 *   stays the online site and the edition is made beside it for the zip only; a FILE inside
 *   `--out` (`--zip dist/downloads/huibian-offline.zip`) is written into the site, and the data
 *   page links it (`HUIBIAN_OFFLINE_ZIP`, set before Astro renders).
 */
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildOfflineEdition } from './build-offline.ts';
import { reportOffline } from './report.ts';
import { writeOfflineZip } from './write-zip.ts';

export interface OfflinePlan {
	offline: boolean;
	/** Absolute path of the zip to write. */
	zip?: string;
	/** Site path of the zip (`downloads/huibian-offline.zip`) when the online site holds it. */
	zipSitePath?: string;
}

/** Check the flags against `--out`; throws a message for the usage line. */
export function offlinePlan(
	flags: { offline: boolean; zip: string | undefined },
	out: string,
): OfflinePlan {
	if (!flags.zip) return { offline: flags.offline };
	const zip = path.resolve(flags.zip);
	if (!zip.endsWith('.zip'))
		throw new Error(`--zip expects a file name ending in .zip, found "${flags.zip}"`);
	const inside = path.relative(out, zip);
	const within = !inside.startsWith('..') && !path.isAbsolute(inside);
	if (within && flags.offline)
		throw new Error(`--zip ${flags.zip} is inside the offline edition (--out); write it beside it`);
	return {
		offline: flags.offline,
		zip,
		...(within ? { zipSitePath: inside.split(path.sep).join('/') } : {}),
	};
}

/** What Astro needs to know before it renders: the zip the data page links. */
export function offlineEnv(plan: OfflinePlan): Record<string, string> {
	return plan.zipSitePath ? { HUIBIAN_OFFLINE_ZIP: `/${plan.zipSitePath}` } : {};
}

/** Make the edition (and its zip) from the built site in `staging`; returns the summary lines. */
export async function offlineStep(
	plan: OfflinePlan,
	staging: string,
	out: string,
	base: string,
): Promise<string | undefined> {
	if (!plan.offline && !plan.zip) return undefined;
	const t0 = performance.now();
	const edition = `${staging}.offline`;
	const lines = [];
	try {
		lines.push(
			await reportOffline(
				await buildOfflineEdition(staging, edition, { base }),
				edition,
				t0,
				plan.offline ? path.relative(process.cwd(), out) || '.' : 'edition for the zip',
			),
		);
		if (plan.zip) {
			const target =
				plan.zipSitePath && !plan.offline ? path.join(staging, plan.zipSitePath) : plan.zip;
			lines.push(await writeOfflineZip(edition, target, plan.zip));
		}
		if (plan.offline) {
			await rm(staging, { recursive: true, force: true });
			await rename(edition, staging);
		}
	} finally {
		await rm(edition, { recursive: true, force: true });
	}
	return lines.join('\n');
}
