/*
 * A state's input and output processing in the order AWS applies it.
 * JSONPath: InputPath → Parameters → [task] → ResultSelector → ResultPath → OutputPath.
 * JSONata: Arguments → [task] → Output. Assign (both languages) sees the
 * variables as they were before the state's own assignments.
 */
import {notYet} from './not-yet.js';
import type {StateEnv, StateExit} from './state-env.js';
import type {AslState, Catcher} from './types.js';

/** What the task / integration / Parallel branches receive: InputPath + Parameters, or Arguments. */
export async function effectiveInput(_state: AslState, _stateInput: unknown, _env: StateEnv): Promise<unknown> {
	return notYet('effectiveInput');
}

/** A Task, Parallel or Map state's output from its result: ResultSelector → ResultPath → OutputPath, or Output; plus Assign. */
export async function stateResult(_state: AslState, _stateInput: unknown, _result: unknown, _env: StateEnv): Promise<StateExit> {
	return notYet('stateResult');
}

/** Pass, Wait and Succeed: states without a task (Pass's Result / Parameters count as its result). */
export async function stateOutput(_state: AslState, _stateInput: unknown, _env: StateEnv): Promise<StateExit> {
	return notYet('stateOutput');
}

/** The output a Catch hands to its Next: ResultPath applied to the state input, or Output with $states.errorOutput; plus the catcher's Assign. */
export async function caughtOutput(_catcher: Catcher, _stateInput: unknown, _errorOutput: {Error: string; Cause: string}, _env: StateEnv): Promise<StateExit> {
	return notYet('caughtOutput');
}
