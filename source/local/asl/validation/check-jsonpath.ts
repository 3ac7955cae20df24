/*
 * JSONPath fields and payload templates. AWS's answers (recorded in
 * LocalStack v2/scenarios/test_base_scenarios.snapshot.json test_illegal_escapes):
 *   SCHEMA_VALIDATION_FAILED: The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call   at /States/S/Parameters
 */
import {isList} from '../../../model/text/json-text.js';
import {intrinsicFunctions} from '../intrinsics/intrinsic-functions.js';
import {looksLikeIntrinsic, parseIntrinsic, type IntrinsicCall} from '../intrinsics/parse-intrinsic.js';
import {parsePath} from '../json-path/parse-path.js';
import type {ParsedPath} from '../json-path/path-syntax.js';
import {type DiagnosticList} from './diagnostics.js';

export type PathKind = 'path' | 'reference' | 'result';

/** A path, or undefined when it does not parse. */
function tryParsePath(text: string): ParsedPath | undefined {
	try {
		return parsePath(text);
	} catch {
		return undefined;
	}
}

/**
 * 'path': any JSONPath (InputPath, OutputPath, Choice Variable);
 * 'reference': a definite path, input / context / variable (ItemsPath, …Path fields);
 * 'result': a definite path into the input (ResultPath).
 */
export function isValidPath(text: string, kind: PathKind): boolean {
	const path = tryParsePath(text);
	if (!path) {
		return false;
	}

	return kind === 'path' ? true : path.definite && (kind === 'reference' || path.root.kind === 'input');
}

export function checkPathField(value: unknown, field: string, location: string, kind: PathKind, diagnostics: DiagnosticList, variables: Set<string>): void {
	if (value === null && (field === 'InputPath' || field === 'OutputPath' || field === 'ResultPath')) {
		return;
	}

	if (typeof value !== 'string') {
		diagnostics.schema(`The value for the field '${field}' must be a STRING`, location);
		return;
	}

	if (!isValidPath(value, kind)) {
		diagnostics.schema(kind === 'path' ? `The value for the field '${field}' must be a valid JSONPath` : `The value for the field '${field}' must be a valid ReferencePath`, location);
		return;
	}

	noteVariable(parsePath(value), variables);
}

/** A `.$` value or an ErrorPath/CausePath: a path or an intrinsic call. */
export function isValidDynamicValue(text: string, variables: Set<string>): boolean {
	if (looksLikeIntrinsic(text)) {
		try {
			const call = parseIntrinsic(text);
			return knownCalls(call, variables);
		} catch {
			return false;
		}
	}

	const path = tryParsePath(text.trim());
	if (path) {
		noteVariable(path, variables);
	}

	return path !== undefined;
}

function knownCalls(call: IntrinsicCall, variables: Set<string>): boolean {
	if (!Object.hasOwn(intrinsicFunctions, call.name)) {
		return false;
	}

	return call.args.every(argument => {
		if (argument.kind === 'path') {
			noteVariable(argument.path, variables);
		}

		return argument.kind !== 'call' || knownCalls(argument.call, variables);
	});
}

/** Walks a payload template; every `.$` value must be a path or intrinsic. Findings are reported at the template's field. */
export function checkPayloadTemplate(template: unknown, location: string, diagnostics: DiagnosticList, variables: Set<string>): void {
	const pending: unknown[] = [template];
	while (pending.length > 0) {
		const current = pending.pop();
		if (isList(current)) {
			pending.push(...current);
			continue;
		}

		if (typeof current !== 'object' || current === null) {
			continue;
		}

		for (const [key, value] of Object.entries(current)) {
			if (key.endsWith('.$')) {
				if (typeof value !== 'string' || !isValidDynamicValue(value, variables)) {
					diagnostics.schema(`The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`, location);
				}
			} else {
				pending.push(value);
			}
		}
	}
}

function noteVariable(path: ParsedPath, variables: Set<string>): void {
	if (path.root.kind === 'variable') {
		variables.add(path.root.name);
	}
}

export {childLocation as locationOf} from './diagnostics.js';
