import process from 'node:process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {expect} from 'vitest';

/**
 * Compares text with a golden file a reviewer can read. Run with
 * UPDATE_GOLDEN=1 to rewrite the files after an intended change, then read
 * the diff before committing.
 */
export function expectGolden(file: string, actual: string): void {
	if (Boolean(process.env.UPDATE_GOLDEN) || !existsSync(file)) {
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, actual);
	}

	expect(actual).toBe(readFileSync(file, 'utf8'));
}
