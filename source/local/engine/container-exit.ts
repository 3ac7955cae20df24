import {stateResult} from '../asl/index.js';
import {dataFailure} from './data-failure.js';
import {withRetries} from './retry.js';
import {nextOf, type StateCall, type StateExit} from './run-states.js';

/**
 * How a Map or Parallel state ends: its attempts under Retry (each writes its
 * own `*StateStarted`), one `*StateFailed` once no retrier takes the failure
 * (recorded: AWS writes no `*StateFailed` per attempt), else the state's
 * output from the results (ResultSelector, ResultPath, OutputPath or Output).
 */
export async function containerExit(call: StateCall, failedEvent: 'MapStateFailed' | 'ParallelStateFailed', attempt: () => Promise<unknown[]>): Promise<StateExit> {
	let results: unknown[];
	try {
		results = await withRetries(call, attempt);
	} catch (error) {
		const failure = dataFailure(call, error);
		call.lane.write(failedEvent);
		throw failure;
	}

	const {output, assign} = await stateResult(call.state.definition, call.input, results, call.env());
	return {output, next: nextOf(call.state), ...(assign !== undefined && {assign})};
}
