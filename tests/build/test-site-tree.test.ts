/**
 * Building the test site leaves the checkout as it was: `content/sources/` (the samples and
 * their id registry, ids.yaml) holds the same files with the same bytes after the build as
 * before it (tests/setup/build-site.ts records them first). A sample edited without its
 * registry fails that build (`--frozen-ids`) instead of rewriting ids.yaml.
 */
import { expect, inject, test } from 'vitest';
import { sampleSources } from '../setup/build-site.ts';
import { treeDigest } from '../helpers/tree-digest.ts';

test('content/sources is byte for byte what it was before the test site was built', () => {
	const before = inject('sourcesBefore');
	expect(before.map(([p]) => p)).toContain('ids.yaml');
	expect(treeDigest(sampleSources)).toEqual(before);
});
