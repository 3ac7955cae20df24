import {caughtOutput, type Catcher} from '../asl/index.js';
import type {StateFailure} from './failure.js';
import type {StateCall, StateExit} from './run-states.js';

/** A Catch took the failure: its Next, and the output and variables it makes from the error output. */
export async function caughtExit(call: StateCall, catcher: Catcher, index: number, failure: StateFailure): Promise<StateExit> {
	const {output, assign} = await caughtOutput(catcher, call.input, failure.errorOutput(), call.env(), index);
	return {output, next: catcher.Next, ...(assign !== undefined && {assign})};
}
