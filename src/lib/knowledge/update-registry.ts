/**
 * The registry after a run: every report of the run under its id (`match-ids.ts` gave them), and
 * every id no report has any more retired, with where its report went.
 *
 * An id that lost its report is `movedTo` the new id (one no report had before this run) of
 *   1. a report of any source with most of the same text (`SAME_TEXT`): the source file was
 *      renamed, or the report moved to another compilation; else
 *   2. a report of the same source with the same title: the report was rewritten (too little of
 *      its text left to keep its id, but the same report by name);
 * else it was removed (`movedTo: null`). The best candidate by similarity, then same source, then
 * position, then id. Old retired ids that moved to an id retired now move on to where that one
 * went (a redirect never points at a redirect); a retired id a report has again is live.
 *
 * Doesn't read or write the file; the changes it lists are for the build report.
 */
import { emptyRegistry, registryData, type Registry, type RegistryEntry } from './id-registry.ts';
import { SAME_TEXT, similarity } from './text-signature.ts';

/** One report of the run, as the registry keeps it. */
export interface RunReport extends RegistryEntry {
	id: string;
}

export type RegistryChange =
	| { kind: 'added'; id: string; source: string; title: string }
	| {
			kind: 'changed';
			id: string;
			source: string;
			fields: Array<'source' | 'order' | 'title' | 'unit' | 'text'>;
	  }
	| { kind: 'moved'; id: string; to: string; title: string }
	| { kind: 'removed'; id: string; source: string; title: string };

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const FIELDS = ['source', 'order', 'title', 'unit', 'text'] as const;

/** Where a retired id's report went: a new report of the run, or null. */
function targetOf(old: RegistryEntry, added: readonly RunReport[]): string | null {
	let best: { id: string; score: number; same: boolean; move: number } | null = null;
	for (const r of added) {
		const same = r.source === old.source;
		const score = similarity(old.text, r.text);
		const byText = score >= SAME_TEXT;
		if (!byText && !(same && r.title === old.title)) continue;
		const c = { id: r.id, score: byText ? score : 0, same, move: Math.abs(r.order - old.order) };
		if (
			!best ||
			c.score > best.score ||
			(c.score === best.score &&
				(Number(c.same) > Number(best.same) ||
					(c.same === best.same &&
						(c.move < best.move || (c.move === best.move && byString(c.id, best.id) < 0)))))
		)
			best = c;
	}
	return best?.id ?? null;
}

/**
 * @param previous The registry the run read (an empty one when there was none).
 * @param reports Every report of the run with its id, in any order.
 * @returns The new registry (in written order) and what changed, in a stable order: added,
 *   changed, moved, removed, each by id.
 */
export function updateRegistry(
	previous: Registry,
	reports: readonly RunReport[],
): { registry: Registry; changes: RegistryChange[] } {
	const next = emptyRegistry();
	const changes: RegistryChange[] = [];
	for (const r of reports) {
		next.reports[r.id] = {
			source: r.source,
			order: r.order,
			title: r.title,
			unit: r.unit,
			text: r.text,
		};
		const before = previous.reports[r.id];
		if (!before) changes.push({ kind: 'added', id: r.id, source: r.source, title: r.title });
		else {
			const fields = FIELDS.filter((f) => before[f] !== r[f]);
			if (fields.length) changes.push({ kind: 'changed', id: r.id, source: r.source, fields });
		}
	}
	const added = reports
		.filter((r) => !Object.hasOwn(previous.reports, r.id))
		.sort((a, b) => byString(a.id, b.id));
	for (const [id, old] of Object.entries(previous.reports)) {
		if (Object.hasOwn(next.reports, id)) continue;
		const to = targetOf(old, added);
		next.retired[id] = { source: old.source, title: old.title, movedTo: to };
		changes.push(
			to
				? { kind: 'moved', id, to, title: old.title }
				: { kind: 'removed', id, source: old.source, title: old.title },
		);
	}
	for (const [id, old] of Object.entries(previous.retired)) {
		if (Object.hasOwn(next.reports, id) || Object.hasOwn(next.retired, id)) continue;
		next.retired[id] = { ...old };
	}
	// Follow chains: a → b where b is retired now goes where b went (at most as many steps as ids).
	for (const entry of Object.values(next.retired)) {
		const seen = new Set<string>();
		while (
			entry.movedTo !== null &&
			!Object.hasOwn(next.reports, entry.movedTo) &&
			!seen.has(entry.movedTo)
		) {
			seen.add(entry.movedTo);
			entry.movedTo = next.retired[entry.movedTo]?.movedTo ?? null;
		}
		if (entry.movedTo !== null && !Object.hasOwn(next.reports, entry.movedTo)) entry.movedTo = null;
	}
	const rank = { added: 0, changed: 1, moved: 2, removed: 3 } as const;
	changes.sort((a, b) => rank[a.kind] - rank[b.kind] || byString(a.id, b.id));
	return { registry: registryData(next), changes };
}

/**
 * Old id → the id its report has now, for every retired id that moved (overrides keyed by an old
 * id follow it: `follow-overrides.ts`).
 */
export function movedIds(registry: Registry): Map<string, string> {
	return new Map(
		Object.entries(registry.retired).flatMap(([id, e]) =>
			e.movedTo ? [[id, e.movedTo] as const] : [],
		),
	);
}
