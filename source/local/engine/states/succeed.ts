import {stateOutput} from '../../asl/index.js';
import type {StateCall, StateExit} from '../run-states.js';

/** Succeed: ends its scope (the execution, a branch or an iteration) successfully. */
export async function runSucceed(call: StateCall): Promise<StateExit> {
	const {output, assign} = await stateOutput(call.state.definition, call.input, call.env());
	return {output, ...(assign !== undefined && {assign})};
}
