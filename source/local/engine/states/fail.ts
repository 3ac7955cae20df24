import {failDetails} from '../../asl/index.js';
import {StateFailure} from '../failure.js';
import type {StateCall, StateExit} from '../run-states.js';

/**
 * Fail: ends its scope with the state's Error and Cause — as given: none is
 * invented when the definition has none (recorded in LocalStack
 * v2/base/test_base.snapshot.json test_state_fail_empty: ExecutionFailed
 * with empty details). AWS writes no FailStateExited.
 */
export async function runFail(call: StateCall): Promise<StateExit> {
	const {error, cause} = await failDetails(call.state.definition, call.input, call.env());
	throw new StateFailure(error, cause);
}
