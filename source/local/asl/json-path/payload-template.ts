/*
 * JSONPath payload templates (Parameters, ResultSelector, ItemSelector, and
 * Assign in JSONPath states): a key ending in `.$` takes its value from a path
 * (`$.x` input, `$$.x` context, `$name.x` variable) or an intrinsic function,
 * and loses the `.$`; every other value is a literal, however it looks
 * (recorded: "$.no.such.path" and "{% … %}" stay text in a list — LocalStack
 * v2/assign/test_assign_base.snapshot.json BASE_CONSTANT_LITERALS).
 */
import {evaluateIntrinsic} from '../intrinsics/evaluate-intrinsic.js';
import {looksLikeIntrinsic, parseIntrinsic} from '../intrinsics/parse-intrinsic.js';
import {runtimeError} from '../states-error.js';
import {parsePath} from './parse-path.js';
import type {ParsedPath} from './path-syntax.js';
import {selectInScope, type PathScope} from './path-scope.js';

export function resolvePayload(template: unknown, scope: PathScope): unknown {
	if (Array.isArray(template)) {
		return template.map(item => resolvePayload(item, scope));
	}

	if (typeof template !== 'object' || template === null) {
		return template;
	}

	const resolved: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(template)) {
		if (key.endsWith('.$') && typeof value === 'string') {
			resolved[key.slice(0, -2)] = resolveDynamicValue(value, key, scope);
		} else {
			resolved[key] = resolvePayload(value, scope);
		}
	}

	return resolved;
}

/** The value of one `.$` field: a path or an intrinsic function. */
export function resolveDynamicValue(expression: string, field: string, scope: PathScope): unknown {
	const read = (path: ParsedPath) => readRequired(path, field, scope);
	return looksLikeIntrinsic(expression) ? evaluateIntrinsic(parseIntrinsic(expression), read) : read(parsePath(expression.trim()));
}

function readRequired(path: ParsedPath, field: string, scope: PathScope): unknown {
	const selection = selectInScope(path, scope);
	if (!selection.found) {
		// Recorded cause (test_invalid_jsonpath, INVALID_JSONPATH_IN_STRING_EXPR_*): the input is the state's, even for a $$ path.
		throw runtimeError(`The JSONPath '${path.text}' specified for the field '${field}' could not be found in the input '${JSON.stringify(scope.input)}'`);
	}

	return selection.value;
}
