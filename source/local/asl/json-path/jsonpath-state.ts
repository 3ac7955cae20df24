/*
 * A JSONPath state's data rules. Assign in a JSONPath state reads `$` as the
 * state's result after ResultSelector (Pass: its Result or Parameters; Choice,
 * Wait: the input after InputPath; Catch: the error output), and sees the
 * variables as they were before the state (recorded in LocalStack
 * v2/assign/test_assign_reference_variables.snapshot.json: BASE_ASSIGN_FROM_RESULT,
 * BASE_ASSIGN_FROM_PARAMETERS, BASE_EVALUATION_ORDER_PASS_STATE).
 */
import type {StateEnv, StateExit} from '../state-env.js';
import type {AslState, Catcher} from '../types.js';
import {applyTemplate, filterByPath, placeResult} from './jsonpath-steps.js';
import type {PathScope} from './path-scope.js';
import {resolvePayload} from './payload-template.js';

export const scopeOf = (input: unknown, env: StateEnv): PathScope => ({input, context: env.context, variables: env.variables});

/** InputPath then Parameters (a Map's Parameters is its per-item selector, so not here). */
export function jsonPathEffectiveInput(state: AslState, stateInput: unknown, env: StateEnv): unknown {
	const selected = filterByPath(state.InputPath, scopeOf(stateInput, env));
	return state.Type === 'Map' ? selected : applyTemplate(state.Parameters, scopeOf(selected, env));
}

export function jsonPathAssign(assign: Record<string, unknown> | undefined, value: unknown, env: StateEnv): Record<string, unknown> | undefined {
	return assign === undefined ? undefined : resolvePayload(assign, scopeOf(value, env)) as Record<string, unknown>;
}

export function jsonPathStateResult(state: AslState, stateInput: unknown, result: unknown, env: StateEnv): StateExit {
	const selected = applyTemplate(state.ResultSelector, scopeOf(result, env));
	const assign = jsonPathAssign(state.Assign, selected, env);
	const placed = placeResult(state.ResultPath, stateInput, selected);
	return {output: filterByPath(state.OutputPath, scopeOf(placed, env)), assign};
}

export function jsonPathStateOutput(state: AslState, stateInput: unknown, env: StateEnv): StateExit {
	if (state.Type === 'Pass') {
		const effective = jsonPathEffectiveInput(state, stateInput, env);
		return jsonPathStateResult(state, stateInput, 'Result' in state ? state.Result : effective, env);
	}

	// Wait, Succeed, Choice: InputPath → OutputPath.
	const selected = filterByPath(state.InputPath, scopeOf(stateInput, env));
	return {output: filterByPath(state.OutputPath, scopeOf(selected, env)), assign: jsonPathAssign(state.Assign, selected, env)};
}

export function jsonPathCaughtOutput(catcher: Catcher, stateInput: unknown, errorOutput: unknown, env: StateEnv): StateExit {
	return {output: placeResult(catcher.ResultPath, stateInput, errorOutput), assign: jsonPathAssign(catcher.Assign, errorOutput, env)};
}
