import {failureOf, isStatesError, StateFailure} from './failure.js';
import type {StateCall} from './run-states.js';

/**
 * A state's failure from whatever its run threw. A data-rule error (asl's
 * StatesError) becomes a StateFailure; a failed JSONata expression also
 * writes AWS's EvaluationFailed event, chained to the event before the
 * state's entry, as AWS does (recorded in LocalStack
 * v2/scenarios/test_base_scenarios.snapshot.json test_map_state_items_eval_jsonata_fail,
 * v2/assign/test_assign_reference_variables test_undefined_reference).
 * Anything else (an abort, the end of the execution, a bug) passes through.
 */
export function dataFailure(call: StateCall, error: unknown, terminal = false): StateFailure {
	if (error instanceof StateFailure) {
		return error;
	}

	if (!isStatesError(error)) {
		throw error;
	}

	if (error.error === 'States.QueryEvaluationError') {
		call.lane.last = call.lane.note('EvaluationFailed', {error: error.error, cause: error.cause, ...(error.location !== undefined && {location: error.location}), state: call.state.name}, call.enteredPrevious);
	}

	const failure = failureOf(error);
	return terminal && !failure.terminal ? new StateFailure(failure.error, failure.cause, true) : failure;
}
