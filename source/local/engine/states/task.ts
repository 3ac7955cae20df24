import {effectiveInput, numericField, stateResult} from '../../asl/index.js';
import {dataFailure} from '../data-failure.js';
import {integrationFor} from '../integrations/index.js';
import {withRetries} from '../retry.js';
import {nextOf, type StateCall, type StateExit} from '../run-states.js';

/**
 * Task: each attempt evaluates Parameters / Arguments and the timeouts with
 * `$$.State.RetryCount` for that attempt, then hands them to the Resource's
 * integration, which writes the attempt's events; Retry runs it again;
 * ResultSelector / ResultPath / OutputPath (or Output) make the state's output.
 * AWS has no default TimeoutSeconds for a Task (it is 99999999).
 */
export async function runTask(call: StateCall): Promise<StateExit> {
	const {state} = call;
	const resource = state.definition.Resource ?? '';
	const integration = integrationFor(resource);
	let lastRetryCount = 0;
	const result = await withRetries(call, async retryCount => {
		lastRetryCount = retryCount;
		const env = call.env(retryCount);
		let parameters: unknown;
		let timeoutSeconds: number | undefined;
		let heartbeatSeconds: number | undefined;
		try {
			parameters = await effectiveInput(state.definition, call.input, env);
			timeoutSeconds = await numericField(state.definition, 'TimeoutSeconds', call.input, env);
			heartbeatSeconds = await numericField(state.definition, 'HeartbeatSeconds', call.input, env);
		} catch (error) {
			throw dataFailure(call, error);
		}

		return integration({call, resource, parameters, timeoutSeconds, heartbeatSeconds, attempt: retryCount + 1, context: env.context});
	});
	const {output, assign} = await stateResult(state.definition, call.input, result, call.env(lastRetryCount));
	return {output, next: nextOf(state), ...(assign !== undefined && {assign})};
}
