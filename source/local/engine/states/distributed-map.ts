import {StateFailure} from '../failure.js';
import type {StateCall, StateExit} from '../run-states.js';

/** NOT DONE YET (engine helper, in progress): Distributed Map fails clearly instead of running as an inline Map. */
export async function runDistributedMap(call: StateCall): Promise<StateExit> {
	throw new StateFailure('States.Runtime', `sfntop serve does not run the Distributed Map state '${call.state.name}' yet.`, true);
}
