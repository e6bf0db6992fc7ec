/**
 * The n-gram words of one range of the index, numbered without building their strings: a word
 * is a path of characters from a root (one root per mark, `index-words.ts`), each node one word.
 * Stepping from a node to its child by a code point is one lookup in a number-keyed map, so
 * enumerating a page's n-grams allocates nothing; a word's string (its characters' codes and
 * the root's mark) is built once, when the index is written.
 *
 * Doesn't know pages or locations.
 */
import { charCode } from './tokens.ts';

export class GramTrie {
	// children: an open-addressing hash table of (parent, code point) → child, in typed arrays
	#keyParent = new Int32Array(1 << 12).fill(-1);
	#keyChar = new Int32Array(1 << 12);
	#value = new Int32Array(1 << 12);
	#mask = (1 << 12) - 1;
	#parent = new Int32Array(1024);
	#char = new Int32Array(1024);
	#size: number;
	readonly #marks: readonly string[];

	/** @param marks The mark of each root: node i < marks.length is the root of mark i. */
	constructor(marks: readonly string[]) {
		this.#marks = marks;
		this.#size = marks.length;
		this.#parent.fill(-1, 0, marks.length);
	}

	/** Number of nodes (roots included): ids are below it. */
	get size(): number {
		return this.#size;
	}

	/** The child of `node` by code point `c`, made if new. */
	child(node: number, c: number): number {
		let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.#mask;
		for (;;) {
			const p = this.#keyParent[slot]!;
			if (p < 0) break;
			if (p === node && this.#keyChar[slot] === c) return this.#value[slot]!;
			slot = (slot + 1) & this.#mask;
		}
		const id = this.#size++;
		{
			if (id >= this.#parent.length) {
				const parent = new Int32Array(this.#parent.length * 2);
				parent.set(this.#parent);
				this.#parent = parent;
				const char = new Int32Array(this.#char.length * 2);
				char.set(this.#char);
				this.#char = char;
			}
			this.#parent[id] = node;
			this.#char[id] = c;
		}
		this.#keyParent[slot] = node;
		this.#keyChar[slot] = c;
		this.#value[slot] = id;
		// at half full, double the table
		if ((this.#size - this.#marks.length) * 2 > this.#mask) this.#rehash();
		return id;
	}

	#rehash(): void {
		const [parents, chars, values] = [this.#keyParent, this.#keyChar, this.#value];
		const size = (this.#mask + 1) * 2;
		this.#keyParent = new Int32Array(size).fill(-1);
		this.#keyChar = new Int32Array(size);
		this.#value = new Int32Array(size);
		this.#mask = size - 1;
		for (let i = 0; i < parents.length; i++) {
			const p = parents[i]!;
			if (p < 0) continue;
			let slot = (Math.imul(p, 0x9e3779b1) ^ Math.imul(chars[i]!, 0x85ebca6b)) & this.#mask;
			while (this.#keyParent[slot]! >= 0) slot = (slot + 1) & this.#mask;
			this.#keyParent[slot] = p;
			this.#keyChar[slot] = chars[i]!;
			this.#value[slot] = values[i]!;
		}
	}

	/** The word of a node: the codes of its characters from the root, then the root's mark. */
	word(node: number): string {
		const codes: string[] = [];
		let at = node;
		while (this.#parent[at]! >= 0) {
			codes.push(charCode(String.fromCodePoint(this.#char[at]!)));
			at = this.#parent[at]!;
		}
		return codes.reverse().join('') + this.#marks[at]!;
	}
}
