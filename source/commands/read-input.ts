import {Buffer} from 'node:buffer';
import {readFile} from 'node:fs/promises';
import {UserError} from '../model/user-error.js';

/** Reads a file argument, or stdin for `-`, with one-line errors a person can act on. */
export async function readInputFile(file: string | undefined, stdin: NodeJS.ReadStream, what: string): Promise<{text: string; name: string}> {
	if (!file) {
		throw new UserError(`missing ${what}; give a file name, or - to read standard input`);
	}

	if (file === '-') {
		if (stdin.isTTY) {
			throw new UserError(`reading ${what} from standard input, but it is a terminal; pipe a file in or give its name`);
		}

		const chunks: Uint8Array[] = [];
		for await (const chunk of stdin) {
			chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Uint8Array);
		}

		return {text: Buffer.concat(chunks).toString('utf8'), name: 'standard input'};
	}

	try {
		return {text: await readFile(file, 'utf8'), name: file};
	} catch (error: unknown) {
		const {code} = (error as NodeJS.ErrnoException);
		const reason = code === 'ENOENT' ? 'no such file' : (code === 'EISDIR' ? 'it is a directory' : (code === 'EACCES' ? 'permission denied' : (error as Error).message));
		throw new UserError(`cannot read ${file}: ${reason}`);
	}
}
