/**
 * The id registry (`ids.yaml` in the sources folder): which id each report has, and what became
 * of every id a report once had, so that a report's URL `/reports/<id>/` survives edits of its
 * source and an old URL says where the report went.
 *
 * The registry is data: this module checks its shape (`parseRegistry`) and writes it back in one
 * deterministic order (`registryData`: reports by source file and position, retired ids by id).
 * The matching of reports to ids is `match-ids.ts`, the update after a run `update-registry.ts`.
 * Doesn't read or write files (`scripts/lib/id-registry.ts` does).
 *
 * @example
 *   version: 1
 *   reports:
 *     000-072d85c6eac7fde3-1f3a9c0b:
 *       source: 000_072d85c6eac7fde3.txt
 *       order: 0
 *       title: 强素质 促发展 努力构建学习型农经队伍
 *       unit: 延庆县农经站
 *       text: 0001a2f3…            # textSignature of the body (64 hashes)
 *   retired:
 *     000-072d85c6eac7fde3-9c0b1f3a:
 *       source: 000_072d85c6eac7fde3.txt
 *       title: 旧的标题
 *       movedTo: 000-072d85c6eac7fde3-1f3a9c0b   # null: the report was removed
 */
import { z } from 'astro/zod';
import { slugSchema } from '../frontmatter.ts';
import { isSignature } from './text-signature.ts';

/** The registry format this code reads and writes. */
const REGISTRY_VERSION = 1;

const signatureSchema = z
	.string()
	.refine(
		isSignature,
		'Expected a text signature (hex digits, 8 per hash, as the ingest writes it)',
	);

/** One live id: the report that has it, as the ingest last saw it. */
const registryEntrySchema = z.strictObject({
	/** Source file name, e.g. `000_072d85c6eac7fde3.txt`. */
	source: z.string().min(1),
	/** Position of the report in its source (0-based). */
	order: z.number().int().min(0),
	/** Title as the source prints it (before overrides). */
	title: z.string().min(1),
	/** Unit as the source prints it, or null. */
	unit: z.string().min(1).nullable(),
	/** `textSignature` of the report's body text. */
	text: signatureSchema,
});
export type RegistryEntry = z.infer<typeof registryEntrySchema>;

/** An id no report has any more: where its report went (`movedTo`), or null when it was removed. */
const retiredEntrySchema = z.strictObject({
	source: z.string().min(1),
	title: z.string().min(1),
	movedTo: slugSchema.nullable(),
});
export type RetiredEntry = z.infer<typeof retiredEntrySchema>;

const registrySchema = z.strictObject({
	version: z.literal(REGISTRY_VERSION),
	reports: z.record(slugSchema, registryEntrySchema).default({}),
	retired: z.record(slugSchema, retiredEntrySchema).default({}),
});
export type Registry = z.infer<typeof registrySchema>;

/** An empty registry (no `ids.yaml` yet). */
export function emptyRegistry(): Registry {
	return { version: REGISTRY_VERSION, reports: {}, retired: {} };
}

/** A problem of a registry file, at the path of the key it is about. */
export interface RegistryProblem {
	path: PropertyKey[];
	message: string;
}

/**
 * Check parsed registry data: its shape, an id both live and retired, a `movedTo` that names no
 * id of the registry.
 * @param data Parsed YAML (null for an empty file: an empty registry).
 */
export function parseRegistry(
	data: unknown,
): { ok: true; registry: Registry } | { ok: false; problems: RegistryProblem[] } {
	const parsed = registrySchema.safeParse(data ?? { version: REGISTRY_VERSION });
	if (!parsed.success) {
		return {
			ok: false,
			problems: parsed.error.issues.map((p) => {
				const unknown = 'keys' in p && Array.isArray(p.keys) ? String(p.keys[0]) : undefined;
				const at = unknown !== undefined ? [...p.path, unknown] : p.path;
				return { path: at, message: `**${at.join('.') || '(root)'}**: ${p.message}` };
			}),
		};
	}
	const registry = parsed.data;
	const problems: RegistryProblem[] = [];
	for (const [id, r] of Object.entries(registry.retired)) {
		if (Object.hasOwn(registry.reports, id))
			problems.push({
				path: ['retired', id],
				message:
					`Id “${id}” is both a live report (under reports:) and retired. ` +
					'Keep one of the two entries.',
			});
		if (
			r.movedTo !== null &&
			!Object.hasOwn(registry.reports, r.movedTo) &&
			!Object.hasOwn(registry.retired, r.movedTo)
		) {
			problems.push({
				path: ['retired', id, 'movedTo'],
				message:
					`Expected movedTo to name an id of this registry, found “${r.movedTo}”. ` +
					'Write the id the report has now, or null if it was removed.',
			});
		}
	}
	return problems.length ? { ok: false, problems } : { ok: true, registry };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The registry as plain data in its one written order: reports by source file, then position,
 * then id; retired ids by id; each entry's keys in schema order. Serialise it with any YAML
 * writer: the same registry gives the same text.
 */
export function registryData(registry: Registry): Registry {
	const reports = Object.entries(registry.reports).sort(
		([ia, a], [ib, b]) => byString(a.source, b.source) || a.order - b.order || byString(ia, ib),
	);
	const retired = Object.entries(registry.retired).sort(([a], [b]) => byString(a, b));
	return {
		version: REGISTRY_VERSION,
		reports: Object.fromEntries(
			reports.map(([id, e]) => [
				id,
				{ source: e.source, order: e.order, title: e.title, unit: e.unit, text: e.text },
			]),
		),
		retired: Object.fromEntries(
			retired.map(([id, e]) => [id, { source: e.source, title: e.title, movedTo: e.movedTo }]),
		),
	};
}
