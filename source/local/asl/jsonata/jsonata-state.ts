/*
 * A JSONata state's data rules: Arguments → [task] → Output, and Assign,
 * with `$states.input` (the raw state input), `$states.result`,
 * `$states.errorOutput` (in a Catch) and `$states.context`. Output and Assign
 * both see the variables from before the state. Without Output a state's
 * output is its result (Task, Parallel, Map), the error output (Catch) or its
 * input (Pass, Wait, Succeed, Choice).
 */
import type {StateEnv, StateExit} from '../state-env.js';
import type {AslState, Catcher} from '../types.js';
import type {JsonataBindings} from './jsonata-expression.js';
import {resolveJsonataTemplate} from './jsonata-template.js';

export function jsonataBindings(env: StateEnv, states: {input: unknown; result?: unknown; errorOutput?: unknown}): JsonataBindings {
	return {states: {...states, context: env.context}, variables: env.variables.snapshot()};
}

export async function jsonataAssign(assign: Record<string, unknown> | undefined, bindings: JsonataBindings): Promise<Record<string, unknown> | undefined> {
	return assign === undefined ? undefined : await resolveJsonataTemplate(assign, 'Assign', bindings) as Record<string, unknown>;
}

async function exit(state: {Output?: unknown; Assign?: Record<string, unknown>}, fallback: unknown, bindings: JsonataBindings): Promise<StateExit> {
	const assign = await jsonataAssign(state.Assign, bindings);
	const output = state.Output === undefined ? fallback : await resolveJsonataTemplate(state.Output, 'Output', bindings);
	return {output, assign};
}

export async function jsonataEffectiveInput(state: AslState, stateInput: unknown, env: StateEnv): Promise<unknown> {
	return state.Arguments === undefined || state.Type === 'Map' ? stateInput : resolveJsonataTemplate(state.Arguments, 'Arguments', jsonataBindings(env, {input: stateInput}));
}

export async function jsonataStateResult(state: AslState, stateInput: unknown, result: unknown, env: StateEnv): Promise<StateExit> {
	return exit(state, result, jsonataBindings(env, {input: stateInput, result}));
}

export async function jsonataStateOutput(state: AslState, stateInput: unknown, env: StateEnv): Promise<StateExit> {
	return exit(state, stateInput, jsonataBindings(env, {input: stateInput}));
}

export async function jsonataCaughtOutput(catcher: Catcher, stateInput: unknown, errorOutput: unknown, env: StateEnv): Promise<StateExit> {
	return exit(catcher, errorOutput, jsonataBindings(env, {input: stateInput, errorOutput}));
}
