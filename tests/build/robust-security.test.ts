/**
 * Security by inspection of the source (issue 6): no ingested value reaches a page through a
 * raw-HTML sink. In `.astro` files, `set:html` is allowed only on a JSON-LD script whose value
 * comes from a helper of src/lib that escapes `<` (so `</script>` in a title cannot close it);
 * in client code (src/**\/*.ts), no `innerHTML`-like sink at all: search results and
 * highlights are built from text nodes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { root } from '../fixtures/robust-site/run-build.ts';

const src = path.join(root, 'src');
const files = async (ext: string) =>
	(await readdir(src, { recursive: true })).filter((f) => f.endsWith(ext)).sort();

/** Does the module `spec` imported by `file` (resolved within src/lib) escape `<` as `\u003c`? */
async function escapingModule(file: string, spec: string): Promise<boolean> {
	const module = path.resolve(path.dirname(path.join(src, file)), spec.replace(/(\.ts)?$/, '.ts'));
	if (!module.startsWith(path.join(src, 'lib'))) return false;
	return /\\\\u003c/i.test(await readFile(module, 'utf8').catch(() => ''));
}

/** Is `fn` imported in `text` (of `file`) from a module that escapes `<`? */
async function escapingHelper(file: string, text: string, fn: string): Promise<boolean> {
	const spec = new RegExp(`import\\s*\\{[^}]*\\b${fn}\\b[^}]*\\}\\s*from\\s*['"]([^'"]+)['"]`).exec(
		text,
	)?.[1];
	return spec ? escapingModule(file, spec) : false;
}

/**
 * Where `set:html` is used in an Astro file and is not allowed. Allowed: on a
 * `<script type="application/ld+json">`, with a value that is a call of an escaping helper of
 * src/lib, or a prop that every .astro file passing it fills with such a call.
 * @param all Every .astro file (path → text), to follow props.
 */
async function setHtmlFindings(
	file: string,
	text: string,
	all: ReadonlyMap<string, string>,
): Promise<string[]> {
	const findings: string[] = [];
	for (const match of text.matchAll(/set:html\s*=\s*(\{[^}]*\}?|"[^"]*"|'[^']*')/g)) {
		const line = text.slice(0, match.index).split('\n').length;
		const tag = text.slice(text.lastIndexOf('<', match.index), match.index);
		let ok = false;
		if (/^<script\b[^>]*type=["']application\/ld\+json["']/.test(tag)) {
			const call = /^\{\s*([A-Za-z_$][\w$]*)\(/.exec(match[1] ?? '');
			const prop = /^\{\s*([A-Za-z_$][\w$]*)\s*\}$/.exec(match[1] ?? '');
			if (call) ok = await escapingHelper(file, text, call[1]!);
			else if (prop) {
				const passes: Array<Promise<boolean>> = [];
				for (const [other, code] of all) {
					for (const m of code.matchAll(
						new RegExp(`\\b${prop[1]}=\\{\\s*([A-Za-z_$][\\w$]*)?(\\()?`, 'g'),
					)) {
						passes.push(m[1] && m[2] ? escapingHelper(other, code, m[1]) : Promise.resolve(false));
					}
				}
				const results = await Promise.all(passes);
				ok = results.length > 0 && results.every(Boolean);
			}
		}
		if (!ok)
			findings.push(
				`${file}:${line}: set:html=${match[1]} (allowed only for JSON-LD built by an escaping helper of src/lib)`,
			);
	}
	return findings;
}

describe('no raw-HTML path for ingested text', () => {
	test('.astro files use set:html only for escaped JSON-LD', async () => {
		const all = new Map<string, string>();
		for (const file of await files('.astro'))
			all.set(file, await readFile(path.join(src, file), 'utf8'));
		expect(all.size).toBeGreaterThan(10);
		const findings: string[] = [];
		for (const [file, text] of all) findings.push(...(await setHtmlFindings(file, text, all)));
		expect(findings).toEqual([]);
	});

	test('the check itself flags raw set:html, and JSON-LD not built by an escaping helper', async () => {
		const none = new Map<string, string>();
		expect(
			await setHtmlFindings('pages/x.astro', '<div set:html={entry.data.title} />', none),
		).toHaveLength(1);
		expect(await setHtmlFindings('pages/x.astro', '<div set:html={html} />', none)).toHaveLength(1);
		// JSON.stringify does not escape `<`: `</script>` in a title would end the script.
		expect(
			await setHtmlFindings(
				'pages/x.astro',
				'<script type="application/ld+json" set:html={JSON.stringify(data)} />',
				none,
			),
		).toHaveLength(1);
		// A prop filled by a non-escaping call somewhere is refused too.
		const passer = new Map([['pages/y.astro', '<X ld={JSON.stringify(d)} />']]);
		expect(
			await setHtmlFindings(
				'layouts/X.astro',
				'<script type="application/ld+json" set:html={ld} />',
				passer,
			),
		).toHaveLength(1);
	});

	test('client and library code never parses text as HTML', async () => {
		const sinks =
			/\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|createContextualFragment|new DOMParser|dangerouslySetInnerHTML/;
		const findings: string[] = [];
		for (const file of [...(await files('.ts')), ...(await files('.astro'))]) {
			const lines = (await readFile(path.join(src, file), 'utf8')).split('\n');
			lines.forEach((l, i) => sinks.test(l) && findings.push(`${file}:${i + 1}: ${l.trim()}`));
		}
		expect(findings).toEqual([]);
	});

	test('search results put record text in through textContent and text nodes', async () => {
		const code = await readFile(path.join(src, 'components/search/result-item.ts'), 'utf8');
		expect(code).toMatch(/textContent = /);
		expect(code).toMatch(/createTextNode\(/);
	});
});
