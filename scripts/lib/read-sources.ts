/**
 * Read the inputs of an ingest run from disk: the sources (files of `SOURCE_EXTENSIONS`, with an
 * optional `<name>.yaml` beside each, checked with `sourceMetaSchema`), the vocabulary and the
 * overrides file.
 *
 * Every entry of the sources folder is accounted for: a source is read (only a regular file
 * inside the folder, at most `maxSourceBytes`: see `safe-read.ts`), a `.yaml` is the metadata of
 * its source, anything else is named in a warning (`notes.md: not a compilation (.txt); skipped`).
 * A folder without any source is an error unless `allowEmpty` (an empty folder would otherwise
 * replace a full site by an empty one).
 *
 * Doesn’t ingest anything; problems become issues at their `line:column` (a missing vocabulary
 * is an error).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sourceMetaSchema } from '../../src/lib/frontmatter.ts';
import { parseVocabulary } from '../../src/lib/ingest/report/metadata/index.ts';
import { sourceKind } from '../../src/lib/ingest/formats/kind.ts';
import type {
	IngestIssue,
	Overrides,
	SourceInput,
	Vocabulary,
} from '../../src/lib/ingest/types.ts';
import { DEFAULT_MAX_SOURCE_BYTES, readInsideFolder } from './safe-read.ts';
import { parseYaml, YAML_MAX_BYTES, type YamlPlace } from './yaml-file.ts';

/** The kinds of source the ingest reads, by file extension (lower case). */
const SOURCE_EXTENSIONS: readonly string[] = ['.txt', '.pdf', '.docx', '.html', '.htm'];
/** The id registry's file name in the sources folder (not a metadata file: `id-registry.ts`). */
const REGISTRY_NAME = 'ids.yaml';
/** Extension of the optional metadata file beside a source. */
const METADATA_EXTENSION = '.yaml';

export interface ReadOptions {
	/** Largest source file accepted, in bytes (default `DEFAULT_MAX_SOURCE_BYTES`, 64 MiB). */
	maxSourceBytes?: number;
	/** Accept a sources folder without any source (default false: an error). */
	allowEmpty?: boolean;
}

export interface RunInputs {
	sources: SourceInput[];
	vocab: Vocabulary | null;
	overrides: Overrides;
	/** Line of each override id in the overrides file (for warnings). */
	overrideLines: Record<string, number>;
	/** Line:column of a key of the overrides file by its path (`[id, field]`), 1:1 when unknown. */
	overridePlace: (path: readonly PropertyKey[]) => YamlPlace;
	/** Raw texts of the vocabulary and overrides files ('' when missing), for the cache key. */
	vocabularyText: string;
	overridesText: string;
	issues: IngestIssue[];
	bytes: number;
}

function issue(
	file: string,
	ruleId: string,
	message: string,
	place: YamlPlace = { line: 1, column: 1 },
	severity: IngestIssue['severity'] = 'error',
): IngestIssue {
	return { file, line: place.line, column: place.column, ruleId, severity, message };
}

const sourceKinds = () => SOURCE_EXTENSIONS.join(', ');

/** The extension of `name` when it is a source kind, else null. */
function sourceExtension(name: string): string | null {
	const ext = path.extname(name).toLowerCase();
	return SOURCE_EXTENSIONS.includes(ext) ? ext : null;
}

/**
 * Read a repository text file (vocabulary, overrides) with the same reader as the sources: a
 * regular file (a symlink only to a file in its own folder), at most `YAML_MAX_BYTES`, UTF-8.
 * @returns null when the file doesn't exist.
 */
async function readSmallText(file: string): Promise<{ text: string } | { error: string } | null> {
	const read = await readInsideFolder(
		path.dirname(path.resolve(file)),
		path.basename(file),
		YAML_MAX_BYTES,
	);
	if (!read.ok)
		return /\(ENOENT\)/.test(read.message)
			? null
			: {
					error: `${path.basename(file)}: ${read.message.replace(/per source file\. Split it, or raise the limit with --max-source-mb\./, 'per YAML file. Split or shorten it.')}`,
				};
	try {
		return {
			text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, ''),
		};
	} catch {
		return {
			error: `${path.basename(file)}: expected UTF-8 text, found other bytes. Save it as UTF-8.`,
		};
	}
}

/** Metadata `<source>.yaml` → `sourceMetaSchema` data, or issues at the keys’ lines. */
async function readMeta(
	dir: string,
	metaName: string,
	issues: IngestIssue[],
): Promise<SourceInput['meta']> {
	const read = await readInsideFolder(dir, metaName, YAML_MAX_BYTES);
	if (!read.ok) {
		if (!/\(ENOENT\)/.test(read.message))
			issues.push(issue(metaName, 'meta:unreadable', `${metaName}: ${read.message}`));
		return null;
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
	} catch {
		issues.push(
			issue(
				metaName,
				'meta:invalid',
				`${metaName}: expected UTF-8 text, found other bytes. Save it as UTF-8.`,
			),
		);
		return null;
	}
	const yaml = parseYaml(text);
	if (!yaml.ok) {
		issues.push(issue(metaName, 'meta:invalid', `${metaName}: ${yaml.message}`, yaml.place));
		return null;
	}
	const parsed = sourceMetaSchema.safeParse(yaml.data ?? {});
	if (parsed.success) return parsed.data;
	for (const p of parsed.error.issues) {
		// An unknown key has an empty path: point at the key's own line and list the known ones.
		const unknown = 'keys' in p && Array.isArray(p.keys) ? String(p.keys[0]) : undefined;
		const at = unknown !== undefined && p.path.length === 0 ? [unknown] : p.path;
		const hint = unknown
			? `. Expected one of: ${Object.keys(sourceMetaSchema.shape).join(', ')}.`
			: '';
		issues.push(
			issue(
				metaName,
				'meta:invalid',
				`${metaName}: **${p.path.join('.') || '(root)'}**: ${p.message}${hint}`,
				yaml.placeOf(at),
			),
		);
	}
	return null;
}

/** The vocabulary, or issues at the lines of the problems `parseVocabulary` names by path. */
async function readVocabulary(file: string, out: RunInputs): Promise<void> {
	const read = await readSmallText(file);
	if (read === null || 'error' in read) {
		out.issues.push(
			issue(
				file,
				'vocabulary:invalid',
				read ? read.error : `Expected the vocabulary at ${file}, found nothing.`,
			),
		);
		return;
	}
	out.vocabularyText = read.text;
	const yaml = parseYaml(read.text);
	if (!yaml.ok) {
		out.issues.push(
			issue(file, 'vocabulary:invalid', `Invalid vocabulary: ${yaml.message}`, yaml.place),
		);
		return;
	}
	try {
		out.vocab = parseVocabulary(read.text);
	} catch (error) {
		// parseVocabulary names each problem on its own line as `path: message` (its @throws).
		const [head, ...problems] = (error as Error).message.split('\n');
		if (problems.length === 0) problems.push(head ?? 'Invalid vocabulary');
		for (const line of problems) {
			const pathText = /^([\w.-]+): /.exec(line)?.[1];
			let at: PropertyKey[] =
				pathText && pathText !== '(root)'
					? pathText.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))
					: [];
			// `themes: duplicate slug "x"`: point at the second entry that has it.
			const dup = /^(categories|themes): duplicate (slug|label) "(.*)"/.exec(line);
			const list = dup ? (yaml.data as Record<string, unknown> | null)?.[dup[1]!] : undefined;
			if (dup && Array.isArray(list)) {
				const second = list.findIndex(
					(item, i) =>
						i > list.findIndex((x) => (x as Record<string, unknown>)?.[dup[2]!] === dup[3]) &&
						(item as Record<string, unknown>)?.[dup[2]!] === dup[3],
				);
				if (second >= 0) at = [dup[1]!, second, dup[2]!];
			}
			out.issues.push(
				issue(file, 'vocabulary:invalid', `Invalid vocabulary: ${line}`, yaml.placeOf(at)),
			);
		}
	}
}

async function readOverrides(file: string, out: RunInputs): Promise<void> {
	const read = await readSmallText(file);
	if (read === null) return;
	if ('error' in read) {
		out.issues.push(issue(file, 'overrides:invalid', read.error));
		return;
	}
	out.overridesText = read.text;
	const yaml = parseYaml(read.text);
	if (!yaml.ok) {
		out.issues.push(issue(file, 'overrides:invalid', yaml.message, yaml.place));
		return;
	}
	out.overridePlace = yaml.placeOf;
	const data = yaml.data;
	if (data == null) return;
	const valid =
		typeof data === 'object' &&
		!Array.isArray(data) &&
		Object.values(data as object).every(
			(v) => v !== null && typeof v === 'object' && !Array.isArray(v),
		);
	if (!valid) {
		out.issues.push(
			issue(
				file,
				'overrides:invalid',
				'Expected a mapping of report id → mapping of fields, e.g. `000-abc-1f3a9c0b: { unit: 延庆县农经站 }`.',
			),
		);
		return;
	}
	out.overrides = data as Overrides;
	for (const id of Object.keys(out.overrides)) out.overrideLines[id] = yaml.placeOf([id]).line;
}

/** The folder's entries, sorted; null (with the issue) when there is no such folder. */
async function listFolder(sourcesDir: string, issues: IngestIssue[]): Promise<string[] | null> {
	try {
		return (await readdir(sourcesDir)).sort();
	} catch {
		issues.push(
			issue(
				sourcesDir,
				'input:sources-missing',
				`Expected a folder of sources (${sourceKinds()}), found nothing at ${sourcesDir}.`,
			),
		);
		return null;
	}
}

/**
 * An issue for each entry of the folder that is neither a source, nor a source's metadata, nor
 * the id registry: a legacy Word/WPS file is an error, anything else is skipped with a warning.
 */
function strayEntries(entries: readonly string[], names: readonly string[]): IngestIssue[] {
	const metaNames = new Set(
		names.map((n) => n.slice(0, -path.extname(n).length) + METADATA_EXTENSION),
	);
	const issues: IngestIssue[] = [];
	for (const name of entries) {
		// The id registry lives beside the sources (run-ingest.ts reads it).
		if (sourceExtension(name) !== null || metaNames.has(name) || name === REGISTRY_NAME) continue;
		const what =
			path.extname(name) === METADATA_EXTENSION
				? `metadata for no source (no ${name.slice(0, -METADATA_EXTENSION.length)}${SOURCE_EXTENSIONS[0]} beside it)`
				: `not a compilation (${sourceKinds()})`;
		// A legacy Word/WPS file is refused, with what to save it as (its text can't be read here).
		if (sourceKind(name) === 'legacy')
			issues.push(
				issue(
					name,
					'input:legacy-format',
					`${name}: expected a compilation (${sourceKinds()}), found a legacy ${path.extname(name).toLowerCase()} file. Save it as .docx or PDF.`,
				),
			);
		else
			issues.push(issue(name, 'input:skipped', `${name}: ${what}; skipped.`, undefined, 'warning'));
	}
	return issues;
}

/** Read each source (at most `limit` bytes) and its metadata into `out`; a failed read is named. */
async function readSources(
	sourcesDir: string,
	entries: readonly string[],
	names: readonly string[],
	limit: number,
	out: RunInputs,
): Promise<void> {
	for (const name of names) {
		const read = await readInsideFolder(sourcesDir, name, limit);
		if (!read.ok) {
			const rule = /over the limit/.test(read.message) ? 'input:too-large' : 'decode:unreadable';
			out.issues.push(issue(name, rule, `${name}: ${read.message}`));
			continue;
		}
		out.bytes += read.bytes.length;
		const metaName = name.slice(0, -path.extname(name).length) + METADATA_EXTENSION;
		const meta = entries.includes(metaName)
			? await readMeta(sourcesDir, metaName, out.issues)
			: null;
		out.sources.push({ file: name, bytes: read.bytes, meta });
	}
}

export async function readRunInputs(
	sourcesDir: string,
	vocabularyFile: string,
	overridesFile: string,
	options: ReadOptions = {},
): Promise<RunInputs> {
	const out: RunInputs = {
		sources: [],
		vocab: null,
		overrides: {},
		overrideLines: {},
		overridePlace: () => ({ line: 1, column: 1 }),
		vocabularyText: '',
		overridesText: '',
		issues: [],
		bytes: 0,
	};
	const entries = await listFolder(sourcesDir, out.issues);
	const names = (entries ?? []).filter((n) => sourceExtension(n) !== null);
	out.issues.push(...strayEntries(entries ?? [], names));
	if (entries && names.length === 0 && !options.allowEmpty) {
		out.issues.push(
			issue(
				sourcesDir,
				'input:sources-empty',
				`Expected at least one source (${sourceKinds()}) in ${sourcesDir}, found none: building would replace the site by an empty one. Add sources, or pass --allow-empty.`,
			),
		);
	}
	const limit = options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES;
	await readSources(sourcesDir, entries ?? [], names, limit, out);
	await readVocabulary(vocabularyFile, out);
	await readOverrides(overridesFile, out);
	return out;
}
