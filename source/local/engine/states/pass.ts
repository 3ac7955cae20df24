import {stateOutput} from '../../asl/index.js';
import {nextOf, type StateCall, type StateExit} from '../run-states.js';

/** Pass: its Result (or Parameters / Output) placed in the input; no task. */
export async function runPass(call: StateCall): Promise<StateExit> {
	const {output, assign} = await stateOutput(call.state.definition, call.input, call.env());
	return {output, next: nextOf(call.state), ...(assign !== undefined && {assign})};
}
