/**
 * The source text of the modules the knowledge cache's values are computed by, bundled by Vite
 * (`?raw`), for `knowledge-cache.ts` to digest into its code version. A module of its own
 * because a glob never matches the module that holds it. Its list is part of the digest (the
 * paths are hashed with the text), so editing it changes the version too.
 */
export const KNOWLEDGE_CODE = import.meta.glob<string>(
	[
		'../lib/knowledge/*.ts',
		'../lib/site/excerpt.ts',
		'../lib/mdx/anchor-id.ts',
		'../content.ts',
		'./knowledge-cache.ts',
	],
	{ query: '?raw', import: 'default', eager: true },
);
