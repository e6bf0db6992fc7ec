/**
 * Parse one of huibian's YAML inputs (`<source>.yaml` metadata, `content/overrides.yaml`,
 * `content/vocabulary.yaml`) with limits, and keep where every key is, so that a problem found
 * later (a schema error, an unknown category) is reported at the real `line:column` of its key.
 *
 * Limits (documented in README, “Limits”): the text may hold at most `YAML_MAX_BYTES` bytes,
 * `YAML_MAX_ALIASES` aliases (`*name`), and its aliases may expand the document to at most
 * `YAML_MAX_NODES` nodes: a 400-byte “billion laughs” file is refused at its first alias past
 * the limit instead of taking gigabytes once something walks the expanded value.
 *
 * Doesn’t read files and doesn’t check the shape of the data (callers run their zod schema).
 */
import { constructFromEvents, parseEvents, getScalarValue, type Event } from 'js-yaml';

export const YAML_MAX_BYTES = 8 * 1024 * 1024;
const YAML_MAX_ALIASES = 64;
const YAML_MAX_NODES = 200_000;

export interface YamlPlace {
	line: number;
	column: number;
}

export type YamlParsed =
	| { ok: true; data: unknown; placeOf: (path: readonly PropertyKey[]) => YamlPlace }
	| { ok: false; place: YamlPlace; message: string };

/** 1-based line and column of a UTF-16 offset in `text`. */
function placeAt(lineStarts: readonly number[], offset: number): YamlPlace {
	let lo = 0;
	let hi = lineStarts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (lineStarts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

function lineStartsOf(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return starts;
}

interface Frame {
	kind: 'map' | 'seq';
	path: PropertyKey[];
	/** Next child index (sequence) or number of events seen (mapping: even = key). */
	count: number;
	key: PropertyKey | null;
	nodes: number;
	anchor: string | null;
}

function startOf(event: Event): number {
	if (event.type === 4)
		return event.anchorStart >= 0
			? Math.min(event.anchorStart, event.valueStart)
			: event.valueStart;
	if (event.type === 2 || event.type === 3)
		return event.anchorStart >= 0 ? Math.min(event.anchorStart, event.start) : event.start;
	if (event.type === 5) return event.anchorStart - 1;
	return 0;
}

/** What the walk keeps: the places found, each anchor's size, the open collections, the size. */
interface WalkState {
	places: Map<string, number>;
	anchors: Map<string, number>;
	stack: Frame[];
	total: number;
}

/** Count `n` more nodes, in every open collection too; throws past `YAML_MAX_NODES`. */
function grow(state: WalkState, n: number, offset: number): void {
	state.total += n;
	for (const f of state.stack) f.nodes += n;
	if (state.total > YAML_MAX_NODES)
		throw Object.assign(
			new Error(`aliases expand the document past ${YAML_MAX_NODES} nodes (an alias bomb?)`),
			{ offset },
		);
}

/** An alias inside its own anchor: a cycle, which every later walk of the data would loop on. */
function refuseCycle(text: string, event: Event, stack: readonly Frame[]): void {
	if (event.type !== 5) return;
	const name = text.slice(event.anchorStart, event.anchorEnd);
	if (stack.some((f) => f.anchor === name))
		throw Object.assign(new Error(`alias *${name} is inside its own anchor &${name} (a cycle)`), {
			offset: startOf(event),
		});
}

/**
 * The path of a node under its parent, its place noted (a map's key, or a sequence item); null
 * for a scalar key, which is counted and done.
 */
function placeNode(text: string, event: Event, state: WalkState): PropertyKey[] | null {
	const parent = state.stack.at(-1);
	if (parent?.kind === 'map') {
		const isKey = parent.count % 2 === 0;
		parent.count++;
		if (isKey) {
			parent.key = event.type === 4 ? getScalarValue(text, event) : null;
			if (parent.key !== null)
				state.places.set(JSON.stringify([...parent.path, parent.key]), startOf(event));
			if (event.type === 4) {
				grow(state, 1, startOf(event));
				return null;
			}
		}
		return [...parent.path, parent.key ?? '?'];
	}
	if (parent?.kind === 'seq') {
		const path = [...parent.path, parent.count++];
		state.places.set(JSON.stringify(path), startOf(event));
		return path;
	}
	return [];
}

/**
 * Where each key (and sequence item) starts, by path, and the expanded size of the document.
 * @throws {Error & { offset: number }} when aliases expand past `YAML_MAX_NODES`.
 */
function walk(text: string, events: readonly Event[]): Map<string, number> {
	const state: WalkState = { places: new Map(), anchors: new Map(), stack: [], total: 0 };
	const { anchors, stack } = state;
	for (const event of events) {
		if (event.type === 1) continue;
		if (event.type === 6) {
			const done = stack.pop();
			if (done?.anchor) anchors.set(done.anchor, done.nodes + 1);
			continue;
		}
		refuseCycle(text, event, stack);
		const path = placeNode(text, event, state);
		if (path === null) continue;
		const anchor =
			'anchorEnd' in event && event.anchorStart >= 0
				? text.slice(event.anchorStart, event.anchorEnd)
				: null;
		if (event.type === 5)
			grow(state, anchors.get(text.slice(event.anchorStart, event.anchorEnd)) ?? 1, startOf(event));
		else if (event.type === 4) {
			grow(state, 1, startOf(event));
			if (anchor) anchors.set(anchor, 1);
		} else {
			grow(state, 1, startOf(event));
			const kind = event.type === 3 ? 'map' : 'seq';
			stack.push({ kind, path, count: 0, key: null, nodes: 0, anchor });
		}
	}
	return state.places;
}

/**
 * @param text The YAML text (already decoded).
 * @returns The data (null for a file of comments only) with `placeOf(path)`, the line:column of
 *   the key at `path` (its nearest existing ancestor, or 1:1), or the first syntax / limit error
 *   at its own line:column.
 */
export function parseYaml(text: string): YamlParsed {
	const lineStarts = lineStartsOf(text);
	const bytes = Buffer.byteLength(text);
	if (bytes > YAML_MAX_BYTES)
		return {
			ok: false,
			place: { line: 1, column: 1 },
			message: `Expected at most ${YAML_MAX_BYTES} bytes of YAML, found ${bytes}. Split or shorten the file.`,
		};
	let events: Event[];
	let docs: unknown[];
	let places: Map<string, number>;
	try {
		events = parseEvents(text, { maxDepth: 50 });
		places = walk(text, events);
		docs = constructFromEvents(events, { source: text, maxAliases: YAML_MAX_ALIASES });
	} catch (error) {
		const e = error as Error & {
			reason?: string;
			mark?: { line: number; column: number };
			offset?: number;
		};
		const place = e.mark
			? { line: e.mark.line + 1, column: e.mark.column + 1 }
			: e.offset !== undefined
				? placeAt(lineStarts, e.offset)
				: { line: 1, column: 1 };
		const reason = (e.reason ?? e.message.split('\n')[0] ?? 'invalid YAML').slice(0, 200);
		return { ok: false, place, message: `invalid YAML: ${reason}` };
	}
	if (docs.length > 1)
		return {
			ok: false,
			place: { line: 1, column: 1 },
			message: `Expected one YAML document, found ${docs.length} (remove the \`---\` separators).`,
		};
	const placeOf = (path: readonly PropertyKey[]): YamlPlace => {
		for (let n = path.length; n > 0; n--) {
			const at = places.get(
				JSON.stringify(path.slice(0, n).map((k) => (typeof k === 'number' ? k : String(k)))),
			);
			if (at !== undefined) return placeAt(lineStarts, at);
		}
		return { line: 1, column: 1 };
	};
	return { ok: true, data: docs[0] ?? null, placeOf };
}
