/*
 * Numbers a state reads at run time: TimeoutSeconds, HeartbeatSeconds,
 * MaxConcurrency, ToleratedFailurePercentage, ToleratedFailureCount — a
 * literal, its `…Path` twin (JSONPath) or a JSONata expression. Causes as AWS
 * writes them (recorded in LocalStack v2/scenarios/test_base_scenarios.snapshot.json):
 *   The MaxConcurrencyPath field refers to value "NoNumber" which is not a valid integer: $.x
 *   The ToleratedFailurePercentagePath field refers to value "{}" which is not a valid float: $.x
 *   ToleratedFailureCount cannot be negative.
 *   ToleratedFailurePercentage must be between 0 and 100.
 *   Invalid path '$.x' : No results for path: $['x']
 */
import {filterByPath} from './json-path/jsonpath-steps.js';
import {scopeOf} from './json-path/jsonpath-state.js';
import {valueText} from './json-path/path-value-text.js';
import {evaluateJsonata, jsonataExpressionText} from './jsonata/jsonata-expression.js';
import {jsonataBindings} from './jsonata/jsonata-state.js';
import type {StateEnv} from './state-env.js';
import {withinState} from './state-failure.js';
import {queryEvaluationError, runtimeError} from './states-error.js';
import type {AslState} from './types.js';

export type NumericField = 'TimeoutSeconds' | 'HeartbeatSeconds' | 'MaxConcurrency' | 'ToleratedFailurePercentage' | 'ToleratedFailureCount';

const isFloatField = (field: NumericField) => field === 'ToleratedFailurePercentage';

export async function numericField(state: AslState, field: NumericField, stateInput: unknown, env: StateEnv): Promise<number | undefined> {
	return withinState(env, async () => {
		const literal = state[field];
		const pathText = state[`${field}Path`];
		let value: unknown;
		if (typeof literal === 'string' && env.language === 'JSONata') {
			const expression = jsonataExpressionText(literal);
			value = expression === undefined ? literal : await evaluateJsonata(expression, field, jsonataBindings(env, {input: stateInput}));
			if (!isValidNumber(field, value)) {
				throw queryEvaluationError(`The JSONata expression '${expression ?? literal}' specified for the field '${field}' returned an unexpected result type. Expected '${isFloatField(field) ? 'number' : 'integer'}', but was '${typeof value}' for value: ${JSON.stringify(value)}`, field);
			}
		} else if (typeof pathText === 'string') {
			const selected = filterByPath(state.InputPath, scopeOf(stateInput, env));
			value = filterByPath(pathText, scopeOf(selected, env));
			if (!isValidNumber(field, value)) {
				throw runtimeError(`The ${field}Path field refers to value "${valueText(value)}" which is not a valid ${isFloatField(field) ? 'float' : 'integer'}: ${pathText}`);
			}
		} else {
			value = literal;
		}

		if (typeof value !== 'number') {
			return undefined;
		}

		checkRange(field, value);
		return value;
	});
}

function isValidNumber(field: NumericField, value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && (isFloatField(field) || Number.isInteger(value));
}

function checkRange(field: NumericField, value: number): void {
	if (field === 'ToleratedFailurePercentage' && (value < 0 || value > 100)) {
		throw runtimeError('ToleratedFailurePercentage must be between 0 and 100.');
	}

	if (field === 'ToleratedFailureCount' && value < 0) {
		throw runtimeError('ToleratedFailureCount cannot be negative.');
	}

	if ((field === 'TimeoutSeconds' || field === 'HeartbeatSeconds') && value <= 0) {
		throw runtimeError(`${field} must be a positive integer.`);
	}

	if (field === 'MaxConcurrency' && value < 0) {
		throw runtimeError('MaxConcurrency cannot be negative.');
	}
}
