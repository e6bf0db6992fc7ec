/**
 * Read the inputs of an ingest run from disk: `*.txt` sources (with an optional `<name>.yaml`
 * beside each, checked with `sourceMetaSchema`), the vocabulary and the overrides file.
 *
 * Doesn’t ingest anything; problems become issues (a missing vocabulary is an error).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'js-yaml';
import { sourceMetaSchema } from '../../src/lib/frontmatter.ts';
import { parseVocabulary } from '../../src/lib/ingest/metadata/index.ts';
import { pickSources } from '../../src/lib/ingest/formats/kind.ts';
import type { IngestIssue, Overrides, SourceInput, Vocabulary } from '../../src/lib/ingest/types.ts';

export interface RunInputs {
	sources: SourceInput[];
	vocab: Vocabulary | null;
	overrides: Overrides;
	/** Line of each override id in the overrides file (for warnings). */
	overrideLines: Record<string, number>;
	/** Raw texts of the vocabulary and overrides files ('' when missing), for the cache key. */
	vocabularyText: string;
	overridesText: string;
	issues: IngestIssue[];
	bytes: number;
}

function issue(file: string, ruleId: string, message: string, line = 1): IngestIssue {
	return { file, line, column: 1, ruleId, severity: 'error', message };
}

async function readYaml(file: string): Promise<{ data: unknown; error: string | null; text: string } | null> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		return null;
	}
	// js-yaml 5 refuses a document without content; a file of comments only means “nothing”.
	if (text.split('\n').every((line) => /^\s*(?:#.*)?$/.test(line))) return { data: null, error: null, text };
	try {
		return { data: load(text), error: null, text };
	} catch (error) {
		return { data: null, error: (error as Error).message.split('\n')[0] ?? 'invalid YAML', text };
	}
}

/** Line (1-based) where `key:` first appears at the start of a line in a YAML text. */
export function yamlKeyLine(text: string, key: string): number {
	const at = text.split('\n').findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`'${key}':`) || l.startsWith(`"${key}":`));
	return at < 0 ? 1 : at + 1;
}

export async function readRunInputs(sourcesDir: string, vocabularyFile: string, overridesFile: string): Promise<RunInputs> {
	const out: RunInputs = { sources: [], vocab: null, overrides: {}, overrideLines: {}, vocabularyText: '', overridesText: '', issues: [], bytes: 0 };
	let names: string[] = [];
	try {
		const picked = pickSources(await readdir(sourcesDir));
		names = picked.sources;
		out.issues.push(...picked.issues);
	} catch {
		out.issues.push(issue(sourcesDir, 'input:sources-missing', `Expected a folder of .txt sources, found nothing at ${sourcesDir}.`));
	}
	for (const name of names) {
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await readFile(path.join(sourcesDir, name)));
		} catch (error) {
			out.issues.push(issue(name, 'decode:unreadable', `${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`));
			continue;
		}
		out.bytes += bytes.length;
		const metaName = name.replace(/\.[^.]+$/, '.yaml');
		const yaml = await readYaml(path.join(sourcesDir, metaName));
		let meta = null;
		if (yaml?.error) out.issues.push(issue(metaName, 'meta:invalid', `${metaName}: invalid YAML: ${yaml.error}`));
		else if (yaml) {
			const parsed = sourceMetaSchema.safeParse(yaml.data ?? {});
			if (parsed.success) meta = parsed.data;
			else
				for (const p of parsed.error.issues) {
					// An unknown key has an empty path: point at the key's own line and list the known ones.
					const unknown = 'keys' in p && Array.isArray(p.keys) ? String(p.keys[0]) : undefined;
					const key = p.path[0] !== undefined ? String(p.path[0]) : unknown;
					const hint = unknown ? `. Expected one of: ${Object.keys(sourceMetaSchema.shape).join(', ')}.` : '';
					out.issues.push(issue(metaName, 'meta:invalid', `${metaName}: **${p.path.join('.') || '(root)'}**: ${p.message}${hint}`, key ? yamlKeyLine(yaml.text, key) : 1));
				}
		}
		out.sources.push({ file: name, bytes, meta });
	}
	try {
		out.vocabularyText = await readFile(vocabularyFile, 'utf8');
		out.vocab = parseVocabulary(out.vocabularyText);
	} catch (error) {
		out.issues.push(issue(vocabularyFile, 'vocabulary:invalid', (error as Error).message));
	}
	const overrides = await readYaml(overridesFile);
	out.overridesText = overrides?.text ?? '';
	if (overrides?.error) out.issues.push(issue(overridesFile, 'overrides:invalid', `invalid YAML: ${overrides.error}`));
	else if (overrides && overrides.data != null) {
		const data = overrides.data;
		const valid = typeof data === 'object' && !Array.isArray(data) && Object.values(data as object).every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
		if (valid) {
			out.overrides = data as Overrides;
			for (const id of Object.keys(out.overrides)) out.overrideLines[id] = yamlKeyLine(overrides.text, id);
		}
		else out.issues.push(issue(overridesFile, 'overrides:invalid', 'Expected a mapping of report id → mapping of fields, e.g. `000-abc-1f3a9c0b: { unit: 延庆县农经站 }`.'));
	}
	return out;
}
