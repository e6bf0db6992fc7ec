/**
 * Read and write the id registry file (`ids.yaml` in the sources folder, see
 * `src/lib/knowledge/id-registry.ts`), and say what a run changed in it.
 *
 * Read: a missing file is an empty registry; a file that isn't UTF-8, isn't YAML or breaks the
 * registry's schema is an error at the `line:column` of the key at fault (`registry:invalid`).
 * Written through js-yaml (`dump`) from `registryData`, so the same registry is the same text.
 * Doesn't match or update anything (the run does, with the pure modules).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dump } from 'js-yaml';
import {
	emptyRegistry,
	parseRegistry,
	registryData,
	type Registry,
} from '../../src/lib/knowledge/id-registry.ts';
import type { RegistryChange } from '../../src/lib/knowledge/update-registry.ts';
import type { IngestIssue } from '../../src/lib/ingest/types.ts';
import { reportPath } from '../../src/lib/site/routes.ts';
import { parseYaml } from './yaml-file.ts';

/** Name of the registry file in the sources folder. */
export const REGISTRY_FILE = 'ids.yaml';

const ID_URL = reportPath('<id>');
const HEADER = [
	`# huibian id registry: the id (URL ${ID_URL}) of every report, and where retired ids went.`,
	'# Written by the ingest when reports are added, change or go; review and commit it with the',
	'# sources. `npm run build -- --frozen-ids` (CI) fails instead of changing it. README: "Stable ids".',
	'',
].join('\n');

export type ReadRegistry =
	{ ok: true; registry: Registry; text: string | null } | { ok: false; issues: IngestIssue[] };

/** A `registry:invalid` error in the registry file `label`, at `place` (default 1:1). */
function invalid(
	label: string,
	message: string,
	place: { line: number; column: number } = { line: 1, column: 1 },
): IngestIssue {
	return { file: label, ...place, ruleId: 'registry:invalid', severity: 'error', message };
}

/** The registry file's bytes; null when there is none; an issue when it can't be read. */
async function registryBytes(file: string, label: string): Promise<Buffer | null | IngestIssue> {
	try {
		return await readFile(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		return invalid(label, `${label}: can't read the id registry (${(error as Error).message}).`);
	}
}

/** The registry's text (UTF-8, BOM removed), or null when its bytes are not UTF-8. */
function registryTextOf(bytes: Buffer): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return null;
	}
}

/**
 * @param file Path of the registry; issues name it by `label` (default its base name).
 */
export async function readRegistry(
	file: string,
	label = path.basename(file),
): Promise<ReadRegistry> {
	const bytes = await registryBytes(file, label);
	if (bytes === null) return { ok: true, registry: emptyRegistry(), text: null };
	if (!Buffer.isBuffer(bytes)) return { ok: false, issues: [bytes] };
	const text = registryTextOf(bytes);
	if (text === null)
		return {
			ok: false,
			issues: [
				invalid(label, `${label}: expected UTF-8 text, found other bytes. Save it as UTF-8.`),
			],
		};
	const yaml = parseYaml(text);
	if (!yaml.ok)
		return {
			ok: false,
			issues: [invalid(label, `Invalid id registry: ${yaml.message}`, yaml.place)],
		};
	const parsed = parseRegistry(yaml.data);
	if (!parsed.ok)
		return {
			ok: false,
			issues: parsed.problems.map((p) =>
				invalid(label, `Invalid id registry: ${p.message}`, yaml.placeOf(p.path)),
			),
		};
	return { ok: true, registry: parsed.registry, text };
}

/** The text of a registry file (header comment + YAML of `registryData`). */
export function registryText(registry: Registry): string {
	return HEADER + dump(registryData(registry), { lineWidth: -1, noRefs: true, sortKeys: false });
}

/** Write the registry (atomically: a temp file renamed over it). */
export async function writeRegistry(file: string, text: string): Promise<void> {
	const temp = `${file}.${process.pid}.tmp`;
	await writeFile(temp, text);
	await rename(temp, file);
}

/** One line per change, for the build report (`ids.yaml: added 000-…-1f3a9c0b (title) …`). */
export function describeChanges(label: string, changes: readonly RegistryChange[]): string[] {
	return changes.map((c) => {
		if (c.kind === 'added') return `${label}: added ${c.id} (${c.source}: ${c.title})`;
		if (c.kind === 'changed')
			return `${label}: kept ${c.id} (${c.source}; ${c.fields.map((f) => (f === 'text' ? 'text edited' : `${f} changed`)).join(', ')})`;
		if (c.kind === 'moved')
			return `${label}: retired ${c.id} → ${c.to} (${c.title}: ${reportPath(c.id)} redirects)`;
		return `${label}: retired ${c.id} (${c.source}: ${c.title}: removed; ${reportPath(c.id)} says so)`;
	});
}
