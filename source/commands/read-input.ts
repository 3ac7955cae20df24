import {Buffer} from 'node:buffer';
import {readFile} from 'node:fs/promises';
import {errorFacts} from '../aws/errors.js';
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
			// Buffers, or strings when someone set an encoding on the stream.
			const data: unknown = chunk;
			chunks.push(Buffer.isBuffer(data) ? data : Buffer.from(String(data)));
		}

		return {text: Buffer.concat(chunks).toString('utf8'), name: 'standard input'};
	}

	try {
		return {text: await readFile(file, 'utf8'), name: file};
	} catch (error: unknown) {
		throw new UserError(`cannot read ${file}: ${fileProblem(error)}`);
	}
}

/** Why a file could not be read, in words: the usual errno codes, else the error's own message. */
export function fileProblem(error: unknown): string {
	const {code, message} = errorFacts(error);
	switch (code) {
		case 'ENOENT': {
			return 'no such file';
		}

		case 'EISDIR': {
			return 'it is a directory';
		}

		case 'EACCES': {
			return 'permission denied';
		}

		default: {
			return message ?? String(error);
		}
	}
}
