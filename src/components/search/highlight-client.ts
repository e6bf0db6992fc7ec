/**
 * On a report page opened from a search result (`?hl=学习型社区`): mark every occurrence of the
 * query in the report body, folded the same way as the search (simplified/traditional, case,
 * whitespace ignored), and scroll to the first one unless the URL targets a heading.
 *
 * Doesn’t touch text outside `[data-pagefind-body]` and creates only text nodes and `<mark>`.
 */
import { foldChar, type FoldTable } from '../../lib/search/fold';
import { foldTableFromPairs } from '../../lib/search/query';
import { searchChars } from '../../lib/search/tokens';

const base = import.meta.env.BASE_URL.endsWith('/')
	? import.meta.env.BASE_URL
	: `${import.meta.env.BASE_URL}/`;

interface Place {
	node: Text;
	offset: number;
}

function textPlaces(root: Element): { chars: string[]; places: Place[] } {
	const chars: string[] = [];
	const places: Place[] = [];
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) =>
			node.parentElement?.closest('[data-pagefind-ignore], [hidden], script, style')
				? NodeFilter.FILTER_REJECT
				: NodeFilter.FILTER_ACCEPT,
	});
	for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
		let offset = 0;
		for (const ch of node.data) {
			if (!/\s/u.test(ch)) {
				chars.push(ch);
				places.push({ node, offset });
			}
			offset += ch.length;
		}
	}
	return { chars, places };
}

function wrap(places: Place[], from: number, length: number): HTMLElement | null {
	let first: HTMLElement | null = null;
	// Wrap piece by piece (a match may span text nodes), last piece first so offsets stay valid.
	const pieces = new Map<Text, { start: number; end: number }>();
	for (let i = from; i < from + length; i++) {
		const p = places[i]!;
		const piece = pieces.get(p.node);
		const end = p.offset + (p.node.data.codePointAt(p.offset)! > 0xffff ? 2 : 1);
		if (piece) piece.end = end;
		else pieces.set(p.node, { start: p.offset, end });
	}
	for (const [node, { start, end }] of [...pieces].reverse()) {
		const range = document.createRange();
		range.setStart(node, start);
		range.setEnd(node, end);
		const mark = document.createElement('mark');
		mark.className = 'search-hl';
		range.surroundContents(mark);
		first = mark;
	}
	return first;
}

/**
 * Highlight `?hl=` in the report body: one parameter per query term (`?hl=学习&hl=社区`), each
 * marked wherever it occurs. Resolves when done (no-op without `hl`).
 */
export async function highlightFromUrl(): Promise<void> {
	const typed = new URLSearchParams(location.search).getAll('hl').filter((t) => t.trim());
	const root = document.querySelector('[data-pagefind-body]');
	if (!typed.length || !root) return;
	const config = (await fetch(`${base}search/search-config.json`).then((r) => r.json())) as {
		fold: string;
	};
	const fold: FoldTable = foldTableFromPairs(config.fold);
	const queries = typed
		.map((t) => searchChars(t).map((ch) => foldChar(ch, fold)))
		.filter((q) => q.length > 0);
	if (!queries.length) return;
	const { chars, places } = textPlaces(root);
	const folded = chars.map((ch) => foldChar(ch, fold));
	// every occurrence of every term; overlapping ones merge into one mark
	const marked = new Uint8Array(folded.length);
	let found = 0;
	for (const query of queries) {
		for (let i = 0; i + query.length <= folded.length; i++) {
			if (query.every((ch, j) => folded[i + j] === ch)) {
				marked.fill(1, i, i + query.length);
				found++;
				i += query.length - 1;
			}
		}
	}
	const ranges: Array<[number, number]> = [];
	for (let i = 0; i < marked.length; i++) {
		if (!marked[i]) continue;
		let j = i;
		while (j < marked.length && marked[j]) j++;
		ranges.push([i, j - i]);
		i = j;
	}
	let first: HTMLElement | null = null;
	for (const [start, length] of ranges.reverse()) first = wrap(places, start, length) ?? first;
	document.body.dataset.highlighted = String(found);
	if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}
