/**
 * ASCII ids that stay stable when other sources are added, removed or reordered: a source’s
 * slug comes from its own file name, a report’s id from its source slug and a hash of its own
 * title, subtitle and unit (docs/ingest-spec.md §2).
 *
 * @example
 *   sourceSlug('000_072d85c6eac7fde3.txt') → '000-072d85c6eac7fde3'
 *   reportId('000-072d85c6eac7fde3', ['强素质 促发展 …', '——延庆县农经站…']) → '000-072d85c6eac7fde3-1f3a9c0b'
 *
 * Doesn’t use a global counter or the position of the report.
 */

/** 53-bit string hash (cyrb53), as 8 lower-case hex digits. */
export function hash8(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	// The 53-bit hash is 2^32 * (2097151 & h2) + (h1 >>> 0): its last 8 hex digits are those of
	// h1's 32 bits, written here digit by digit (Number#toString(16) of a double is slow).
	let hex = '';
	for (let shift = 28; shift >= 0; shift -= 4) hex += HEX[(h1 >>> shift) & 15];
	return hex;
}

const HEX = '0123456789abcdef';

/** ASCII slug of a source file name (extension dropped); a hash when nothing ASCII is left. */
export function sourceSlug(file: string): string {
	const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
	const ascii = base
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return ascii.length >= 2 ? ascii : `source-${hash8(base)}`;
}

/**
 * Make unique ids within one source: `<prefix>-<hash8 of parts>`; when two records share the
 * same parts, the later ones hash `salt` too (the start of their own text), then add a counter.
 */
export function uniqueIds(
	prefix: string,
	records: ReadonlyArray<{ parts: readonly string[]; salt: string }>,
): string[] {
	const used = new Set<string>();
	return records.map(({ parts, salt }) => {
		const base = parts.join('\u0000');
		let id = `${prefix}-${hash8(base)}`;
		if (used.has(id)) id = `${prefix}-${hash8(`${base}\u0000${salt}`)}`;
		for (let n = 2; used.has(id); n++) id = `${prefix}-${hash8(base)}-${n}`;
		used.add(id);
		return id;
	});
}

/** What `findCollisions` needs of one source's output. */
export interface SlugOwner {
	file: string;
	source: { slug: string } | null;
	reports: ReadonlyArray<{ id: string; lines: readonly [number, number] }>;
}

/**
 * Errors for two sources with one slug (`汇编-12.txt` and `报告-12.txt` are both `12`;
 * `ab.txt` and `AB.txt` are both `ab`) and for two reports with one id, each naming both files
 * (and lines): one compilation page or report page would silently overwrite the other. Slugs are
 * not made unique behind the user's back (a counter would depend on which files exist, and ids
 * must stay stable, docs/ingest-spec.md §2): the fix is to rename a file.
 *
 * @param outputs In file-name order; the later of two is the one blamed.
 */
export function findCollisions(outputs: readonly SlugOwner[]): Array<{
	file: string;
	line: number;
	column: number;
	ruleId: string;
	severity: 'error';
	message: string;
}> {
	const issues: ReturnType<typeof findCollisions> = [];
	const slugs = new Map<string, string>();
	const ids = new Map<string, { file: string; line: number }>();
	for (const out of outputs) {
		if (!out.source) continue;
		const first = slugs.get(out.source.slug);
		if (first !== undefined) {
			issues.push({
				file: out.file,
				line: 1,
				column: 1,
				ruleId: 'slug:collision',
				severity: 'error',
				message: `${out.file} and ${first} have the same slug “${out.source.slug}” (the ASCII letters and digits of the file name): one compilation page would replace the other. Rename one of the two files.`,
			});
			continue;
		}
		slugs.set(out.source.slug, out.file);
		for (const report of out.reports) {
			const seen = ids.get(report.id);
			if (seen)
				issues.push({
					file: out.file,
					line: report.lines[0],
					column: 1,
					ruleId: 'id:collision',
					severity: 'error',
					message: `Report id “${report.id}” is also the id of the report at ${seen.file}:${seen.line}: one page would overwrite the other. Rename one of the source files.`,
				});
			else ids.set(report.id, { file: out.file, line: report.lines[0] });
		}
	}
	return issues;
}
