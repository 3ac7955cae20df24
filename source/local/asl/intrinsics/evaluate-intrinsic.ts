import type {ParsedPath} from '../json-path/path-syntax.js';
import {intrinsicFailure} from './argument-checks.js';
import {intrinsicFunctions} from './intrinsic-functions.js';
import type {IntrinsicCall} from './parse-intrinsic.js';

/** Evaluates a parsed intrinsic call; `readPath` resolves path arguments (and throws when one selects nothing). */
export function evaluateIntrinsic(call: IntrinsicCall, readPath: (path: ParsedPath) => unknown): unknown {
	const implementation = intrinsicFunctions[call.name];
	if (!implementation) {
		throw intrinsicFailure(call.name, 'no such intrinsic function');
	}

	const args = call.args.map(argument => {
		if (argument.kind === 'literal') {
			return argument.value;
		}

		return argument.kind === 'path' ? readPath(argument.path) : evaluateIntrinsic(argument.call, readPath);
	});
	return implementation(args, call.args.map(argument => (argument.kind === 'literal' ? argument.raw : undefined)));
}
