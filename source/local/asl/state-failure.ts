import type {StateEnv} from './state-env.js';
import {StatesError} from './states-error.js';

/**
 * AWS prefixes the cause of an error a state's own data processing raises
 * with where it happened: "An error occurred while executing the state 'X'
 * (entered at the event id #2). …" (recorded in every States.Runtime and
 * States.QueryEvaluationError cause of LocalStack's AWS snapshots, e.g.
 * v2/scenarios/test_base_scenarios.snapshot.json test_invalid_jsonpath).
 * Without an entered event id (TestState-like use) the bare cause stays.
 */
export function stateCause(env: Pick<StateEnv, 'context' | 'enteredEventId'>, detail: string): string {
	return env.enteredEventId === undefined ? detail : `An error occurred while executing the state '${env.context.State.Name}' (entered at the event id #${env.enteredEventId}). ${detail}`;
}

const prefixed = new Set(['States.Runtime', 'States.QueryEvaluationError', 'States.IntrinsicFailure']);

/** Runs one step of a state's data rules; its StatesErrors get the state's cause prefix. */
export async function withinState<T>(env: Pick<StateEnv, 'context' | 'enteredEventId'>, work: () => T | Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof StatesError && prefixed.has(error.error) && !error.located) {
			throw new StatesError(error.error, stateCause(env, error.cause), true, error.location);
		}

		throw error;
	}
}
