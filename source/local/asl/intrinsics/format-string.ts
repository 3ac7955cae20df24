import {intrinsicFailure} from './argument-checks.js';

/**
 * States.Format: each `{}` takes the next argument. In a string literal
 * template `\{` and `\}` are literal braces, so placeholders are found in the
 * raw literal text. Objects and arrays print the way AWS prints them
 * (Java's Map/List text: `{Arg1=1, Arg2=[]}`, recorded in test_format_2).
 */
export function formatString(template: string, rawTemplate: string | undefined, args: unknown[]): string {
	const source = rawTemplate ?? template;
	let result = '';
	let used = 0;
	for (let index = 0; index < source.length; index++) {
		const char = source[index];
		if (rawTemplate !== undefined && char === '\\' && index + 1 < source.length) {
			result += source[index + 1];
			index++;
		} else if (char === '{' && source[index + 1] === '}') {
			if (used >= args.length) {
				throw placeholderMismatch(source, args.length);
			}

			result += formatArgument(args[used]);
			used++;
			index++;
		} else {
			result += char;
		}
	}

	if (used !== args.length) {
		throw placeholderMismatch(source, args.length);
	}

	return result;
}

function placeholderMismatch(template: string, argumentCount: number): Error {
	const placeholders = template.split('{}').length - 1;
	return intrinsicFailure('States.Format', `the template has ${placeholders} placeholder${placeholders === 1 ? '' : 's'} but ${argumentCount} value${argumentCount === 1 ? ' was' : 's were'} given`);
}

function formatArgument(value: unknown): string {
	return typeof value === 'string' ? value : javaText(value);
}

function javaText(value: unknown): string {
	if (value === null || value === undefined) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return `[${value.map(item => javaText(item)).join(', ')}]`;
	}

	if (typeof value === 'object') {
		return `{${Object.entries(value).map(([key, item]) => `${key}=${javaText(item)}`).join(', ')}}`;
	}

	return typeof value === 'string' ? value : JSON.stringify(value);
}
