/*
 * One state: its type, its fields for that type and query language, the
 * transition fields, the paths / templates / expressions it holds, and what
 * it contributes to its scope's graph (targets, terminal, nested scopes).
 * Field messages measured against AWS (floci-io/floci issues 2735, 2968):
 *   Field 'TimeoutSeconds' is not supported                                       at /States/M
 *   The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage
 *   'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine   (recorded, test_sfn_api_validation)
 *   The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]   (recorded)
 */
import type {QueryLanguage, StateType} from '../types.js';
import {checkAssign} from './check-assign.js';
import {checkCatch, checkRetry} from './check-errors.js';
import {checkJsonataValue} from './check-jsonata.js';
import {checkPathField, checkPayloadTemplate, isValidDynamicValue, type PathKind} from './check-jsonpath.js';
import {checkChoice, checkFail, checkMap, checkParallel, checkTask, checkWait} from './check-state-types.js';
import {expectOneOf, expectString} from './check-values.js';
import {childLocation} from './diagnostics.js';
import {exclusivePairs, fieldsByType, jsonataOnlyFields, jsonataValueFields, jsonPathOnlyFields, stateTypes} from './state-fields.js';
import type {StateCheck, StateSummary, ValidationContext} from './validation-context.js';

const typeChecks: Partial<Record<StateType, (check: StateCheck) => void>> = {
	Task: checkTask, Wait: checkWait, Fail: checkFail, Choice: checkChoice, Parallel: checkParallel, Map: checkMap,
};

const pathFields: Array<[string, PathKind]> = [
	['InputPath', 'path'],
	['OutputPath', 'path'],
	['ResultPath', 'result'],
	['ItemsPath', 'reference'],
	['SecondsPath', 'reference'],
	['TimestampPath', 'reference'],
	['TimeoutSecondsPath', 'reference'],
	['HeartbeatSecondsPath', 'reference'],
	['MaxConcurrencyPath', 'reference'],
	['ToleratedFailurePercentagePath', 'reference'],
	['ToleratedFailureCountPath', 'reference'],
];

const templateFields = ['Parameters', 'ResultSelector', 'ItemSelector'];

export function checkState(name: string, state: unknown, location: string, context: ValidationContext): StateSummary {
	const summary: StateSummary = {targets: [], terminal: false, scopes: []};
	const {diagnostics} = context;
	if (typeof state !== 'object' || state === null || Array.isArray(state)) {
		diagnostics.schema('Expected value of type: OBJECT', location);
		return summary;
	}

	const fields = state as Record<string, unknown>;
	if (fields.Type === undefined) {
		diagnostics.schema('These fields are required: [Type]', location);
		return summary;
	}

	if (!stateTypes.includes(fields.Type as StateType)) {
		diagnostics.schema(`The field 'Type' should have one of these values: [${stateTypes.join(', ')}]`, childLocation(location, 'Type'));
		return summary;
	}

	const type = fields.Type as StateType;
	const language = stateLanguage(fields, location, context);
	const check: StateCheck = {name, state: fields, location, language, context, variables: new Set(), summary};
	checkFieldSet(check, type);
	checkTransition(check, type);
	checkDataFields(check);
	typeChecks[type]?.(check);
	if (fields.Retry !== undefined && fieldsByType[type].has('Retry')) {
		checkRetry(fields.Retry, childLocation(location, 'Retry'), {diagnostics, variables: check.variables, language});
	}

	if (fields.Catch !== undefined && fieldsByType[type].has('Catch')) {
		summary.targets.push(...checkCatch(fields.Catch, childLocation(location, 'Catch'), {diagnostics, variables: check.variables, language}));
	}

	summary.terminal = type === 'Succeed' || type === 'Fail' || fields.End === true;
	context.variableReferences.set(name, check.variables);

	return summary;
}

function stateLanguage(state: Record<string, unknown>, location: string, context: ValidationContext): QueryLanguage {
	const declared = state.QueryLanguage;
	if (declared === undefined) {
		return context.machineLanguage;
	}

	if (declared !== 'JSONPath' && declared !== 'JSONata') {
		context.diagnostics.schema('The field \'QueryLanguage\' should have one of these values: [JSONPath, JSONata]', childLocation(location, 'QueryLanguage'));
		return context.machineLanguage;
	}

	if (declared === 'JSONPath' && context.machineLanguage === 'JSONata') {
		context.diagnostics.schema('\'QueryLanguage\' can not be \'JSONPath\' if set to \'JSONata\' for whole state machine', location);
	}

	return declared;
}

function checkFieldSet(check: StateCheck, type: StateType): void {
	const {state, location, language, context} = check;
	for (const field of Object.keys(state)) {
		if (!fieldsByType[type].has(field)) {
			context.diagnostics.schema(`Field '${field}' is not supported`, location);
		} else if (language === 'JSONata' && jsonPathOnlyFields.has(field)) {
			context.diagnostics.schema(`The QueryLanguage is set to 'JSONata', but field '${field}' is only supported for the 'JSONPath' QueryLanguage`, location);
		} else if (language === 'JSONPath' && jsonataOnlyFields.has(field)) {
			context.diagnostics.schema(`The QueryLanguage is set to 'JSONPath', but field '${field}' is only supported for the 'JSONata' QueryLanguage`, location);
		}
	}

	for (const pair of exclusivePairs) {
		if (pair.every(field => state[field] !== undefined)) {
			expectOneOf(check, pair, false);
		}
	}

	expectString(check, 'Comment');
}

function checkTransition(check: StateCheck, type: StateType): void {
	if (!fieldsByType[type].has('Next')) {
		return;
	}

	const {state, location, context, summary} = check;
	if (state.End !== undefined && typeof state.End !== 'boolean') {
		context.diagnostics.schema('The field \'End\' must be a BOOLEAN', childLocation(location, 'End'));
	}

	const hasNext = state.Next !== undefined;
	const ends = state.End === true;
	if (hasNext && ends) {
		context.diagnostics.schema('There should only be one of the following fields: [Next, End]', location);
	} else if (!hasNext && !ends) {
		context.diagnostics.schema('There should be one of the following fields: [Next, End]', location);
	}

	if (typeof state.Next === 'string') {
		summary.targets.push({next: state.Next, location: childLocation(location, 'Next')});
	} else if (hasNext) {
		context.diagnostics.schema('The field \'Next\' must be a STRING', childLocation(location, 'Next'));
	}
}

/** Paths, payload templates and JSONata expressions, by the state's language. */
function checkDataFields(check: StateCheck): void {
	const {state, location, language, context, variables} = check;
	const {diagnostics} = context;
	if (state.Assign !== undefined) {
		checkAssign(state.Assign, childLocation(location, 'Assign'), {diagnostics, variables, language});
	}

	if (language === 'JSONata') {
		for (const field of jsonataValueFields) {
			if (state[field] !== undefined && field !== 'Assign') {
				checkJsonataValue(state[field], childLocation(location, field), diagnostics, variables);
			}
		}

		return;
	}

	for (const [field, kind] of pathFields) {
		if (state[field] !== undefined) {
			checkPathField(state[field], field, childLocation(location, field), kind, diagnostics, variables);
		}
	}

	for (const field of ['ErrorPath', 'CausePath']) {
		const value = state[field];
		if (value !== undefined && (typeof value !== 'string' || !isValidDynamicValue(value, variables))) {
			diagnostics.schema(`The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`, childLocation(location, field));
		}
	}

	for (const field of templateFields) {
		if (state[field] !== undefined) {
			checkPayloadTemplate(state[field], childLocation(location, field), diagnostics, variables);
		}
	}
}
