import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {repoRoot} from './run-cli.js';

/** The shared corpus of real ASL definitions (../shared/corpus/asl beside the repo). */
export const corpusDirectory = path.resolve(repoRoot, '..', 'shared', 'corpus', 'asl');

export function corpusFiles(): Array<{file: string; text: string}> {
	return readdirSync(corpusDirectory)
		.filter(file => file.endsWith('.json'))
		.toSorted()
		.map(file => ({file, text: readFileSync(path.join(corpusDirectory, file), 'utf8')}));
}
