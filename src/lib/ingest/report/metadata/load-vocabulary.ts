/**
 * Parse and check `content/vocabulary.yaml` (categories, themes and their signal words).
 *
 * Pure: takes the YAML text, never reads a file. The caller (a script) reads the file and
 * prefixes the file name to the error message.
 */
import { load } from 'js-yaml';
import { vocabularySchema, type Vocabulary } from '../../../frontmatter.ts';

/** Names of the first value that occurs twice in `values`, or null. */
function firstDuplicate(values: string[]): string | null {
	const seen = new Set<string>();
	for (const value of values) {
		if (seen.has(value)) return value;
		seen.add(value);
	}
	return null;
}

/**
 * Parse the vocabulary YAML text and validate it.
 *
 * Checks: the shape (unknown keys are errors), ASCII slugs, unique slugs and labels within
 * categories and within themes. Does NOT check that signal words are useful or distinct
 * across themes (one word may signal two themes).
 *
 * @param yamlText Contents of `content/vocabulary.yaml`.
 * @returns The vocabulary, in file order.
 * @throws Error whose message starts with `Invalid vocabulary:` and names each problem with
 *   its path, e.g. `themes.3.slug: Expected an ASCII slug …, found "共同愿景"`.
 */
export function parseVocabulary(yamlText: string): Vocabulary {
	let data: unknown;
	try {
		data = load(yamlText);
	} catch (error) {
		throw new Error(
			`Invalid vocabulary: not valid YAML (${(error as Error).message.split('\n')[0]})`,
		);
	}
	const parsed = vocabularySchema.safeParse(data);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => {
			const path = issue.path.join('.') || '(root)';
			const found = valueAt(data, issue.path);
			const suffix = typeof found === 'string' ? `, found "${found}"` : '';
			return `${path}: ${issue.message}${suffix}`;
		});
		throw new Error(`Invalid vocabulary:\n${lines.join('\n')}`);
	}
	const problems: string[] = [];
	for (const list of ['categories', 'themes'] as const) {
		const items = parsed.data[list];
		const slugDup = firstDuplicate(items.map((item) => item.slug));
		if (slugDup) problems.push(`${list}: duplicate slug "${slugDup}"; each slug must be unique`);
		const labelDup = firstDuplicate(items.map((item) => item.label));
		if (labelDup)
			problems.push(`${list}: duplicate label "${labelDup}"; each label must be unique`);
	}
	if (problems.length > 0) throw new Error(`Invalid vocabulary:\n${problems.join('\n')}`);
	return parsed.data;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
	let value: unknown = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}
