/**
 * The source text of the modules the knowledge cache's values are computed by, bundled by Vite
 * (`?raw`), for `knowledge-cache.ts` to digest into its code version. A module of its own
 * because a glob never matches the module that holds it. Its list is part of the digest (the
 * paths are hashed with the text), so editing it changes the version too.
 */
import parse5Package from '../../node_modules/parse5/package.json?raw';

const PARSE5_PACKAGE_PATH = '../../node_modules/parse5/package.json';
const MODULES = import.meta.glob<string>(
	[
		'../lib/knowledge/*.ts',
		'../lib/site/excerpt.ts',
		'../lib/mdx/anchor-id.ts',
		'../content.ts',
		'./knowledge-cache.ts',
	],
	{ query: '?raw', import: 'default', eager: true },
);

/**
 * The modules, and the version of the HTML parser `rendered-blocks.ts` reads bodies with (a glob
 * skips node_modules).
 */
export const KNOWLEDGE_CODE: Record<string, string> = {
	...MODULES,
	[PARSE5_PACKAGE_PATH]: parse5Package,
};
