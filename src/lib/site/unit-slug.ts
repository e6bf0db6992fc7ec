/**
 * Identity of a unit (the organisation that wrote a report) for `/units/<slug>/`.
 *
 * A unit is its name *within one compilation*: a generic name such as 市统计局 in two
 * compilations names two different organisations, so the slug joins the compilation's slug
 * and a hash of the name. ASCII and stable: it changes only when the name or the
 * compilation's slug changes. Doesn’t merge spelling variants of a name.
 */
import { fnv1a } from '../mdx/anchor-id.ts';

/** Slug of a unit: `<sourceSlug>-u<hash36>`. */
export function unitSlug(sourceSlug: string, unit: string): string {
	return `${sourceSlug}-u${fnv1a(unit.trim()).toString(36)}`;
}

interface UnitFields {
	unit: string | null;
	unitAnonymized: boolean;
}

/** Whether a record gets a unit page: it names a unit, and the name is not anonymised (XX村). */
export function hasUnitPage(data: UnitFields): data is { unit: string; unitAnonymized: false } {
	return data.unit !== null && !data.unitAnonymized;
}
