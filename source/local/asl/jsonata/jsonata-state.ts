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

/** `fieldPrefix` names where the fields sit when they are not the state's own: `Choices[1]/`, `Catch[0]/`. */
export async function jsonataAssign(assign: Record<string, unknown> | undefined, bindings: JsonataBindings, fieldPrefix = ''): Promise<Record<string, unknown> | undefined> {
	return assign === undefined ? undefined : await resolveJsonataTemplate(assign, `${fieldPrefix}Assign`, bindings) as Record<string, unknown>;
}

/**
 * Output and Assign of a state, a matched Choice rule or a Catch. A failure
 * inside a rule or catcher names it by index, as AWS does (`Choices[1]/Output/v`,
 * `Catch[0]/Assign/x`, measured against AWS in floci-io/floci pull request 2689).
 */
export async function jsonataExit(fields: {Output?: unknown; Assign?: Record<string, unknown>}, fallback: unknown, bindings: JsonataBindings, fieldPrefix = ''): Promise<StateExit> {
	const assign = await jsonataAssign(fields.Assign, bindings, fieldPrefix);
	const output = fields.Output === undefined ? fallback : await resolveJsonataTemplate(fields.Output, `${fieldPrefix}Output`, bindings);
	return {output, assign};
}

const exit = jsonataExit;

export async function jsonataEffectiveInput(state: AslState, stateInput: unknown, env: StateEnv): Promise<unknown> {
	return state.Arguments === undefined || state.Type === 'Map' ? stateInput : resolveJsonataTemplate(state.Arguments, 'Arguments', jsonataBindings(env, {input: stateInput}));
}

export async function jsonataStateResult(state: AslState, stateInput: unknown, result: unknown, env: StateEnv): Promise<StateExit> {
	return exit(state, result, jsonataBindings(env, {input: stateInput, result}));
}

export async function jsonataStateOutput(state: AslState, stateInput: unknown, env: StateEnv): Promise<StateExit> {
	return exit(state, stateInput, jsonataBindings(env, {input: stateInput}));
}

export async function jsonataCaughtOutput(catcher: Catcher, stateInput: unknown, errorOutput: unknown, env: StateEnv, catcherIndex?: number): Promise<StateExit> {
	return exit(catcher, errorOutput, jsonataBindings(env, {input: stateInput, errorOutput}), catcherIndex === undefined ? '' : `Catch[${catcherIndex}]/`);
}
