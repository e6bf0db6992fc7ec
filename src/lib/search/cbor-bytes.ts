/**
 * Just enough CBOR to read and write Pagefind's index chunks without decoding their positions:
 * a reader that walks item headers (unsigned and negative integers, text, arrays) and skips
 * whole items, and a growing writer. Merging copies each page's positions as raw bytes, so a
 * merge allocates nothing per (word, page) pair.
 *
 * Doesn't handle maps, tags, floats or indefinite lengths (Pagefind's minicbor output has none;
 * they are refused with an error).
 */

const UTF8 = new TextDecoder();
const ENCODE = new TextEncoder();

export class CborReader {
	readonly bytes: Uint8Array;
	pos: number;
	constructor(bytes: Uint8Array, pos = 0) {
		this.bytes = bytes;
		this.pos = pos;
	}

	/** Reads an item's header: its major type (0–7) and argument. */
	#header(): [major: number, value: number] {
		const first = this.bytes[this.pos++];
		if (first === undefined) throw new Error('CBOR: unexpected end of data');
		const major = first >> 5;
		const info = first & 31;
		if (info < 24) return [major, info];
		const b = this.bytes;
		let value: number;
		if (info === 24) value = b[this.pos++]!;
		else if (info === 25) value = (b[this.pos++]! << 8) | b[this.pos++]!;
		else if (info === 26)
			value =
				((b[this.pos++]! << 24) >>> 0) +
				((b[this.pos++]! << 16) | (b[this.pos++]! << 8) | b[this.pos++]!);
		else
			throw new Error(
				`CBOR: unsupported item header 0x${first.toString(16)} at byte ${this.pos - 1}`,
			);
		return [major, value];
	}

	#expect(major: number, what: string): number {
		const [m, value] = this.#header();
		if (m !== major)
			throw new Error(`CBOR: expected ${what} at byte ${this.pos - 1}, found major type ${m}`);
		return value;
	}

	array(): number {
		return this.#expect(4, 'an array');
	}

	text(): string {
		const length = this.#expect(3, 'text');
		const start = this.pos;
		this.pos += length;
		return UTF8.decode(this.bytes.subarray(start, this.pos));
	}

	/** An unsigned or negative integer. */
	int(): number {
		const [major, value] = this.#header();
		if (major === 0) return value;
		if (major === 1) return -1 - value;
		throw new Error(`CBOR: expected an integer, found major type ${major}`);
	}

	/** Skips one item (integers, text and arrays of them). */
	skip(): void {
		const [major, value] = this.#header();
		if (major === 0 || major === 1) return;
		if (major === 2 || major === 3) this.pos += value;
		else if (major === 4) for (let i = 0; i < value; i++) this.skip();
		else throw new Error(`CBOR: cannot skip major type ${major}`);
	}
}

export class CborWriter {
	#bytes = new Uint8Array(1 << 16);
	length = 0;

	#room(n: number): void {
		if (this.length + n <= this.#bytes.length) return;
		let size = this.#bytes.length * 2;
		while (size < this.length + n) size *= 2;
		const next = new Uint8Array(size);
		next.set(this.#bytes.subarray(0, this.length));
		this.#bytes = next;
	}

	#header(major: number, value: number): void {
		this.#room(5);
		const b = this.#bytes;
		const m = major << 5;
		if (value < 24) b[this.length++] = m | value;
		else if (value < 0x100) ((b[this.length++] = m | 24), (b[this.length++] = value));
		else if (value < 0x10000)
			((b[this.length++] = m | 25),
				(b[this.length++] = value >> 8),
				(b[this.length++] = value & 0xff));
		else if (value <= 0xffffffff) {
			b[this.length++] = m | 26;
			b[this.length++] = value >>> 24;
			b[this.length++] = (value >> 16) & 0xff;
			b[this.length++] = (value >> 8) & 0xff;
			b[this.length++] = value & 0xff;
		} else throw new Error(`CBOR: ${value} is too large`);
	}

	array(length: number): void {
		this.#header(4, length);
	}

	int(value: number): void {
		if (value >= 0) this.#header(0, value);
		else this.#header(1, -1 - value);
	}

	text(value: string): void {
		const bytes = ENCODE.encode(value);
		this.#header(3, bytes.length);
		this.raw(bytes);
	}

	/** Bytes that are already CBOR. */
	raw(bytes: Uint8Array): void {
		this.#room(bytes.length);
		this.#bytes.set(bytes, this.length);
		this.length += bytes.length;
	}

	/** `bytes[start, end)`, already CBOR (copied by hand when short: no subarray per call). */
	rawRange(bytes: Uint8Array, start: number, end: number): void {
		const n = end - start;
		this.#room(n);
		if (n > 32) this.#bytes.set(bytes.subarray(start, end), this.length);
		else for (let i = 0; i < n; i++) this.#bytes[this.length + i] = bytes[start + i]!;
		this.length += n;
	}

	/** A copy of what was written; the writer starts over. */
	take(): Uint8Array {
		const out = this.#bytes.slice(0, this.length);
		this.length = 0;
		return out;
	}
}
