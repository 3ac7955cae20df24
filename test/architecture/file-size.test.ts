// No source file over 300 lines (docs/ARCHITECTURE.md): past that a file holds more than one concept.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {repoRoot} from '../helpers/run-cli.js';

const limit = 300;

/**
 * Known exceptions, each with its owner. Generated tables (`*.generated.ts`) are data, not read as code.
 * Remove an entry when its file is split; a new file over the limit fails this test.
 */
const pending = new Map<string, string>();

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(directory, entry.name);
		return entry.isDirectory() ? sourceFiles(full) : (/\.tsx?$/.test(entry.name) ? [full] : []);
	});
}

test(`no source file is over ${limit} lines`, () => {
	const sourceRoot = path.join(repoRoot, 'source');
	const long = sourceFiles(sourceRoot)
		.map(file => ({file: path.relative(sourceRoot, file), lines: readFileSync(file, 'utf8').split('\n').length - 1}))
		.filter(({file, lines}) => lines > limit && !file.endsWith('.generated.ts') && !pending.has(file))
		.map(({file, lines}) => `${file}: ${lines} lines`);
	expect(long).toEqual([]);
});
