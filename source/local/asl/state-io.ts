/*
 * A state's input and output processing in the order AWS applies it.
 * JSONPath: InputPath → Parameters → [task] → ResultSelector → ResultPath → OutputPath.
 * JSONata: Arguments → [task] → Output. Assign (both languages) sees the
 * variables as they were before the state's own assignments: the engine
 * applies `assign` after it has the output.
 */
import {jsonataCaughtOutput, jsonataEffectiveInput, jsonataStateOutput, jsonataStateResult} from './jsonata/jsonata-state.js';
import {jsonPathCaughtOutput, jsonPathEffectiveInput, jsonPathStateOutput, jsonPathStateResult} from './json-path/jsonpath-state.js';
import type {StateEnv, StateExit} from './state-env.js';
import {withinState} from './state-failure.js';
import type {AslState, Catcher} from './types.js';

/** What the task / integration / Parallel branches receive: InputPath + Parameters, or Arguments. */
export async function effectiveInput(state: AslState, stateInput: unknown, env: StateEnv): Promise<unknown> {
	return withinState(env, async () => env.language === 'JSONata' ? jsonataEffectiveInput(state, stateInput, env) : jsonPathEffectiveInput(state, stateInput, env));
}

/** A Task, Parallel or Map state's output from its result: ResultSelector → ResultPath → OutputPath, or Output; plus Assign. */
export async function stateResult(state: AslState, stateInput: unknown, result: unknown, env: StateEnv): Promise<StateExit> {
	return withinState(env, async () => env.language === 'JSONata' ? jsonataStateResult(state, stateInput, result, env) : jsonPathStateResult(state, stateInput, result, env));
}

/** Pass, Wait and Succeed: states without a task (Pass's Result / Parameters count as its result). */
export async function stateOutput(state: AslState, stateInput: unknown, env: StateEnv): Promise<StateExit> {
	return withinState(env, async () => env.language === 'JSONata' ? jsonataStateOutput(state, stateInput, env) : jsonPathStateOutput(state, stateInput, env));
}

/**
 * The output a Catch hands to its Next: ResultPath applied to the state input, or Output with
 * $states.errorOutput; plus the catcher's Assign. `catcherIndex` (its place in Catch) names it in
 * a JSONata failure's cause, as AWS does (`Catch[1]/Output`).
 */
export async function caughtOutput(catcher: Catcher, stateInput: unknown, errorOutput: {Error: string; Cause: string}, env: StateEnv, catcherIndex?: number): Promise<StateExit> {
	return withinState(env, async () => env.language === 'JSONata' ? jsonataCaughtOutput(catcher, stateInput, errorOutput, env, catcherIndex) : jsonPathCaughtOutput(catcher, stateInput, errorOutput, env));
}
