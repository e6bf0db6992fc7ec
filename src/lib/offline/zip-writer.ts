/**
 * A deterministic zip archive, written entry by entry: every entry has the same time
 * (1980-01-01 00:00, the earliest a zip can say), the same permissions (rw-r--r--), no extra
 * fields, UTF-8 names (flag bit 11, so `打开我.html` keeps its name), and is deflated (level 9)
 * unless deflating makes it larger, then stored. Same names and bytes in the same order → the
 * same archive, byte for byte.
 *
 * @example
 * const zip = new ZipWriter();
 * const parts = [...zip.add('a.txt', bytes), zip.finish()]; // write them one after the other
 *
 * Doesn’t sort: the caller adds entries in the order it wants (sorted, for determinism).
 * Doesn’t write zip64: more than 65,535 entries or 4 GiB is an error.
 */
import { crc32, deflateRawSync } from 'node:zlib';

const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const UTF8_NAMES = 0x0800;
const UNIX_FILE_644 = (0o100644 << 16) >>> 0;
const LIMIT = 0xffffffff;

interface Central {
	name: Uint8Array;
	method: number;
	crc: number;
	compressed: number;
	size: number;
	offset: number;
}

/**
 * The fields a local header and a central directory record share, in the same order (version
 * needed, flags, method, time, date, CRC-32, sizes, name length): 26 bytes from `at`.
 */
function writeEntryFields(buffer: Buffer, at: number, e: Central): void {
	buffer.writeUInt16LE(20, at);
	buffer.writeUInt16LE(UTF8_NAMES, at + 2);
	buffer.writeUInt16LE(e.method, at + 4);
	buffer.writeUInt16LE(DOS_TIME, at + 6);
	buffer.writeUInt16LE(DOS_DATE, at + 8);
	buffer.writeUInt32LE(e.crc, at + 10);
	buffer.writeUInt32LE(e.compressed, at + 14);
	buffer.writeUInt32LE(e.size, at + 18);
	buffer.writeUInt16LE(e.name.byteLength, at + 22);
}

export class ZipWriter {
	#central: Central[] = [];
	#offset = 0;
	#names = new Set<string>();

	/** Add one file; returns the bytes to append to the archive (local header, then the data). */
	add(name: string, data: Uint8Array): Uint8Array[] {
		if (this.#names.has(name))
			throw new Error(`Zip entry "${name}" added twice: expected each path once`);
		if (name.startsWith('/') || name.split('/').includes('..'))
			throw new Error(`Zip entry "${name}": expected a relative path inside the archive`);
		this.#names.add(name);
		const deflated = deflateRawSync(data, { level: 9 });
		const stored = deflated.byteLength >= data.byteLength;
		const body = stored ? data : deflated;
		const entry: Central = {
			name: new TextEncoder().encode(name),
			method: stored ? 0 : 8,
			crc: crc32(data),
			compressed: body.byteLength,
			size: data.byteLength,
			offset: this.#offset,
		};
		if (
			this.#central.length >= 0xffff ||
			this.#offset + 30 + entry.name.byteLength + body.byteLength > LIMIT
		) {
			throw new Error(
				`Zip archive too large at "${name}": ` +
					'expected at most 65,535 entries and 4 GiB (zip64 is not written)',
			);
		}
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		writeEntryFields(header, 4, entry); // extra-field length (28) stays 0
		this.#central.push(entry);
		this.#offset += 30 + entry.name.byteLength + body.byteLength;
		return [header, entry.name, body];
	}

	/** The central directory and its end record: the archive's last bytes. */
	finish(): Uint8Array {
		const parts: Uint8Array[] = [];
		let size = 0;
		for (const e of this.#central) {
			const h = Buffer.alloc(46);
			h.writeUInt32LE(0x02014b50, 0);
			h.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, zip 2.0
			writeEntryFields(h, 6, e); // extra, comment, disk, internal attributes (30–37) stay 0
			h.writeUInt32LE(UNIX_FILE_644, 38);
			h.writeUInt32LE(e.offset, 42);
			parts.push(h, e.name);
			size += 46 + e.name.byteLength;
		}
		const end = Buffer.alloc(22);
		end.writeUInt32LE(0x06054b50, 0);
		end.writeUInt16LE(this.#central.length, 8);
		end.writeUInt16LE(this.#central.length, 10);
		end.writeUInt32LE(size, 12);
		end.writeUInt32LE(this.#offset, 16);
		return Buffer.concat([...parts, end]);
	}
}
