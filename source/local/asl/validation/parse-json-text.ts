/*
 * The definition text as JSON, the way AWS's parser (Jackson) reports what
 * is wrong with it (recorded, LocalStack v2/test_sfn_api_validation.snapshot.json):
 *   " "                → SCHEMA_VALIDATION_FAILED "Definition must be a valid JSON object"
 *   "not a definition" → INVALID_JSON_DESCRIPTION "Unrecognized token 'not': was expecting (JSON String,
 *                        Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)"…"; line: 1, column: 4]"
 * Nesting deeper than Jackson's default limit (1000) is refused before parsing,
 * so nothing later has to walk an unbounded structure.
 */
import {Buffer} from 'node:buffer';
import {DiagnosticList, schemaFailed} from './diagnostics.js';

export const maxJsonDepth = 1000;
/** AWS's hard quota on a definition: 1 MB. */
export const maxDefinitionBytes = 1_048_576;

export type ParsedText = {value: unknown} | {diagnostics: DiagnosticList};

export function parseJsonText(text: string): ParsedText {
	const diagnostics = new DiagnosticList();
	if (Buffer.byteLength(text, 'utf8') > maxDefinitionBytes) {
		diagnostics.error(schemaFailed, `The definition is ${Buffer.byteLength(text, 'utf8')} bytes; the maximum size of a state machine definition is ${maxDefinitionBytes} bytes`);
		return {diagnostics};
	}

	if (text.trim() === '') {
		diagnostics.error(schemaFailed, 'Definition must be a valid JSON object');
		return {diagnostics};
	}

	const tooDeep = depthProblem(text);
	if (tooDeep) {
		diagnostics.error('INVALID_JSON_DESCRIPTION', `${tooDeep.message}\n at ${sourceText(text, tooDeep.index)}`, sourceText(text, tooDeep.index));
		return {diagnostics};
	}

	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		const problem = syntaxProblem(text);
		diagnostics.error('INVALID_JSON_DESCRIPTION', `${problem.message}\n at ${sourceText(text, problem.index)}`, sourceText(text, problem.index));
		return {diagnostics};
	}

	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		diagnostics.error(schemaFailed, 'Definition must be a valid JSON object');
		return {diagnostics};
	}

	return {value};
}

/** Jackson's "[Source: (String)"…"; line: L, column: C]": the column is 1-based, of the character at `index` (0-based). */
function sourceText(text: string, index: number): string {
	const before = text.slice(0, index);
	const line = before.split('\n').length;
	const column = index - before.lastIndexOf('\n');
	const shown = text.length > 500 ? `${text.slice(0, 500)}"[truncated ${text.length - 500} chars]` : `${text}"`;
	return `[Source: (String)"${shown}; line: ${line}, column: ${column}]`;
}

/** The first place the nesting goes past the limit (strings skipped), in one linear pass. */
function depthProblem(text: string): {message: string; index: number} | undefined {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') {
				index++;
			} else if (char === '"') {
				inString = false;
			}
		} else {
			switch (char) {
				case '"': {
					inString = true;

					break;
				}

				case '{':
				case '[': {
					depth++;
					if (depth > maxJsonDepth) {
						return {message: `Document nesting depth (${depth}) exceeds the maximum allowed (${maxJsonDepth})`, index: index + 1};
					}

					break;
				}

				case '}':
				case ']': {
					depth--;

					break;
				}
 // No default
			}
		}
	}

	return undefined;
}

/** Where and why the text is not JSON, in Jackson's words for the common cases. */
function syntaxProblem(text: string): {message: string; index: number} {
	const scanner = new JsonScanner(text);
	try {
		scanner.value();
		scanner.spaces();
		if (scanner.index < text.length) {
			return {message: `Unexpected character ('${text[scanner.index]}' (code ${text.codePointAt(scanner.index)})): expected end-of-input`, index: scanner.index};
		}
	} catch (error) {
		if (error instanceof ScanError) {
			return {message: error.message, index: error.index};
		}

		throw error;
	}

	return {message: 'Unexpected end-of-input', index: text.length};
}

class ScanError extends Error {
	constructor(message: string, readonly index: number) {
		super(message);
	}
}

/** Just enough of a JSON scanner to find where JSON.parse gave up; iterative, so depth cannot hurt it. */
class JsonScanner {
	index = 0;

	constructor(private readonly text: string) {}

	spaces(): void {
		while (/\s/.test(this.text[this.index] ?? '')) {
			this.index++;
		}
	}

	value(): void {
		const closers: string[] = [];
		let expectValue = true;
		for (;;) {
			this.spaces();
			const char = this.text[this.index];
			if (char === undefined) {
				throw new ScanError(closers.length > 0 ? `Unexpected end-of-input: expected close marker for ${closers.at(-1) === '}' ? 'Object' : 'Array'}` : 'No content to map due to end-of-input', this.index);
			}

			if (expectValue) {
				if (char === '{' || char === '[') {
					closers.push(char === '{' ? '}' : ']');
					this.index++;
					this.spaces();
					if (this.text[this.index] === closers.at(-1)) {
						this.index++;
						closers.pop();
						expectValue = false;
					} else if (char === '{') {
						this.key();
					}

					if (closers.length === 0 && !expectValue) {
						return;
					}

					continue;
				}

				this.scalar();
				expectValue = false;
				if (closers.length === 0) {
					return;
				}

				continue;
			}

			const closer = closers.at(-1);
			if (char === ',') {
				this.index++;
				if (closer === '}') {
					this.spaces();
					this.key();
				}

				expectValue = true;
			} else if (char === closer) {
				this.index++;
				closers.pop();
				if (closers.length === 0) {
					return;
				}
			} else {
				throw new ScanError(`Unexpected character ('${char}' (code ${char.codePointAt(0)})): was expecting comma to separate ${closer === '}' ? 'Object entries' : 'Array entries'}`, this.index);
			}
		}
	}

	private key(): void {
		if (this.text[this.index] !== '"') {
			const char = this.text[this.index];
			if (char === undefined) {
				throw new ScanError('Unexpected end-of-input: expected close marker for Object', this.index);
			}

			throw new ScanError(`Unexpected character ('${char}' (code ${char.codePointAt(0)})): was expecting double-quote to start field name`, this.index);
		}

		this.string();
		this.spaces();
		if (this.text[this.index] !== ':') {
			const char = this.text[this.index] ?? '';
			throw new ScanError(`Unexpected character ('${char}' (code ${char.codePointAt(0) ?? 0})): was expecting a colon to separate field name and value`, this.index);
		}

		this.index++;
	}

	private scalar(): void {
		const char = this.text[this.index];
		if (char === '"') {
			this.string();
			return;
		}

		const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?/i.exec(this.text.slice(this.index, this.index + 400));
		if (number && /[\d-]/.test(char)) {
			this.index += number[0].length;
			return;
		}

		const word = /^[\w$]+/.exec(this.text.slice(this.index, this.index + 200))?.[0] ?? char;
		if (word === 'true' || word === 'false' || word === 'null') {
			this.index += word.length;
			return;
		}

		throw new ScanError(`Unrecognized token '${word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`, this.index + word.length);
	}

	private string(): void {
		const start = this.index;
		this.index++;
		while (this.index < this.text.length) {
			const char = this.text[this.index];
			if (char === '\\') {
				this.index += 2;
				continue;
			}

			if (char === '"') {
				this.index++;
				return;
			}

			if (char < ' ') {
				throw new ScanError(`Illegal unquoted character ((CTRL-CHAR, code ${char.codePointAt(0)})): has to be escaped using backslash to be included in string value`, this.index);
			}

			this.index++;
		}

		throw new ScanError('Unexpected end-of-input in VALUE_STRING', start);
	}
}
