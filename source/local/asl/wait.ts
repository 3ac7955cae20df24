/*
 * When a Wait state ends. Causes as AWS writes them (recorded in LocalStack
 * v2/base/test_wait.snapshot.json and v2/scenarios/test_base_scenarios.snapshot.json):
 *   The SecondsPath parameter does not reference an input value: $.x
 *   The SecondsPath parameter cannot be parsed as a long value: $.x == 1.5
 *   The SecondsPath parameter references a negative value: $.x == -1
 *   The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.x == <value>
 *   The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: <value>   (JSONata)
 *   Wait state delay is too long.   (more than 2^31 - 1 seconds ahead)
 */
import {filterByPath} from './json-path/jsonpath-steps.js';
import {scopeOf} from './json-path/jsonpath-state.js';
import {parsePath} from './json-path/parse-path.js';
import {selectInScope} from './json-path/path-scope.js';
import {valueText} from './json-path/path-value-text.js';
import {jsonataBindings} from './jsonata/jsonata-state.js';
import {resolveJsonataTemplate} from './jsonata/jsonata-template.js';
import type {StateEnv} from './state-env.js';
import {withinState} from './state-failure.js';
import {queryEvaluationError, runtimeError} from './states-error.js';
import {parseTimestamp} from './timestamp.js';
import type {AslState} from './types.js';

const maxDelaySeconds = 2_147_483_647;

export async function waitUntil(state: AslState, stateInput: unknown, env: StateEnv, nowMs: number): Promise<number> {
	return withinState(env, async () => {
		const until = env.language === 'JSONata' ? await jsonataWaitUntil(state, stateInput, env, nowMs) : jsonPathWaitUntil(state, stateInput, env, nowMs);
		if ((until - nowMs) / 1000 > maxDelaySeconds) {
			throw runtimeError('Wait state delay is too long.');
		}

		return until;
	});
}

function jsonPathWaitUntil(state: AslState, stateInput: unknown, env: StateEnv, nowMs: number): number {
	if (typeof state.Seconds === 'number') {
		return nowMs + (state.Seconds * 1000);
	}

	if (state.Timestamp !== undefined) {
		return timestampOrFail(state.Timestamp, `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${state.Timestamp}`);
	}

	const scope = scopeOf(filterByPath(state.InputPath, scopeOf(stateInput, env)), env);
	const field = state.SecondsPath === undefined ? 'TimestampPath' : 'SecondsPath';
	const path = String(state.SecondsPath ?? state.TimestampPath);
	const selection = selectInScope(parsePath(path), scope);
	if (!selection.found) {
		throw runtimeError(`The ${field} parameter does not reference an input value: ${path}`);
	}

	const {value} = selection;
	if (field === 'TimestampPath') {
		return timestampOrFail(value, `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${valueText(value)}`);
	}

	if (typeof value !== 'number' || !Number.isInteger(value)) {
		throw runtimeError(`The SecondsPath parameter cannot be parsed as a long value: ${path} == ${valueText(value)}`);
	}

	if (value < 0) {
		throw runtimeError(`The SecondsPath parameter references a negative value: ${path} == ${valueText(value)}`);
	}

	return nowMs + (value * 1000);
}

async function jsonataWaitUntil(state: AslState, stateInput: unknown, env: StateEnv, nowMs: number): Promise<number> {
	const bindings = jsonataBindings(env, {input: stateInput});
	if (state.Timestamp !== undefined) {
		const value = await resolveJsonataTemplate(state.Timestamp, 'Timestamp', bindings);
		const until = parseTimestamp(value);
		if (until === undefined) {
			throw queryEvaluationError(`The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${valueText(value)}`, 'Timestamp');
		}

		return until;
	}

	const seconds = await resolveJsonataTemplate(state.Seconds, 'Seconds', bindings);
	if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
		throw queryEvaluationError(`The Seconds field must be a non-negative integer but was: ${valueText(seconds)}`, 'Seconds');
	}

	return nowMs + (seconds * 1000);
}

function timestampOrFail(value: unknown, cause: string): number {
	const until = parseTimestamp(value);
	if (until === undefined) {
		throw runtimeError(cause);
	}

	return until;
}
