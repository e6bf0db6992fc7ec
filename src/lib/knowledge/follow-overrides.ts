/**
 * Overrides keyed by an id follow the id's report when the id was retired (`ids.yaml`):
 *
 *   overrides.yaml            ids.yaml (retired)                 → applied to
 *   000-abc-1111: {unit: X}   000-abc-1111: {movedTo: 000-abc-2222}   000-abc-2222, with a warning
 *   000-abc-3333: {unit: Y}   000-abc-3333: {movedTo: null}          nothing: a warning (removed)
 *
 * When the new id has an override of its own too, both apply and the new id's fields win.
 * Doesn't change the overrides file (the warning says to rename the key) and doesn't check fields.
 */
import type { IngestIssue, Overrides } from '../ingest/types.ts';
import type { Registry } from './id-registry.ts';
import { movedIds } from './update-registry.ts';

export interface FollowedOverrides {
	/** The overrides keyed by the ids reports have now. */
	overrides: Overrides;
	/** The key of the overrides file each key of `overrides` came from (the first, for a merge). */
	keyOf: Map<string, string>;
	/** A warning for each key that followed an id or names a removed report. */
	issues: IngestIssue[];
}

/**
 * @param overrides As read from the overrides file.
 * @param registry The registry after the run (`updateRegistry`), so ids retired by this run count.
 * @param file The overrides file, for the warnings.
 * @param lineOf Line of each key of the overrides file.
 */
export function followOverrides(
	overrides: Overrides,
	registry: Registry,
	file: string,
	lineOf: Readonly<Record<string, number>>,
): FollowedOverrides {
	const moved = movedIds(registry);
	const out: Overrides = {};
	const keyOf = new Map<string, string>();
	const issues: IngestIssue[] = [];
	const at = (key: string) => ({
		file,
		line: Object.hasOwn(lineOf, key) ? lineOf[key]! : 1,
		column: 1,
	});
	// Keys that stay first, so that a followed key merges under the new id's own fields.
	const keys = Object.keys(overrides ?? {});
	for (const key of keys.filter((k) => !moved.has(k))) {
		out[key] = { ...overrides[key] };
		keyOf.set(key, key);
		const retired = registry.retired[key];
		if (retired && retired.movedTo === null)
			issues.push({
				...at(key),
				ruleId: 'override:removed-id',
				severity: 'warning',
				message:
					`Override for report id “${key}”: that report (“${retired.title}”, ` +
					`${retired.source}) was removed (ids.yaml: retired, movedTo: null), ` +
					'so the override applies to nothing. Remove the entry.',
			});
	}
	for (const key of keys.filter((k) => moved.has(k))) {
		const to = moved.get(key)!;
		out[to] = { ...overrides[key], ...(out[to] ?? {}) };
		if (!keyOf.has(to)) keyOf.set(to, key);
		issues.push({
			...at(key),
			ruleId: 'override:id-moved',
			severity: 'warning',
			message:
				`Override for report id “${key}”: that report's id is now “${to}” ` +
				`(ids.yaml: retired, movedTo), and the override applies to it. Rename the key to ${to}.`,
		});
	}
	return { overrides: out, keyOf, issues };
}
