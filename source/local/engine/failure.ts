import {StatesError} from '../asl/index.js';

/**
 * Why a state failed: AWS's error and cause, either of which may be absent
 * (a Fail state without Error or Cause writes neither — recorded in LocalStack
 * v2/base/test_base.snapshot.json test_state_fail_empty). A `terminal` failure
 * ends the execution whatever Retry or Catch say: AWS never retries or catches
 * States.Runtime, not even when a Catch names it (recorded:
 * v2/scenarios/test_base_scenarios.snapshot.json test_catch_states_runtime).
 */
export class StateFailure extends Error {
	constructor(readonly error: string | undefined, override readonly cause: string | undefined, readonly terminal = false) {
		super(`${error ?? ''}: ${cause ?? ''}`);
		this.name = 'StateFailure';
	}

	/** What a Catch hands on (`$.Error`, `$.Cause`, `$states.errorOutput`). */
	errorOutput(): {Error: string; Cause: string} {
		const output: Record<string, string> = {...(this.error !== undefined && {Error: this.error}), ...(this.cause !== undefined && {Cause: this.cause})};
		return output as {Error: string; Cause: string};
	}

	/** `{error, cause}` for a failure event's details, leaving out what is absent. */
	details(): Record<string, string> {
		return {...(this.error !== undefined && {error: this.error}), ...(this.cause !== undefined && {cause: this.cause})};
	}
}

/** A States Language error from the data rules (asl), as a failure; States.Runtime is terminal. */
export function failureOf(error: StatesError): StateFailure {
	return new StateFailure(error.error, error.cause, error.error === 'States.Runtime');
}

export const dataLimitExceeded = (subject: string, terminal: boolean) => new StateFailure('States.DataLimitExceeded', `The state/task '${subject}' returned a result with a size exceeding the maximum number of bytes service limit.`, terminal);

/**
 * Whether a Retry or Catch's ErrorEquals takes this failure. States.ALL takes
 * every error (States.DataLimitExceeded from a task's result too: recorded in
 * LocalStack v2/error_handling/test_states_errors.snapshot.json
 * *_catch_state_all_data_limit_exceeded_*); States.TaskFailed every task error
 * but States.Timeout; a terminal failure nothing.
 */
export function errorMatches(errorEquals: readonly string[], failure: StateFailure): boolean {
	if (failure.terminal) {
		return false;
	}

	const error = failure.error ?? '';
	return errorEquals.some(name => name === 'States.ALL' || name === error || (name === 'States.TaskFailed' && error !== 'States.Timeout' && !error.startsWith('States.')));
}

export function isStatesError(error: unknown): error is StatesError {
	return error instanceof StatesError;
}
