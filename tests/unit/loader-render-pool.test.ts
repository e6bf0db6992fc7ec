/**
 * The report loader's render pool (src/loaders/render-pool.ts): in worker threads or in the
 * calling thread, every job gives what `renderMdx` gives for its body, in job order, with its
 * body file written; a failing file is reported by name.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toMdx } from '../../src/lib/mdx/to-mdx.ts';
import { renderMdx } from '../../src/lib/mdx/render-mdx.ts';
import { createRenderPool } from '../../src/loaders/render-pool.ts';
import type { RenderJob } from '../../src/loaders/render-report-file.ts';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'huibian-pool-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

// Bodies that differ in length and structure, so a job answered out of order would show.
let batchNo = 0;
const jobs = (): RenderJob[] => {
	batchNo += 1;
	return Array.from({ length: 9 }, (_, i) => {
		const text = toMdx({ id: `r-${i}`, title: `标题${i}` }, [
			{ type: 'heading', depth: 2, text: `第${i}节` },
			...Array.from({ length: i + 1 }, (_, k) => ({
				type: 'paragraph' as const,
				text: `段落${i}-${k}：{不是表达式} <不是标签>`,
			})),
		]);
		return { name: `r-${i}.mdx`, text, bodyFile: path.join(dir, `b${batchNo}-r-${i}.html`) };
	});
};

describe.each([1, 2])('createRenderPool(%i)', (threads) => {
	test('renders every job like renderMdx, in job order, and writes each body file', async () => {
		const pool = createRenderPool(threads);
		try {
			const batch = jobs();
			const results = await pool.render(batch);
			expect(results).toHaveLength(batch.length);
			for (const [i, job] of batch.entries()) {
				const expected = renderMdx(job.text);
				expect(results[i]!.headings).toEqual(expected.headings);
				expect(results[i]!.data).toMatchObject({ id: `r-${i}`, title: `标题${i}` });
				expect(await readFile(job.bodyFile, 'utf8')).toBe(expected.html);
			}
		} finally {
			await pool.close();
		}
	});

	test('a file that is not a generated page fails with its name', async () => {
		const pool = createRenderPool(threads);
		try {
			const bad = {
				name: 'broken.mdx',
				text: '---\nid: x\n---\n\n<Widget />\n',
				bodyFile: path.join(dir, 'broken.html'),
			};
			await expect(pool.render([...jobs().slice(0, 2), bad])).rejects.toThrow(
				/^broken\.mdx: .*MDX syntax/,
			);
			const noFrontmatter = {
				name: 'plain.mdx',
				text: 'no frontmatter',
				bodyFile: path.join(dir, 'plain.html'),
			};
			await expect(pool.render([noFrontmatter])).rejects.toThrow(
				/^plain\.mdx:1:1: Expected YAML frontmatter/,
			);
		} finally {
			await pool.close();
		}
	});
});
