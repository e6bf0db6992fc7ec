/**
 * Generate the benchmark corpus from this repository's sample compilations and write it to a
 * folder. The sample sentences come from every `.txt` in `samplesDir`, in name order.
 * Doesn’t clear the folder first: the caller passes a fresh one.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCorpus } from './generate-corpus.ts';
import { sentencePool } from './sentence-pool.ts';

export interface WrittenCorpus {
	files: number;
	bytes: number;
}

export async function writeCorpus(
	samplesDir: string,
	outDir: string,
	reports: number,
): Promise<WrittenCorpus> {
	const names = (await readdir(samplesDir)).filter((n) => n.endsWith('.txt')).sort();
	const texts = await Promise.all(names.map((n) => readFile(path.join(samplesDir, n), 'utf8')));
	const corpus = generateCorpus({ reports, pool: sentencePool(texts) });
	await mkdir(outDir, { recursive: true });
	let bytes = 0;
	for (const file of corpus) {
		await writeFile(path.join(outDir, file.name), file.text);
		bytes += Buffer.byteLength(file.text);
	}
	return { files: corpus.length, bytes };
}
