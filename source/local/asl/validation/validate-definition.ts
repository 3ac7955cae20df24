/*
 * Definition validation as CreateStateMachine, UpdateStateMachine and
 * ValidateStateMachineDefinition do it: JSON syntax, the schema of every
 * state per type and query language, paths, intrinsics and JSONata
 * expressions, then the graph of each scope.
 *
 * Bounded whatever it is given: the text is at most 1 MB and 1000 levels
 * deep (both refused before parsing), the walk is linear in the text, and
 * nothing recurses more than the nesting of Parallel/Map scopes (< 250 levels
 * under the depth limit). The walk and the JSONata parsing after it (~20-40 µs
 * an expression, so a megabyte of them is ~0.5 s) run in slices of 8 ms with
 * the event loop free between them; one expression is at most 16 KB (one
 * parse of that is ~20 ms). Only JSON.parse of the text (≤ 1 MB, ~10 ms) is
 * one piece.
 */
import type {AslDefinition, Diagnostic, QueryLanguage} from '../types.js';
import {checkScope} from './check-scope.js';
import {childLocation, DiagnosticList} from './diagnostics.js';
import {parseJsonText} from './parse-json-text.js';
import {TimeSlices} from './time-slices.js';
import type {ValidationContext} from './validation-context.js';

export type ValidationOptions = {type?: 'STANDARD' | 'EXPRESS'};

export type ValidationResult = {
	diagnostics: Diagnostic[];
	/** More findings than fit in one answer (AWS's `truncated`). */
	truncated: boolean;
	/** The parsed definition, only when no diagnostic is an ERROR. */
	definition?: AslDefinition;
	/** Per state, the workflow variables it reads (DescribeStateMachine's `variableReferences`). */
	variableReferences: Record<string, string[]>;
};

export async function validateDefinition(text: string, options: ValidationOptions = {}): Promise<ValidationResult> {
	const parsed = parseJsonText(text);
	if ('diagnostics' in parsed) {
		return {diagnostics: parsed.diagnostics.items, truncated: false, variableReferences: {}};
	}

	const definition = parsed.value as Record<string, unknown>;
	const diagnostics = new DiagnosticList();
	const context: ValidationContext = {
		diagnostics,
		machineLanguage: machineLanguage(definition, diagnostics),
		type: options.type ?? 'STANDARD',
		names: new Map(),
		variableReferences: new Map(),
		slices: new TimeSlices(),
	};
	const timeout = definition.TimeoutSeconds;
	if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 99_999_999)) {
		diagnostics.schema('The field \'TimeoutSeconds\' must be an INTEGER between 1 and 99999999', childLocation('/', 'TimeoutSeconds'));
	}

	for (const field of ['Comment', 'Version']) {
		if (definition[field] !== undefined && typeof definition[field] !== 'string') {
			diagnostics.schema(`The field '${field}' must be a STRING`, childLocation('/', field));
		}
	}

	await checkScope(definition, '/', 'machine', context);
	for (const check of diagnostics.deferred) {
		await context.slices.breathe();
		check();
	}

	return {
		diagnostics: diagnostics.items,
		truncated: diagnostics.truncated,
		...(!diagnostics.hasErrors && {definition: definition as AslDefinition}),
		variableReferences: Object.fromEntries([...context.variableReferences].filter(([, names]) => names.size > 0).map(([name, names]) => [name, [...names].toSorted()])),
	};
}

function machineLanguage(definition: Record<string, unknown>, diagnostics: DiagnosticList): QueryLanguage {
	const declared = definition.QueryLanguage;
	if (declared === undefined || declared === 'JSONPath' || declared === 'JSONata') {
		return declared ?? 'JSONPath';
	}

	diagnostics.schema('The field \'QueryLanguage\' should have one of these values: [JSONPath, JSONata]', '/QueryLanguage');
	return 'JSONPath';
}
