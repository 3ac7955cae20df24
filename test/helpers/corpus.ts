import process from 'node:process';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {repoRoot} from './run-cli.js';

export type DefinitionFile = {file: string; text: string};

/**
 * The project's own definitions, written for the tests: every shape they draw
 * or check — Choice, Parallel, Map, Catch and Retry, nesting four deep, long
 * names, a wide fan-out, 120 states — plus the examples. They live in the
 * repository, so a clone with nothing beside it tests everything.
 */
export const fixtureDirectory = path.join(repoRoot, 'test', 'fixtures', 'definitions');

export const fixture = (name: string) => path.join(fixtureDirectory, name);

export function fixtureDefinitions(): DefinitionFile[] {
	return [
		...jsonFiles(fixtureDirectory),
		...jsonFiles(path.join(repoRoot, 'examples')).map(({file, text}) => ({file: `examples/${file}`, text})),
	];
}

/**
 * An optional folder of real definitions to sweep as well, named by
 * SFNTOP_CORPUS_DIR (.ci/run points it at ../shared/corpus/asl when that
 * exists). Unset: no sweep. Set to a folder that is not there: the sweep
 * fails, rather than passing over nothing.
 */
export const corpusDirectory = process.env.SFNTOP_CORPUS_DIR ? path.resolve(process.env.SFNTOP_CORPUS_DIR) : undefined;

/** Said once per test file when there is no sweep, so a run shows what it left out. */
export const corpusSkipNote = 'corpus sweep skipped: SFNTOP_CORPUS_DIR is not set (.ci/run sets it to ../shared/corpus/asl when that folder exists)';

if (!corpusDirectory) {
	console.info(corpusSkipNote);
}

export function corpusFiles(): DefinitionFile[] {
	return corpusDirectory ? jsonFiles(corpusDirectory) : [];
}

function jsonFiles(directory: string): DefinitionFile[] {
	return readdirSync(directory)
		.filter(file => file.endsWith('.json'))
		.toSorted()
		.map(file => ({file, text: readFileSync(path.join(directory, file), 'utf8')}));
}
