/*
 * The JSONPath input/output steps, each as AWS applies it:
 * InputPath → Parameters → [task] → ResultSelector → ResultPath → OutputPath.
 * InputPath/OutputPath null means `{}`; ResultPath null keeps the input and
 * drops the result. A path that selects nothing fails with States.Runtime and
 * Jayway's reason (recorded causes: "Invalid path '$.NoSuchInputPath' : No
 * results for path: $['NoSuchInputPath']", test_invalid_jsonpath in
 * LocalStack v2/scenarios/test_base_scenarios.snapshot.json).
 */
import {runtimeError} from '../states-error.js';
import {parsePath} from './parse-path.js';
import {selectInScope, type PathScope} from './path-scope.js';
import {resolvePayload} from './payload-template.js';
import {writeAtPath} from './write-path.js';

/** InputPath and OutputPath: select part of the data (variables and `$$` allowed). */
export function filterByPath(pathText: string | null | undefined, scope: PathScope): unknown {
	if (pathText === undefined) {
		return scope.input;
	}

	if (pathText === null) {
		return {};
	}

	const selection = selectInScope(parsePath(pathText), scope);
	if (!selection.found) {
		throw runtimeError(`Invalid path '${pathText}' : ${selection.reason}`);
	}

	return selection.value;
}

/** Parameters / ItemSelector / ResultSelector, when present. */
export function applyTemplate(template: unknown, scope: PathScope): unknown {
	return template === undefined ? scope.input : resolvePayload(template, scope);
}

/** ResultPath: where the result goes in the raw state input. */
export function placeResult(pathText: string | null | undefined, rawInput: unknown, result: unknown): unknown {
	if (pathText === undefined) {
		return result;
	}

	return pathText === null ? rawInput : writeAtPath(rawInput, parsePath(pathText), result);
}
