/**
 * Just enough CBOR to write Pagefind's index chunks: a growing writer of unsigned and negative
 * integers, text, array headers and raw bytes (already encoded items, such as a word's pages),
 * so a chunk allocates nothing per (word, page) pair.
 *
 * Doesn't write maps, tags, floats or indefinite lengths (Pagefind's minicbor output has none).
 */

const ENCODE = new TextEncoder();

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

	/** What was written so far, not copied (valid until the next write or `clear`). */
	view(): Uint8Array {
		return this.#bytes.subarray(0, this.length);
	}

	/** Starts over, keeping the buffer. */
	clear(): void {
		this.length = 0;
	}

	/** A copy of what was written; the writer starts over. */
	take(): Uint8Array {
		const out = this.#bytes.slice(0, this.length);
		this.length = 0;
		return out;
	}
}
