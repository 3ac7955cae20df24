import {UserError} from '../user-error.js';

/** Line and column (1-based) of a character offset in text. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	for (let index = 0; index < offset && index < text.length; index++) {
		if (text[index] !== '\n') {
			continue;
		}

		line++;
		lineStart = index + 1;
	}

	return {line, column: offset - lineStart + 1};
}

/**
 * JSON.parse with an error a person can act on: `what: invalid JSON at line L,
 * column C (reason)`. V8 reports the failing offset as "at position N".
 */
export function parseJsonText(text: string, what: string): unknown {
	try {
		return JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		const position = /position (\d+)/.exec(message);
		const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
		if (position) {
			const {line, column} = lineAndColumn(text, Number(position[1]));
			throw new UserError(`${what} is not valid JSON: ${reason.split('\n', 1)[0]} at line ${line}, column ${column}`);
		}

		if (text.trim() === '') {
			throw new UserError(`${what} is empty; expected JSON`);
		}

		throw new UserError(`${what} is not valid JSON: ${reason.split('\n', 1)[0]}`);
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Array.isArray, narrowing to unknown[] (not any[]), so what comes out of it is checked too. */
export function isList(value: unknown): value is unknown[] {
	return Array.isArray(value);
}
